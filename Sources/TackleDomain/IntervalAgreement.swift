/// Whether the 95 % interval printed beside a verdict tells the same story as the test it rests on.
///
/// The verdict comes from Fisher's exact test, adjusted by Holm over the project's trials; the
/// interval of the difference is Newcombe's, unadjusted. They usually agree, but not always: near
/// the edge the interval can exclude 0 while the test does not reach α, or the reverse. A report
/// must never print both without saying which one to believe.
public enum IntervalAgreement: String, Sendable, Hashable, Codable, CaseIterable {
    /// The interval excludes 0 exactly when the verdict is better or worse.
    case agrees
    /// The interval excludes 0, but the (adjusted) exact test does not reach α: not shown.
    case intervalExcludesZeroTestDoesNot = "interval-excludes-zero-test-does-not"
    /// The (adjusted) exact test reaches α, but the interval still includes 0: the verdict stands
    /// on the exact test, with the size of the change uncertain.
    case testSignificantIntervalIncludesZero = "test-significant-interval-includes-zero"

    /// Compares a verdict with the interval of the difference printed beside it.
    ///
    /// - Parameters:
    ///   - verdict: The verdict, from the adjusted p.
    ///   - interval: The 95 % interval of baseline minus trial; `nil` when undefined.
    /// - Returns: The agreement; ``agrees`` when there is no interval.
    public static func of(_ verdict: Verdict, interval: ClosedRange<Double>?) -> IntervalAgreement {
        guard let interval else { return .agrees }
        let excludesZero = interval.lowerBound > 0 || interval.upperBound < 0
        switch (verdict == .noDetectableChange, excludesZero) {
        case (true, true): return .intervalExcludesZeroTestDoesNot
        case (false, false): return .testSignificantIntervalIncludesZero
        default: return .agrees
        }
    }
}
