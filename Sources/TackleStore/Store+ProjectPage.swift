import LibPQ
import TackleDomain

extension Store {
    /// Gathers a project's page on the notice board for a month: the project, its members,
    /// milestones, trials, the monthly p-chart from the baseline's first month to `month`, and its
    /// latest changes.
    ///
    /// One read-only snapshot (repeatable read) so the parts agree with each other, and a fixed
    /// number of queries whatever the number of trials: the trials are read once and pooled by each
    /// parameter in memory, never a query per trial or per parameter. The page's day is the month's
    /// last day, or `today` while the month runs: trials and milestones count as they stood then.
    /// The changes are the latest ones when the page is made, whatever the month, so that a
    /// correction made after the month's end shows on its page.
    ///
    /// - Parameters:
    ///   - key: The project.
    ///   - month: The page's month.
    ///   - today: Today at the plant.
    /// - Returns: The page, for `BoardPage.project`.
    /// - Throws: ``StoreError`` `.notFound` for an unknown project; ``DomainError`` naming `month`
    ///   for a month that has not begun or that ends before the baseline's first month.
    public func projectPage(
        _ key: String, month: Month, today: LocalDate
    ) throws -> ProjectPage {
        guard month.firstDay <= today else {
            throw DomainError(
                .invalidValue, field: "month",
                message: "\(month) has not begun yet (today is \(today) at the plant); a future month has no page")
        }
        let asOf = min(month.lastDay, today)
        return try translatingErrors {
            try connection.withTransaction(isolation: .repeatableRead) { connection in
                try connection.execute("SET TRANSACTION READ ONLY")
                let project = try self.project(key)
                let first = project.metric.baselinePeriod.first
                guard first <= month else {
                    throw DomainError(
                        .invalidValue, field: "month",
                        message: "\(month) is before \(key)'s baseline period (\(project.metric.baselinePeriod)); "
                            + "the page starts with the baseline's first month")
                }
                let chart = try controlChart(
                    of: key, granularity: .month, from: .month(first), to: .month(month), today: today)
                return ProjectPage(
                    month: month, asOf: asOf, project: project, members: try members(of: key),
                    milestones: try milestones(of: key), trials: try trials(of: key), chart: chart,
                    history: try history(of: key))
            }
        }
    }
}
