import Testing

@testable import TackleDomain

/// Reference values from scipy.stats.norm 1.17 (`ppf`, `cdf`), an implementation independent of
/// this one.
@Suite("Normal distribution")
struct NormalDistributionTests {
    @Test(
        "normalQuantile matches reference values to 1e-9",
        arguments: [
            (0.975, 1.959_963_984_540_054),
            (0.5, 0.0),
            (0.3, -0.524_400_512_708_040_9),
            (0.024_25, -1.972_961_051_311_885),
            (0.001, -3.090_232_306_167_813),
            (1e-10, -6.361_340_902_404_056),
            (1e-20, -9.262_340_089_798_409),
            (0.999_999, 4.753_424_308_817_087),
        ]
    )
    func quantile(p: Double, z: Double) {
        #expect(isClose(Statistics.normalQuantile(p), z, within: 1e-9))
    }

    @Test("normalQuantile in the far tail keeps relative precision")
    func farTail() {
        #expect(isClose(Statistics.normalQuantile(1e-300), -37.047_096_299_361_2, within: 1e-9))
        // Down to subnormal probabilities: the refinement step must not overflow into NaN.
        #expect(isClose(Statistics.normalQuantile(.leastNormalMagnitude), -37.519_379_347_144_5, within: 1e-9))
        #expect(isClose(Statistics.normalQuantile(.leastNormalMagnitude / 1e8), -38.006_833_693_265_25, within: 1e-6))
        #expect(isClose(Statistics.normalQuantile(.leastNonzeroMagnitude), -38.467_405_617_144_344, within: 1e-3))
    }

    @Test("normalQuantile at and beyond the ends")
    func ends() {
        #expect(Statistics.normalQuantile(0) == -.infinity)
        #expect(Statistics.normalQuantile(1) == .infinity)
        #expect(Statistics.normalQuantile(-0.1).isNaN)
        #expect(Statistics.normalQuantile(1.1).isNaN)
        #expect(Statistics.normalQuantile(.nan).isNaN)
    }

    @Test("normalQuantile is antisymmetric about 0.5", arguments: [0.001, 0.02, 0.1, 0.25, 0.4999])
    func antisymmetric(p: Double) {
        #expect(isClose(Statistics.normalQuantile(p), -Statistics.normalQuantile(1 - p), within: 1e-9))
    }

    @Test(
        "normalCDF matches reference values",
        arguments: [
            (1.96, 0.975_002_104_851_779_5),
            (0.0, 0.5),
            (-3.0, 0.001_349_898_031_630_093_3),
        ]
    )
    func cdf(z: Double, p: Double) {
        #expect(isClose(Statistics.normalCDF(z), p, within: 1e-14))
    }

    @Test("normalCDF keeps relative precision deep in the lower tail")
    func cdfTail() {
        let p = Statistics.normalCDF(-10)
        #expect(abs(p / 7.619_853_024_160_47e-24 - 1) < 1e-12)
    }

    @Test(
        "normalCDF inverts normalQuantile across the range",
        arguments: [1e-15, 3e-12, 1e-8, 2.5e-5, 0.001, 0.02, 0.0242, 0.0243, 0.1, 0.3, 0.5, 0.7, 0.9, 0.99, 0.999]
    )
    func roundTrip(p: Double) {
        let back = Statistics.normalCDF(Statistics.normalQuantile(p))
        #expect(abs(back / p - 1) < 1e-12)
    }
}
