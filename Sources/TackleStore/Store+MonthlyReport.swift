import LibPQ
import TackleDomain

extension Store {
    /// Gathers everything the monthly status of `month` needs, for all projects at once.
    ///
    /// Three set-based queries (projects with their month's figures, the month's trials, the
    /// milestones), whatever the number of projects. Only data dated up to the end of the month
    /// counts, so any past month can be printed again:
    /// - projects opened by the month's end and not closed before it starts, except proposals;
    /// - a project's status is the one it had at the month's end: a project completed or cancelled
    ///   after the month was still running then (status changes are dated by the closing date;
    ///   on-hold has no date and is taken as it is now);
    /// - figures of the month and the month before (monthly and daily records summed);
    /// - trials that ended in the month;
    /// - milestones, with completions after the month's end not yet counted.
    ///
    /// - Parameter month: The month.
    /// - Returns: The facts, for ``MonthlyReport/init(facts:)``.
    public func monthlyReportFacts(for month: Month) throws -> MonthlyReportFacts {
        try translatingErrors {
            let first = month.firstDay
            let last = month.lastDay
            let previous = month.previous
            let projects = try connection.query(
                """
                SELECT * FROM (
                    SELECT p.id, p.key, p.title, u.code AS unit_code, l.employee_no AS leader_no,
                           l.name AS leader_name,
                           CASE WHEN p.closed_on IS NOT NULL AND p.closed_on > $2 THEN 'active'
                                ELSE p.status END AS status_then,
                           p.opened_on, p.due_on,
                           CASE WHEN p.closed_on <= $2 THEN p.closed_on END AS closed_on,
                           p.metric_name, p.baseline_defective, p.baseline_inspected,
                           to_char(p.baseline_from, 'YYYY-MM') AS baseline_from,
                           to_char(p.baseline_to, 'YYYY-MM') AS baseline_to, p.target_rate,
                           o.month_inspected, o.month_defective, o.previous_inspected, o.previous_defective
                    FROM project p
                    JOIN unit u ON u.id = p.unit_id
                    JOIN person l ON l.id = p.leader_id
                    LEFT JOIN (
                        SELECT project_id,
                               sum(inspected) FILTER (WHERE period_start >= $1) AS month_inspected,
                               sum(defective) FILTER (WHERE period_start >= $1) AS month_defective,
                               sum(inspected) FILTER (WHERE period_start < $1) AS previous_inspected,
                               sum(defective) FILTER (WHERE period_start < $1) AS previous_defective
                        FROM observation
                        WHERE period_start BETWEEN $3 AND $2
                        GROUP BY project_id
                    ) o ON o.project_id = p.id
                    WHERE p.opened_on <= $2 AND (p.closed_on IS NULL OR p.closed_on >= $1)
                ) active
                WHERE status_then <> 'proposed'
                ORDER BY key
                """,
                [first, last, previous.firstDay]
            )
            let trials = try connection.query(
                Self.trialSelect + " WHERE t.ended_on BETWEEN $1 AND $2 ORDER BY p.key, t.number", [first, last]
            ).map(Self.trial(from:))
            let milestones = try connection.query(
                """
                SELECT p.key AS project_key, m.number, m.title, m.due_on, o.employee_no AS owner_no,
                       o.name AS owner_name, CASE WHEN m.done_on <= $1 THEN m.done_on END AS done_on
                FROM milestone m JOIN project p ON p.id = m.project_id LEFT JOIN person o ON o.id = m.owner_id
                WHERE p.opened_on <= $1
                ORDER BY p.key, m.number
                """,
                [last]
            ).map(Self.milestone(from:))

            let trialsByProject = Dictionary(grouping: trials, by: \.projectKey)
            let milestonesByProject = Dictionary(grouping: milestones, by: \.projectKey)
            return MonthlyReportFacts(
                month: month,
                projects: try projects.map { row in
                    let key = try row.decode(String.self, "key")
                    return ProjectFacts(
                        key: key,
                        title: try row.decode(String.self, "title"),
                        unitCode: try row.decode(String.self, "unit_code"),
                        leaderNo: try row.decode(String.self, "leader_no"),
                        leaderName: try row.decode(String.self, "leader_name"),
                        status: try ProjectStatus.parse(try row.decode(String.self, "status_then")),
                        openedOn: try row.decode(LocalDate.self, "opened_on"),
                        dueOn: try row.decode(LocalDate.self, "due_on"),
                        closedOn: try row.decode(LocalDate?.self, "closed_on"),
                        metricName: try row.decode(String.self, "metric_name"),
                        baseline: try Proportion(
                            defective: try row.decode(Int.self, "baseline_defective"),
                            inspected: try row.decode(Int.self, "baseline_inspected")),
                        baselinePeriod: try MonthRange(
                            first: try Month.parse(try row.decode(String.self, "baseline_from")),
                            last: try Month.parse(try row.decode(String.self, "baseline_to"))),
                        targetRate: try row.decode(Double.self, "target_rate"),
                        monthFigures: try Self.figures(row, "month"),
                        previousMonthFigures: try Self.figures(row, "previous"),
                        trials: trialsByProject[key] ?? [],
                        milestones: milestonesByProject[key] ?? []
                    )
                }
            )
        }
    }

    /// The summed counts of a period, or nil when nothing was recorded for it.
    private static func figures(_ row: PostgresRow, _ prefix: String) throws -> Proportion? {
        // sum() of integer columns is bigint; NULL when the period has no rows.
        guard let inspected = try row.decode(Int?.self, "\(prefix)_inspected"),
            let defective = try row.decode(Int?.self, "\(prefix)_defective")
        else { return nil }
        return try Proportion(defective: defective, inspected: inspected)
    }
}
