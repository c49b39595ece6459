/// Everything the monthly report needs, dated up to the end of the month (the store filters by date).
///
/// The store gathers these facts with a few set-based queries over all projects; the domain turns
/// them into a ``MonthlyReport`` with ``MonthlyReport/init(facts:)``, with no further reads.
public struct MonthlyReportFacts: Sendable, Hashable, Codable {
    /// The month reported on.
    public var month: Month
    /// The projects to report on, one each; their order does not matter.
    public var projects: [ProjectFacts]

    /// Creates the facts of a month.
    ///
    /// - Parameters:
    ///   - month: The month reported on.
    ///   - projects: The projects to report on.
    public init(month: Month, projects: [ProjectFacts]) {
        self.month = month
        self.projects = projects
    }
}
