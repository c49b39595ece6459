#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The statistics the plant needs to judge defect rates: intervals, tests, sample sizes,
/// control charts and progress to target.
///
/// Everything here is a pure function. The functions on counts and rates return `nil` rather
/// than `NaN` when their inputs leave the result undefined (nothing inspected, no difference
/// to detect), so a report can print "n/a" instead of a number that means nothing; only the
/// normal distribution functions follow floating-point convention.
public enum Statistics {
    /// The standard normal cumulative distribution function, Φ(z).
    ///
    /// Computed through `erfc`, so the lower tail keeps full relative precision far out
    /// (Φ(-10) ≈ 7.6e-24 rather than 0).
    ///
    /// - Parameter z: The standard normal deviate.
    /// - Returns: The probability that a standard normal variable is at most `z`.
    public static func normalCDF(_ z: Double) -> Double {
        0.5 * erfc(-z / 2.0.squareRoot())
    }

    /// The upper-tail probability of the standard normal distribution, 1 - Φ(z), without the
    /// cancellation of computing `1 - normalCDF(z)` for large `z`.
    static func normalUpperTail(_ z: Double) -> Double {
        0.5 * erfc(z / 2.0.squareRoot())
    }

    /// The inverse of the standard normal cumulative distribution function, Φ⁻¹(p).
    ///
    /// Uses Peter Acklam's rational approximation (relative error below 1.2e-9) followed by
    /// one step of Halley's method against ``normalCDF(_:)``, which brings the result to
    /// about machine precision.
    ///
    /// - Parameter p: A probability.
    /// - Returns: The `z` with Φ(z) = `p`; `-infinity` for 0, `+infinity` for 1, and `NaN`
    ///   outside `0...1` or for `NaN`.
    public static func normalQuantile(_ p: Double) -> Double {
        guard p >= 0, p <= 1 else { return .nan }
        if p == 0 { return -.infinity }
        if p == 1 { return .infinity }
        // The upper half mirrors the lower one; working in the lower tail keeps `p` small
        // where the refinement needs relative precision.
        if p > 0.5 { return -normalQuantile(1 - p) }

        let x = acklam(p)
        // One Halley step: `error` is the error in probability, `u` the error in z to first
        // order. For subnormal `p` the density underflows, and Acklam's value is kept.
        let error = normalCDF(x) - p
        let u = error * (2 * Double.pi).squareRoot() * exp(x * x / 2)
        guard u.isFinite else { return x }
        return x - u / (1 + x * u / 2)
    }

    /// Acklam's approximation of Φ⁻¹(p) for `0 < p <= 0.5`.
    private static func acklam(_ p: Double) -> Double {
        let a = [
            -3.969_683_028_665_376e+01, 2.209_460_984_245_205e+02, -2.759_285_104_469_687e+02,
            1.383_577_518_672_690e+02, -3.066_479_806_614_716e+01, 2.506_628_277_459_239e+00,
        ]
        let b = [
            -5.447_609_879_822_406e+01, 1.615_858_368_580_409e+02, -1.556_989_798_598_866e+02,
            6.680_131_188_771_972e+01, -1.328_068_155_288_572e+01,
        ]
        let c = [
            -7.784_894_002_430_293e-03, -3.223_964_580_411_365e-01, -2.400_758_277_161_838e+00,
            -2.549_732_539_343_734e+00, 4.374_664_141_464_968e+00, 2.938_163_982_698_783e+00,
        ]
        let d = [
            7.784_695_709_041_462e-03, 3.224_671_290_700_398e-01, 2.445_134_137_142_996e+00,
            3.754_408_661_907_416e+00,
        ]
        let lowTail = 0.024_25
        if p < lowTail {
            let q = (-2 * log(p)).squareRoot()
            let numerator = ((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]
            let denominator = (((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1
            return numerator / denominator
        }
        let q = p - 0.5
        let r = q * q
        let numerator = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
        let denominator = ((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1
        return numerator / denominator
    }

    /// The two-sided critical value z for a confidence level, such as 1.96 for 0.95; `nil`
    /// unless `confidence` lies strictly between 0 and 1.
    static func criticalValue(confidence: Double) -> Double? {
        guard confidence > 0, confidence < 1 else { return nil }
        return normalQuantile(1 - (1 - confidence) / 2)
    }
}
