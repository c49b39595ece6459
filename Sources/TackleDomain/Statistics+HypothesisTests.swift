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

        // Weights relative to the mode's, which is the largest: the hypergeometric distribution is
        // unimodal, so the terms fall away from the mode on both sides. Walking outward with the
        // ratio of neighbouring terms needs no log-gamma per term, and a side stops once its terms
        // are negligible both against the total and against the observed table's weight: a pooled
        // year (2,000,000 slabs a side) visits a few thousand terms, not the whole support.
        let mode = min(max((defective + 1) * (sizeA + 1) / (sizeA + sizeB + 2), lowest), highest)
        let logMode = logChoose(sizeA, mode) + logChoose(sizeB, defective - mode)
        let observedLog = logChoose(sizeA, a.defective) + logChoose(sizeB, defective - a.defective) - logMode
        let threshold = exp(observedLog) * (1 + 1e-7)
        // Below this a term changes neither sum: the total is at least 1 (the mode), and terms
        // counted in the p-value are compared with the observed weight.
        let negligible = min(1e-17, threshold * 1e-17)

        var total = 1.0
        var asExtreme = 1 <= threshold ? 1.0 : 0.0
        // Upward: w(x + 1) / w(x) = (sizeA - x)(defective - x) / ((x + 1)(sizeB - defective + x + 1)).
        var weight = 1.0
        var x = mode
        while x < highest {
            let ratio =
                Double(sizeA - x) * Double(defective - x) / (Double(x + 1) * Double(sizeB - defective + x + 1))
            weight *= ratio
            x += 1
            if weight < negligible || weight == 0 { break }
            total += weight
            if weight <= threshold { asExtreme += weight }
        }
        // Downward: w(x - 1) / w(x) = x (sizeB - defective + x) / ((sizeA - x + 1)(defective - x + 1)).
        weight = 1.0
        x = mode
        while x > lowest {
            let ratio = Double(x) * Double(sizeB - defective + x) / (Double(sizeA - x + 1) * Double(defective - x + 1))
            weight *= ratio
            x -= 1
            if weight < negligible || weight == 0 { break }
            total += weight
            if weight <= threshold { asExtreme += weight }
        }
        return min(1, asExtreme / total)
    }

    /// log C(n, k), the logarithm of the binomial coefficient.
    private static func logChoose(_ n: Int, _ k: Int) -> Double {
        logFactorial(n) - logFactorial(k) - logFactorial(n - k)
    }

    /// log n!, through log-gamma; read from a table for the small n that trials and baselines
    /// mostly have.
    ///
    /// A trial plan runs hundreds of thousands of Fisher tests, each of them twelve log-gammas: the
    /// table, filled once with the same log-gammas, gives the same values for a fifth of the cost.
    private static func logFactorial(_ n: Int) -> Double {
        n < LogFactorials.count ? LogFactorials.table[n] : computedLogFactorial(n)
    }

    /// log n! as log-gamma computes it.
    fileprivate static func computedLogFactorial(_ n: Int) -> Double {
        #if canImport(Darwin)
        return lgamma(Double(n) + 1)
        #else
        // The reentrant variant, so that concurrent callers do not race on the global `signgam`.
        var sign: Int32 = 0
        return lgamma_r(Double(n) + 1, &sign)
        #endif
    }
}

/// log n! for n below ``count``, computed on first use (64 KB, a fraction of a millisecond).
private enum LogFactorials {
    static let count = 8192
    static let table: [Double] = (0..<count).map(Statistics.computedLogFactorial)
}
