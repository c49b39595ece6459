/// The monthly project status (月度进展): every project's figures, trials and milestones at the
/// end of the month, judged, ranked for the public posting, and summed up for the plant.
///
/// Build it from the facts the store gathers with ``init(facts:)``; the result depends on the
/// facts alone (no clock is read), so the same facts give the same report. Print it for people
/// with ``renderText()``, or encode it as JSON: property names are stable, rates are fractions,
/// intervals are `{lower, upper}` objects, dates are `YYYY-MM-DD`, months `YYYY-MM`, and
/// enumerations are strings such as `on-track`. Values that are unknown (a rate of no figures)
/// are left out of the JSON.
///
/// ```swift
/// let report = MonthlyReport(facts: facts)
/// print(report.renderText(), terminator: "")
/// ```
///
/// **Ranking (月度排序).** Projects not closed are ranked by judgement (on track, then at risk,
/// then off track), then by the share of the gap closed, highest first (projects without figures
/// last), then by key. The bottom three are the last three by rank.
public struct MonthlyReport: Sendable, Hashable, Codable {
    /// The month reported on.
    public var month: Month
    /// The day the report describes: the last day of the month.
    public var asOf: LocalDate
    /// The projects: ranked ones in rank order, then closed ones by key.
    public var projects: [ProjectEntry]
    /// The plant's month at a glance.
    public var summary: Summary

    /// Builds the month's report from the facts.
    ///
    /// - Parameter facts: The facts the store gathered, dated up to the end of the month.
    public init(facts: MonthlyReportFacts) {
        month = facts.month
        asOf = facts.month.lastDay
        let entries = facts.projects.map { ProjectEntry(facts: $0, month: facts.month) }
        var ranked = entries.filter { $0.judgement != .closed }.sorted(by: Self.ranksBefore)
        for index in ranked.indices {
            ranked[index].rank = index + 1
        }
        let closed = entries.filter { $0.judgement == .closed }.sorted { $0.key < $1.key }
        projects = ranked + closed
        summary = Summary(projects: projects)
    }

    /// The order of the ranking: judgement, then gap closed (highest first, unknown last), then key.
    static func ranksBefore(_ a: ProjectEntry, _ b: ProjectEntry) -> Bool {
        if a.judgement != b.judgement { return a.judgement.severity < b.judgement.severity }
        switch (a.gapClosed, b.gapClosed) {
        case let (x?, y?) where x != y: return x > y
        case (.some, nil): return true
        case (nil, .some): return false
        default: return a.key < b.key
        }
    }
}
