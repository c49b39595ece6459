#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension Statistics {
    /// The two-proportion z-test with pooled standard error.
    ///
    /// z = (p_a - p_b) / sqrt(p̄(1 - p̄)(1/n_a + 1/n_b)), where p̄ is the pooled rate. The
    /// normal approximation is rough when few defects are expected; read it next to
    /// ``fisherExactTwoSided(_:_:)``, which is exact.
    ///
    /// - Parameters:
    ///   - a: The first proportion.
    ///   - b: The second proportion.
    /// - Returns: z (positive when `a`'s rate is higher) and the two-sided p-value; `nil` when
    ///   either side inspected nothing or the pooled rate is 0 or 1, so that z is undefined.
    public static func twoProportionZTest(_ a: Proportion, _ b: Proportion) -> ZTestResult? {
        guard let rateA = a.rate, let rateB = b.rate else { return nil }
        let pooled = Proportion.pooled([a, b])
        guard let pooledRate = pooled.rate, pooledRate > 0, pooledRate < 1 else { return nil }
        let variance = pooledRate * (1 - pooledRate) * (1 / Double(a.inspected) + 1 / Double(b.inspected))
        let z = (rateA - rateB) / variance.squareRoot()
        return ZTestResult(z: z, pValue: min(1, 2 * normalUpperTail(abs(z))))
    }

    /// The two-sided p-value of Fisher's exact test on the 2×2 table of two proportions.
    ///
    /// Given the margins, the count of defective items in `a` follows a hypergeometric
    /// distribution. The p-value is the total probability of all tables no more likely than
    /// the observed one, as R's `fisher.test` computes it, including its relative tolerance of
    /// 1e-7 so that tables equally likely in exact arithmetic are not lost to rounding. Each
    /// probability comes from log-factorials (`lgamma`), so counts in the thousands neither
    /// overflow nor underflow.
    ///
    /// - Parameters:
    ///   - a: The first proportion.
    ///   - b: The second proportion.
    /// - Returns: The p-value in `0...1`; 1 when the margins allow only one table, such as when
    ///   either side inspected nothing or no item at all was defective.
    public static func fisherExactTwoSided(_ a: Proportion, _ b: Proportion) -> Double {
        let sizeA = a.inspected
        let sizeB = b.inspected
        let defective = a.defective + b.defective
        let lowest = max(0, defective - sizeB)
        let highest = min(defective, sizeA)
        guard lowest < highest else { return 1 }

        // log of C(sizeA, x) * C(sizeB, defective - x), the hypergeometric weight of x up to the
        // constant 1 / C(sizeA + sizeB, defective), which cancels in the ratio below.
        func logWeight(_ x: Int) -> Double {
            logChoose(sizeA, x) + logChoose(sizeB, defective - x)
        }
        let logWeights = (lowest...highest).map(logWeight)
        let largest = logWeights.max() ?? 0
        let weights = logWeights.map { exp($0 - largest) }
        let observed = weights[a.defective - lowest]
        let threshold = observed * (1 + 1e-7)
        var total = 0.0
        var asExtreme = 0.0
        for weight in weights {
            total += weight
            if weight <= threshold { asExtreme += weight }
        }
        return min(1, asExtreme / total)
    }

    /// log C(n, k), the logarithm of the binomial coefficient.
    private static func logChoose(_ n: Int, _ k: Int) -> Double {
        logFactorial(n) - logFactorial(k) - logFactorial(n - k)
    }

    /// log n!, through log-gamma.
    private static func logFactorial(_ n: Int) -> Double {
        #if canImport(Darwin)
        return lgamma(Double(n) + 1)
        #else
        // The reentrant variant, so that concurrent callers do not race on the global `signgam`.
        var sign: Int32 = 0
        return lgamma_r(Double(n) + 1, &sign)
        #endif
    }
}
