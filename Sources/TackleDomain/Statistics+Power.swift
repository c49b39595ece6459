extension Statistics {
    /// The most slabs a plan considers for one arm: far more than a caster makes in years.
    ///
    /// A trial needing more is reported as out of reach; the power of Fisher's test barely
    /// changes beyond this size, because the trial's rate is then all but known.
    public static let maximumPlannedSlabs = 10_000_000

    /// The power of Fisher's exact test to show a drop from a baseline rate to a trial rate.
    ///
    /// Both arms are random: the baseline's count of defective slabs is binomial with
    /// `baselineSlabs` trials at `baselineRate`, the trial's is binomial with `trialSlabs` trials
    /// at `trialRate`. The power is the probability that the trial shows a drop, meaning that
    /// ``fisherExactTwoSided(_:_:)`` (the test the verdict uses) gives p < `alpha` and the trial's
    /// rate is below the baseline's:
    ///
    ///     power = Σ_x0 Bin(x0; n0, p0) · P(X1 ≤ c(x0))
    ///
    /// where c(x0) is the largest trial count with x1/n1 < x0/n0 that the test rejects. The sum
    /// is exact up to rounding: it visits every baseline count whose probability is at least
    /// 1e-12 of the most likely one's, and finds each c(x0) by bisection over the trial counts
    /// that carry the trial's probability. Binomial probabilities are built outward from the
    /// mode through the ratio of neighbouring terms and normalised, so arms of millions of
    /// slabs neither overflow nor underflow.
    ///
    /// > Note: The bisection takes the trial counts the test rejects, for one baseline count, to be
    /// > all counts up to c(x0). A brute-force search in Python found that true at every baseline
    /// > rate up to 80 % (baselines of 1 to 79 slabs and some up to 500, trials of up to 300, α of
    /// > 0.01, 0.05 and 0.1). Near a baseline rate of 100 % the two-sided p-value is not monotone
    /// > in the trial's count, and the power there may be slightly off.
    ///
    /// - Parameters:
    ///   - baselineSlabs: The slabs in the baseline, n0.
    ///   - baselineRate: The baseline's true defect rate, p0, in `0...1`.
    ///   - trialSlabs: The slabs in the trial, n1.
    ///   - trialRate: The trial's true defect rate, in `0...1`.
    ///   - alpha: The two-sided significance level, strictly between 0 and 1.
    /// - Returns: The power in `0...1`; 0 when either arm has no slab. `nil` when a count is
    ///   negative, a rate lies outside `0...1`, or `alpha` outside `(0, 1)`.
    public static func fisherPower(
        baselineSlabs: Int,
        baselineRate: Double,
        trialSlabs: Int,
        trialRate: Double,
        alpha: Double = 0.05
    ) -> Double? {
        guard baselineSlabs >= 0, trialSlabs >= 0, (0...1).contains(baselineRate), (0...1).contains(trialRate),
            alpha > 0, alpha < 1
        else { return nil }
        return dropPower(
            baselineSlabs: baselineSlabs, baselineRate: baselineRate, trialSlabs: trialSlabs, trialRate: trialRate,
            alpha: alpha)
    }

    /// ``fisherPower(baselineSlabs:baselineRate:trialSlabs:trialRate:alpha:)`` for checked inputs.
    static func dropPower(
        baselineSlabs n0: Int,
        baselineRate p0: Double,
        trialSlabs n1: Int,
        trialRate: Double,
        alpha: Double
    ) -> Double {
        guard n0 > 0, n1 > 0 else { return 0 }
        let baseline = BinomialMass(trials: n0, rate: p0, negligible: 1e-12)
        let trial = BinomialMass(trials: n1, rate: trialRate, negligible: 1e-15)
        var power = 0.0
        var previous: (count: Int, step: Int)?
        for (index, weight) in baseline.probabilities.enumerated() {
            let x0 = baseline.first + index
            guard x0 > 0 else { continue }
            // The largest trial count with a rate strictly below the baseline's: x1·n0 < x0·n1.
            // Int128, because a plan may multiply a large baseline by millions of trial slabs.
            let below = Int((Int128(x0) * Int128(n1) - 1) / Int128(n0))
            let highest = min(below, trial.last)
            guard highest >= trial.first else { continue }
            let hint = previous.map { $0.count + $0.step }
            let count = largestRejected(
                baseline: x0, of: n0, trial: trial.first...highest, of: n1, alpha: alpha, hint: hint)
            previous = (count, previous.map { count - $0.count } ?? 0)
            power += weight * trial.probability(atMost: count)
        }
        return min(1, max(0, power))
    }

    /// The largest trial count in `counts` that Fisher's test rejects against `x0` of `n0`, or
    /// one less than the lowest count when it rejects none of them.
    ///
    /// The rejected counts are taken to be all counts up to the answer (see the note on
    /// ``fisherPower(baselineSlabs:baselineRate:trialSlabs:trialRate:alpha:)``), so the answer is
    /// found by bisection, starting with a gallop from `hint`: the previous baseline count's
    /// answer moved by its last step, which is usually right or close, so most baseline counts
    /// cost two or three tests.
    private static func largestRejected(
        baseline x0: Int,
        of n0: Int,
        trial counts: ClosedRange<Int>,
        of n1: Int,
        alpha: Double,
        hint: Int?
    ) -> Int {
        let baseline = Proportion(unchecked: x0, inspected: n0)
        func rejects(_ x1: Int) -> Bool {
            fisherExactTwoSided(baseline, Proportion(unchecked: x1, inspected: n1)) < alpha
        }
        if rejects(counts.upperBound) { return counts.upperBound }
        if !rejects(counts.lowerBound) { return counts.lowerBound - 1 }
        // Invariant: `rejected` is rejected, `kept` is not.
        var rejected = counts.lowerBound
        var kept = counts.upperBound
        if let hint, hint > rejected, hint < kept {
            var step = 1
            if rejects(hint) {
                rejected = hint
                while rejected + step < kept {
                    if rejects(rejected + step) {
                        rejected += step
                        step *= 2
                    } else {
                        kept = rejected + step
                        break
                    }
                }
            } else {
                kept = hint
                while kept - step > rejected {
                    if rejects(kept - step) {
                        rejected = kept - step
                        break
                    } else {
                        kept -= step
                        step *= 2
                    }
                }
            }
        }
        while kept - rejected > 1 {
            let middle = rejected + (kept - rejected) / 2
            if rejects(middle) { rejected = middle } else { kept = middle }
        }
        return rejected
    }
}

