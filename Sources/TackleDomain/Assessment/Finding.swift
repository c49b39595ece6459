/// One finding about a project in a month, language-free: a stable code and the values it is
/// about. Renderers turn it into words (Chinese or English); JSON carries it as it is, e.g.
/// `{"code": "above-glide-path", "rate": 0.021, "expected": 0.0185}`.
public struct Finding: Sendable, Hashable, Codable {
    /// What was found. The raw values are stable JSON codes.
    public enum Code: String, Sendable, Hashable, Codable, CaseIterable {
        /// On hold at the month's end: listed, not scored or ranked.
        case onHold = "on-hold"
        /// Still a proposal at the month's end: listed, not scored or ranked.
        case proposed
        /// Completed or cancelled (``status``) on ``date``.
        case closed
        /// Past its due date by ``count`` days.
        case pastDue = "past-due"
        /// Milestones ``numbers`` overdue.
        case milestonesOverdue = "milestones-overdue"
        /// The month's ``rate`` is not below the baseline ``expected``.
        case notBelowBaseline = "not-below-baseline"
        /// The month's ``rate`` is at or below the glide path's ``expected`` rate.
        case onGlidePath = "on-glide-path"
        /// The month's ``rate`` is above the glide path's ``expected`` rate; ``share`` of the gap
        /// closed against ``expectedShare`` expected.
        case aboveGlidePath = "above-glide-path"
        /// The baseline has no slabs inspected, so no rate can be judged.
        case baselineEmpty = "baseline-empty"
        /// No defect figures for ``month``.
        case noFigures = "no-figures"
        /// Figures for ``month`` with no slabs inspected.
        case noSlabsInspected = "no-slabs-inspected"
        /// No milestone was due by the month's end.
        case noMilestonesDue = "no-milestones-due"
        /// Of ``count`` milestones due by the month's end, ``onTime`` were done on time, ``late`` late.
        case milestonesDue = "milestones-due"
        /// ``count`` trials ended in the last ``months`` months, ``concluded`` with a conclusion.
        case trialsRun = "trials-run"
        /// No trial ended in the last ``months`` months.
        case noTrials = "no-trials"
        /// The month's figures were recorded by the deadline ``date``.
        case figuresOnTime = "figures-on-time"
        /// The month's figures were recorded on ``recordedOn``, after the deadline ``date``.
        case figuresLate = "figures-late"
        /// The month's figures were missing (deadline ``date``).
        case figuresMissing = "figures-missing"
        /// Among the ``count`` lowest scores of ``of`` ranked projects, at rank ``rank``.
        case lowestScores = "lowest-scores"
    }

    public var code: Code
    public var count: Int?
    public var numbers: [Int]?
    public var rate: Double?
    public var expected: Double?
    public var share: Double?
    public var expectedShare: Double?
    public var onTime: Int?
    public var late: Int?
    public var concluded: Int?
    public var months: Int?
    public var rank: Int?
    public var of: Int?
    public var month: Month?
    public var date: LocalDate?
    public var recordedOn: LocalDate?
    public var status: ProjectStatus?

    /// Creates a finding; pass only the values its code is about.
    public init(
        _ code: Code, count: Int? = nil, numbers: [Int]? = nil, rate: Double? = nil, expected: Double? = nil,
        share: Double? = nil, expectedShare: Double? = nil, onTime: Int? = nil, late: Int? = nil,
        concluded: Int? = nil, months: Int? = nil, rank: Int? = nil, of: Int? = nil, month: Month? = nil,
        date: LocalDate? = nil, recordedOn: LocalDate? = nil, status: ProjectStatus? = nil
    ) {
        self.code = code
        self.count = count
        self.numbers = numbers
        self.rate = rate
        self.expected = expected
        self.share = share
        self.expectedShare = expectedShare
        self.onTime = onTime
        self.late = late
        self.concluded = concluded
        self.months = months
        self.rank = rank
        self.of = of
        self.month = month
        self.date = date
        self.recordedOn = recordedOn
        self.status = status
    }
}
