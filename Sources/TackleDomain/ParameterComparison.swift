/// Which setting works: a project's trials pooled by the value of one parameter, each pooled group
/// judged against the baseline and against the other groups, and optionally a test for a trend
/// across the ordered values.
///
/// "Does a lower specific water lower the crack rate?": trials run at 0.60, 0.62 and 0.65 L/kg are
/// pooled into one row per value (or per window of values, with a bin width). Each row is compared
/// with the project's baseline; the rows form one family, so their Fisher p-values are adjusted by
/// Holm over all of them and each verdict rests on the adjusted p. Trials that do not record the
/// parameter form a row of their own, which is part of that family but never of the trend or the
/// pairs. The rows of values are also compared with each other, pair by pair, adjusted by Holm over
/// the pairs; and the Cochran-Armitage test says whether the rate rises or falls with the value.
///
/// Build one with ``init(_:binWidth:trend:alpha:)`` from the facts the store gathers.
public struct ParameterComparison: Sendable, Hashable, Codable {
    /// One row: the trials pooled at one value (or in one window of values) of the parameter, or
    /// the trials that lack it, with their comparison against the baseline.
    public struct Group: Sendable, Hashable, Codable {
        /// What the row holds.
        public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
            /// Trials with exactly one value of the parameter.
            case value
            /// Trials with a value in one window `[lower, lower + width)`.
            case bin
            /// Trials that do not record the parameter.
            case without
        }

        /// What the row holds.
        public var kind: Kind
        /// How a report names the row: `0.62 L/kg`, `0.60–0.65 L/kg`, `without specific_water`.
        public var label: String
        /// The value, or the lower bound of the window; `nil` for the trials without the parameter.
        public var value: Double?
        /// The upper bound of the window, not included in it; `nil` unless the row is a window.
        public var upperBound: Double?
        /// The unit of the value in its one stored spelling (possibly empty); `nil` without a value.
        public var unit: String?
        /// The score of the row in the trend test: the value, or the window's midpoint.
        public var score: Double?
        /// The numbers of the trials pooled in the row, ascending (2 for T2).
        public var trials: [Int]
        /// The pooled counts against the baseline, with the Holm-adjusted p over all the rows.
        public var comparison: Comparison

        /// Creates a row.
        ///
        /// - Parameters:
        ///   - kind: What the row holds.
        ///   - label: How a report names the row.
        ///   - value: The value or the window's lower bound.
        ///   - upperBound: The window's upper bound.
        ///   - unit: The unit.
        ///   - score: The score in the trend test.
        ///   - trials: The numbers of the pooled trials.
        ///   - comparison: The pooled counts against the baseline.
        public init(
            kind: Kind, label: String, value: Double?, upperBound: Double?, unit: String?, score: Double?,
            trials: [Int], comparison: Comparison
        ) {
            self.kind = kind
            self.label = label
            self.value = value
            self.upperBound = upperBound
            self.unit = unit
            self.score = score
            self.trials = trials
            self.comparison = comparison
        }

        /// The pooled counts of the row's trials.
        public var counts: Proportion { comparison.trial }
    }

    /// Two rows of values judged against each other.
    public struct Pair: Sendable, Hashable, Codable {
        /// The label of the first row (the lower value).
        public var first: String
        /// The label of the second row.
        public var second: String
        /// The first row's rate minus the second's, with the Holm-adjusted p over all the pairs.
        public var comparison: RateDifference

        /// Creates a pair.
        ///
        /// - Parameters:
        ///   - first: The label of the first row.
        ///   - second: The label of the second row.
        ///   - comparison: The first row against the second.
        public init(first: String, second: String, comparison: RateDifference) {
            self.first = first
            self.second = second
            self.comparison = comparison
        }
    }

    /// The Cochran-Armitage test for a trend in the rate across the ordered values (two-sided).
    public struct Trend: Sendable, Hashable, Codable, CustomStringConvertible {
        /// What the test shows.
        public enum Direction: String, Sendable, Hashable, Codable, CaseIterable {
            /// The rate falls as the value rises, and p is below α.
            case falls
            /// The rate rises with the value, and p is below α.
            case rises
            /// p does not reach α.
            case notShown = "not-shown"
            /// Nothing to test: no slab defective in any row, or every slab defective.
            case untestable
        }

        /// The parameter whose values are the scores.
        public var parameter: String
        /// z, negative when the rate falls as the value rises; `nil` when untestable.
        public var z: Double?
        /// The two-sided p-value of ``z``; `nil` when untestable.
        public var pValue: Double?
        /// The significance level.
        public var alpha: Double
        /// What the test shows, decided on ``pValue`` < ``alpha``.
        public var direction: Direction

        /// Creates the finding of a trend test and decides its direction.
        ///
        /// - Parameters:
        ///   - parameter: The parameter whose values are the scores.
        ///   - test: z and its p-value, or `nil` when there was nothing to test.
        ///   - alpha: The significance level.
        public init(parameter: String, test: ZTestResult?, alpha: Double) {
            self.parameter = parameter
            self.z = test?.z
            self.pValue = test?.pValue
            self.alpha = alpha
            self.direction =
                if let test {
                    if test.pValue >= alpha || test.z == 0 { .notShown } else { test.z < 0 ? .falls : .rises }
                } else {
                    .untestable
                }
        }

        /// Words for a report: `the rate falls as soft_reduction rises (z = -2.91, p = 0.0036)`,
        /// `no trend shown (z = -1.02, p = 0.3078)`.
        public var description: String {
            guard let z, let pValue else { return "no trend can be tested: no slab defective, or every slab" }
            let p = Format.pValue(pValue)
            let statistics = "(z = \(Format.number(z, decimals: 2)), p \(p.hasPrefix("<") ? p : "= " + p))"
            return switch direction {
            case .falls: "the rate falls as \(parameter) rises \(statistics)"
            case .rises: "the rate rises as \(parameter) rises \(statistics)"
            case .notShown, .untestable: "no trend shown \(statistics)"
            }
        }
    }

    /// The project.
    public var projectKey: String
    /// The project's defect metric, such as `longitudinal crack rate`.
    public var metricName: String
    /// The parameter the trials were pooled by, as asked for.
    public var parameter: String
    /// Which of the project's trials were pooled.
    public var filter: Filter
    /// The width of the windows of values, or `nil` for one row per exact value.
    public var binWidth: Double?
    /// The project's baseline counts.
    public var baseline: Proportion
    /// The significance level of every test.
    public var alpha: Double
    /// The rows: the values ascending (by unit, then value), then the trials without the parameter.
    public var groups: [Group]
    /// The rows of values compared pair by pair, the lower value first; empty when there are more
    /// than ``maximumPairedGroups`` rows of values (see ``pairsOmitted``).
    public var pairs: [Pair]
    /// True when the rows of values were too many to compare pair by pair.
    public var pairsOmitted: Bool
    /// The trend test across the values, when asked for.
    public var trend: Trend?

    /// The most rows of values compared pair by pair (190 pairs); beyond it, a window of values
    /// (a bin width) says more than hundreds of pairs would.
    public static let maximumPairedGroups = 20

    /// The rows of values, without the row of trials that lack the parameter.
    public var valueGroups: [Group] { groups.filter { $0.kind != .without } }

    /// How many trials were pooled in all.
    public var trialCount: Int { groups.map(\.trials.count).reduce(0, +) }
}