extension Statistics {
    /// Plans a trial against a measured baseline: the trial slabs that give Fisher's exact test the
    /// wanted power to show a drop to `plannedRate`, or, when no trial is enough, how close one
    /// gets and what a baseline and a trial of as many slabs would need.
    ///
    /// The baseline keeps its slabs and its rate is taken as the true one; the trial's true rate is
    /// `plannedRate`. Powers are exact
    /// (``fisherPower(baselineSlabs:baselineRate:trialSlabs:trialRate:alpha:)``). Power does not
    /// rise steadily with the trial's size: the test's discreteness makes it saw up and down. So
    /// the answer is the first size this search finds, not always the smallest: it doubles the
    /// trial (1, 2, 4, ... slabs) until the power reaches `power`, then bisects between the last
    /// size short of it and the first reaching it, and returns a size that reaches the power one
    /// slab above a size that does not. Against 48 of 1500 planned at 1 %, it finds 470 slabs
    /// (power 0.804, and 469 give 0.798), while 466 slabs already give 0.801: a sawtooth tooth a
    /// few slabs wide, which matters little for a plan.
    ///
    /// When no trial of up to ``maximumPlannedSlabs`` slabs reaches the power, the plan takes it
    /// that none will: a larger trial knows its rate all but exactly, and the baseline's own
    /// uncertainty caps the power (48 of 1500 planned at 1/48: at most 0.789, settling at 0.788 as
    /// the trial grows). The plan then gives the highest power among the sizes the search tried,
    /// and the equal-arms size: the slabs a planned baseline at the measured rate and a trial of
    /// as many would each need, found by the same search.
    ///
    /// - Parameters:
    ///   - baseline: The measured baseline, with at least one slab inspected.
    ///   - plannedRate: The trial's planned rate, at least 0 and below the baseline's rate: the
    ///     project's target, or a rate the engineer expects. Never the rate a small trial happened
    ///     to show, which overstates what the trial will do.
    ///   - power: The power wanted, strictly between 0 and 1.
    ///   - alpha: The two-sided significance level, strictly between 0 and 1.
    /// - Returns: The plan.
    /// - Throws: ``DomainError`` naming `expect` when the planned rate is not a rate or not
    ///   below the baseline's, `power` or `alpha` when out of range, and `baseline` when it
    ///   inspected nothing.
    public static func planTrial(
        baseline: Proportion,
        plannedRate: Double,
        power: Double = 0.8,
        alpha: Double = 0.05
    ) throws(DomainError) -> TrialPlan {
        guard let baselineRate = baseline.rate else {
            throw DomainError(
                .invalidValue, field: "baseline", message: "the baseline must count at least one inspected slab")
        }
        guard plannedRate.isFinite, plannedRate >= 0, plannedRate < 1 else {
            throw DomainError(
                .outOfRange, field: "expect",
                message: "the planned rate (\(plannedRate)) must be at least 0% and below 100%")
        }
        guard plannedRate < baselineRate else {
            throw DomainError(
                .invalidValue, field: "expect",
                message: "\(Format.percent(plannedRate)) is not below the baseline \(Format.percent(baselineRate)) "
                    + "(\(baseline)): a trial can only be planned to show a drop")
        }
        guard power > 0, power < 1 else {
            throw DomainError(
                .outOfRange, field: "power", message: "the power (\(power)) must be between 0 and 1, such as 0.8")
        }
        guard alpha > 0, alpha < 1 else {
            throw DomainError(
                .outOfRange, field: "alpha", message: "the significance level (\(alpha)) must be between 0 and 1")
        }
        let trial = searchSize(reaching: power) { slabs in
            dropPower(
                baselineSlabs: baseline.inspected, baselineRate: baselineRate, trialSlabs: slabs,
                trialRate: plannedRate, alpha: alpha)
        }
        let outcome: TrialPlan.Outcome
        if let slabs = trial.slabs {
            outcome = .trial(slabs: slabs, power: trial.power)
        } else {
            let equal = equalArms(baselineRate: baselineRate, plannedRate: plannedRate, power: power, alpha: alpha)
            outcome = .unreachable(maximumPower: trial.power, equalArmSlabs: equal.slabs, equalArmPower: equal.power)
        }
        return TrialPlan(
            baseline: baseline, plannedRate: plannedRate, alpha: alpha, powerTarget: power, outcome: outcome)
    }

