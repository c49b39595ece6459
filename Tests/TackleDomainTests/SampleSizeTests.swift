import Testing

@testable import TackleDomain

@Suite("Sample size")
struct SampleSizeTests {
    @Test("a drop from 3 % to 1 % takes about 770 slabs per arm")
    func domainExample() throws {
        let n = try #require(Statistics.sampleSizePerArm(baselineRate: 0.03, expectedRate: 0.01))
        #expect((760...775).contains(n))
        // The formula gives 768.01 before rounding up.
        #expect(n == 769)
    }

    @Test("R's power.prop.test example: 0.50 vs 0.75 at power 0.90 needs n = 76.7, so 77")
    func rExample() {
        #expect(Statistics.sampleSizePerArm(baselineRate: 0.5, expectedRate: 0.75, power: 0.9) == 77)
    }

    @Test("the direction of the change does not matter")
    func symmetric() {
        #expect(
            Statistics.sampleSizePerArm(baselineRate: 0.01, expectedRate: 0.03)
                == Statistics.sampleSizePerArm(baselineRate: 0.03, expectedRate: 0.01)
        )
    }

    @Test("stricter alpha, more power, or a smaller change all need more slabs")
    func monotone() throws {
        let base = try #require(Statistics.sampleSizePerArm(baselineRate: 0.03, expectedRate: 0.01))
        let strict = try #require(Statistics.sampleSizePerArm(baselineRate: 0.03, expectedRate: 0.01, alpha: 0.01))
        let powerful = try #require(Statistics.sampleSizePerArm(baselineRate: 0.03, expectedRate: 0.01, power: 0.9))
        let smaller = try #require(Statistics.sampleSizePerArm(baselineRate: 0.03, expectedRate: 0.02))
        #expect(strict > base)
        #expect(powerful > base)
        #expect(smaller > base)
    }

    @Test("an expected rate of 0 is allowed: a trial that found no crack")
    func zeroExpected() throws {
        let n = try #require(Statistics.sampleSizePerArm(baselineRate: 0.03, expectedRate: 0))
        // (1.96·sqrt(2·0.015·0.985) + 0.8416·sqrt(0.03·0.97))² / 0.03² = 256.5
        #expect(n == 257)
    }

    @Test(
        "nil when there is nothing to detect or an input is out of range",
        arguments: [
            (0.03, 0.03, 0.05, 0.8),
            (-0.01, 0.01, 0.05, 0.8),
            (0.03, 1.01, 0.05, 0.8),
            (0.03, 0.01, 0, 0.8),
            (0.03, 0.01, 1, 0.8),
            (0.03, 0.01, 0.05, 0),
            (0.03, 0.01, 0.05, 1),
            (.nan, 0.01, 0.05, 0.8),
            (0.03, 0.01, .nan, 0.8),
        ]
    )
    func undefined(p1: Double, p2: Double, alpha: Double, power: Double) {
        #expect(Statistics.sampleSizePerArm(baselineRate: p1, expectedRate: p2, alpha: alpha, power: power) == nil)
    }

    @Test("nil rather than a trap when the answer does not fit")
    func tooLarge() {
        #expect(Statistics.sampleSizePerArm(baselineRate: 0.03, expectedRate: 0.03 + 1e-12) == nil)
    }
}
