/// The project metric's production figures for one month or one day, as counts.
public struct Observation: Sendable, Hashable, Codable {
    public enum Granularity: String, Sendable, Hashable, Codable {
        case month
        case day
    }

    public var projectKey: String
    public var granularity: Granularity
    /// The first day of the period: the 1st for a month.
    public var periodStart: LocalDate
    public var counts: Proportion
    public var note: String
    public var version: Int
    /// When the figures were voided (ISO 8601 UTC), and why; voided figures count nowhere.
    public var voidedAt: String?
    public var voidReason: String?

    public init(
        projectKey: String, granularity: Granularity, periodStart: LocalDate, counts: Proportion, note: String,
        version: Int, voidedAt: String? = nil, voidReason: String? = nil
    ) {
        self.voidedAt = voidedAt
        self.voidReason = voidReason
        self.projectKey = projectKey
        self.granularity = granularity
        self.periodStart = periodStart
        self.counts = counts
        self.note = note
        self.version = version
    }

    /// `2026-05` for a month, `2026-05-14` for a day.
    public var period: String {
        granularity == .month ? periodStart.monthOfYear.description : periodStart.description
    }
}