    /// The slabs a planned baseline at `baselineRate` and a trial of as many at `plannedRate`
    /// each need for Fisher's test to show the drop with `power`, by the search of
    /// ``planTrial(baseline:plannedRate:power:alpha:)``.
    ///
    /// - Returns: The slabs per arm and their power; `nil` slabs, with the highest power seen,
    ///   when ``maximumPlannedSlabs`` a side fall short.
    static func equalArms(
        baselineRate: Double,
        plannedRate: Double,
        power: Double,
        alpha: Double
    ) -> (slabs: Int?, power: Double?) {
        let found = searchSize(reaching: power) { slabs in
            dropPower(
                baselineSlabs: slabs, baselineRate: baselineRate, trialSlabs: slabs, trialRate: plannedRate,
                alpha: alpha)
        }
        return found.slabs == nil ? (nil, nil) : (found.slabs, found.power)
    }

    /// The first size the search finds whose power reaches `target`: doubling from 1 slab, then
    /// bisecting between the last size short of the target and the first reaching it.
    ///
    /// - Returns: The size and its power; or `nil` and the highest power seen when no size up
    ///   to ``maximumPlannedSlabs`` reaches the target.
    private static func searchSize(
        reaching target: Double,
        power: (Int) -> Double
    ) -> (slabs: Int?, power: Double) {
        // No slabs have no power, and the target is above 0: 0 is short of it.
        var short = 0
        var highest = 0.0
        var size = 1
        while true {
            let reached = power(size)
            if reached >= target {
                var reaching = (slabs: size, power: reached)
                while reaching.slabs - short > 1 {
                    let middle = short + (reaching.slabs - short) / 2
                    let power = power(middle)
                    if power >= target { reaching = (middle, power) } else { short = middle }
                }
                return reaching
            }
            highest = max(highest, reached)
            short = size
            if size >= maximumPlannedSlabs { return (nil, highest) }
            size = min(2 * size, maximumPlannedSlabs)
        }
    }
}

/// The probabilities of a binomial distribution over the counts that carry its mass.
///
/// Terms are built outward from the mode with the ratio of neighbours, dropped once they fall
/// below `negligible` times the mode's, and normalised to sum to 1: no factorials, so millions
/// of trials cost only the few thousand counts around the mean.
private struct BinomialMass {
    /// The lowest count kept.
    let first: Int
    /// P(X = first + i), normalised over the counts kept.
    let probabilities: [Double]
    /// P(X ≤ first + i).
    let cumulative: [Double]

    /// The highest count kept.
    var last: Int { first + probabilities.count - 1 }

    init(trials n: Int, rate p: Double, negligible: Double) {
        guard p > 0, p < 1 else {
            first = p >= 1 ? n : 0
            probabilities = [1]
            cumulative = [1]
            return
        }
        let mode = min(n, Int((Double(n) + 1) * p))
        let odds = p / (1 - p)
        var upward: [Double] = []
        var weight = 1.0
        var k = mode
        while k < n {
            weight *= Double(n - k) / Double(k + 1) * odds
            k += 1
            if weight < negligible { break }
            upward.append(weight)
        }
        var downward: [Double] = []
        weight = 1.0
        k = mode
        while k > 0 {
            weight *= Double(k) / Double(n - k + 1) / odds
            k -= 1
            if weight < negligible { break }
            downward.append(weight)
        }
        var terms = Array(downward.reversed())
        terms.append(1)
        terms.append(contentsOf: upward)
        let total = terms.reduce(0, +)
        first = mode - downward.count
        probabilities = terms.map { $0 / total }
        var running = 0.0
        cumulative = probabilities.map { term in
            running += term
            return running
        }
    }

    /// P(X ≤ count), with the counts dropped as negligible taken as impossible.
    func probability(atMost count: Int) -> Double {
        if count < first { return 0 }
        if count >= last { return 1 }
        return cumulative[count - first]
    }
}
