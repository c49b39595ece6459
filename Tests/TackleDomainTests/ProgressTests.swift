import Testing

@testable import TackleDomain

@Suite("Progress to target")
struct ProgressTests {
    @Test(
        "share of the baseline-to-target gap closed, unclamped",
        arguments: [
            (0.032, 0.005, 0.032, 0.0),
            (0.032, 0.005, 0.005, 1.0),
            (0.032, 0.005, 0.0185, 0.5),
            (0.032, 0.005, 0.0, 0.032 / 0.027),
            (0.032, 0.005, 0.0455, -0.5),
        ]
    )
    func gapClosed(baseline: Double, target: Double, current: Double, expected: Double) {
        #expect(
            isClose(Statistics.gapClosed(baseline: baseline, target: target, current: current), expected, within: 1e-12)
        )
    }

    @Test(
        "nil when there is no gap to close or a value is not finite",
        arguments: [
            (0.005, 0.005, 0.003),
            (0.005, 0.01, 0.003),
            (Double.nan, 0.005, 0.01),
            (0.03, 0.005, .infinity),
        ]
    )
    func undefined(baseline: Double, target: Double, current: Double) {
        #expect(Statistics.gapClosed(baseline: baseline, target: target, current: current) == nil)
    }
}
