/// The scoring rubric (评分细则) the party committee publishes: how many points each part of the
/// monthly score is worth, the thresholds the parts use, and how many projects are called in.
///
/// Rubrics are versioned: a version takes effect from a month and holds until the next version's
/// month, and every score names the version that made it, so changing the rubric never changes a
/// past month's scores.
public struct Rubric: Sendable, Hashable, Codable {
    /// 1 for the default rubric, then 2, 3, ...
    public var version: Int
    /// The first month this version scores.
    public var effectiveFrom: Month
    /// Points for progress on the defect metric against the project's own glide path.
    public var progressPoints: Int
    /// Points for milestones due by the month's end done on time.
    public var milestonePoints: Int
    /// Points for trial work: trials ended in the last ``trialMonths`` months, with conclusions.
    public var trialPoints: Int
    /// Points for the month's figures recorded by the figures deadline.
    public var reportingPoints: Int
    /// How many of the lowest-ranked projects are called in for a talk (末位约谈).
    public var calledIn: Int
    /// The day of the next month by which a month's figures are due (the figures deadline).
    public var figuresDueDay: Int
    /// How many months, the reported one included, count as recent trial work.
    public var trialMonths: Int
    /// Why this version was made.
    public var reason: String

    /// Creates a rubric, checking every rule a rubric must keep.
    ///
    /// - Throws: ``DomainError`` naming the option: weights not whole numbers from 0 to 100 or
    ///   not summing to 100, a called-in count outside 0...20, a figures day outside 1...28, a
    ///   trial window outside 1...12 months, or a blank reason.
    public init(
        version: Int, effectiveFrom: Month, progressPoints: Int, milestonePoints: Int, trialPoints: Int,
        reportingPoints: Int, calledIn: Int, figuresDueDay: Int, trialMonths: Int, reason: String
    ) throws(DomainError) {
        let weights = [
            ("progress", progressPoints), ("milestones", milestonePoints), ("trials", trialPoints),
            ("reporting", reportingPoints),
        ]
        for (field, points) in weights where !(0...100).contains(points) {
            throw DomainError(.outOfRange, field: field, message: "\(points) points must be a whole number 0-100")
        }
        let sum = weights.map(\.1).reduce(0, +)
        guard sum == 100 else {
            let terms = weights.map { "\($0.0) \($0.1)" }.joined(separator: " + ")
            throw DomainError(
                .invalidValue, field: "progress",
                message: "the weights must sum to 100 points, but \(terms) = \(sum)")
        }
        guard (0...20).contains(calledIn) else {
            throw DomainError(.outOfRange, field: "bottom", message: "\(calledIn) must be 0-20 projects")
        }
        guard (1...28).contains(figuresDueDay) else {
            throw DomainError(
                .outOfRange, field: "figures-due-day", message: "\(figuresDueDay) must be 1-28 (every month has it)")
        }
        guard (1...12).contains(trialMonths) else {
            throw DomainError(.outOfRange, field: "trial-months", message: "\(trialMonths) must be 1-12 months")
        }
        try Keys.checkNotBlank(reason, field: "reason")
        self.version = version
        self.effectiveFrom = effectiveFrom
        self.progressPoints = progressPoints
        self.milestonePoints = milestonePoints
        self.trialPoints = trialPoints
        self.reportingPoints = reportingPoints
        self.calledIn = calledIn
        self.figuresDueDay = figuresDueDay
        self.trialMonths = trialMonths
        self.reason = reason
    }

    /// The default rubric, version 1: progress 50, milestones 25, trials 15, reporting 10; the
    /// lowest 3 called in; figures due on the 5th; trial work over the last 3 months.
    public static let standard = try! Rubric(
        version: 1, effectiveFrom: Month(year: 2000, month: 1), progressPoints: 50, milestonePoints: 25,
        trialPoints: 15, reportingPoints: 10, calledIn: 3, figuresDueDay: 5, trialMonths: 3,
        reason: "default rubric (默认评分细则)")

    /// The points of one part.
    public func points(for part: ScorePart.Part) -> Int {
        switch part {
        case .progress: progressPoints
        case .milestones: milestonePoints
        case .trials: trialPoints
        case .reporting: reportingPoints
        }
    }

    /// The figures deadline of a month: ``figuresDueDay`` of the next month.
    public func figuresDeadline(of month: Month) -> LocalDate {
        month.adding(months: 1).firstDay.adding(days: figuresDueDay - 1)
    }
}
