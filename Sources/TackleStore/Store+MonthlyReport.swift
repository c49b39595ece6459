import LibPQ
import TackleDomain

extension Store {
    /// Gathers everything the monthly status and assessment of `month` need, for all projects at once.
    ///
    /// Set-based queries whatever the number of projects: per month, the projects with their
    /// figures, the trials, the milestones; then the rubrics and the talks. Only data dated up to
    /// `asOf` (the month's end, or today while the month runs) counts, so a past month prints the
    /// same however often and whenever it is printed:
    /// - the status is the one in force at that day (dated status changes), and the leader the
    ///   one who led then (the member with the role `leader`);
    /// - projects opened by then and not closed before the month began are listed;
    /// - figures of the month and the month before (monthly and daily records summed), with the
    ///   day, in `timeZone`, the month's figures were first recorded, and of the six months up to
    ///   the month for its trend;
    /// - trials that ended in the month, and those of the last twelve months as trial work;
    /// - milestones, with completions after that day not yet counted; milestones cancelled by then
    ///   count nowhere, nor do voided trials and figures.
    ///
    /// The previous month's facts come along, for the follow-up of the projects called in then,
    /// unless `withFollowUp` is false (the yearly report, which has no follow-up, reads each month once).
    ///
    /// - Parameters:
    ///   - month: The month.
    ///   - asOf: The last day whose data counts; by default the month's last day.
    ///   - timeZone: The plant's time zone, for the day figures were recorded.
    ///   - withFollowUp: Gather the previous month and its talks too.
    /// - Returns: The facts, for ``MonthlyReport/init(facts:)``.
    public func monthlyReportFacts(
        for month: Month, asOf: LocalDate? = nil, timeZone: String = "Asia/Shanghai", withFollowUp: Bool = true
    ) throws -> MonthlyReportFacts {
        try translatingErrors {
            // One snapshot (REPEATABLE READ): every query reads the same data, whatever commits
            // meanwhile. PostgreSQL's JIT compiles the projects query (a year of figures over every
            // project) for longer than it runs: about 0.6 s of 1.6 s on 1,000 projects. Off for this
            // transaction only; and memory enough for its aggregation of six months of daily figures
            // (180,000 rows for 1,000 projects) to hash in memory, not sort on disk: 176 ms, not 334.
            // Inside a caller's transaction (the demo's load) the snapshot is the caller's.
            try connection.withTransaction(isolation: connection.isInTransaction ? nil : .repeatableRead) {
                connection in
                try connection.executeScript("SET LOCAL jit = off; SET LOCAL work_mem = '64MB'")
                return try gatherMonthlyReportFacts(
                    for: month, asOf: asOf, timeZone: timeZone, withFollowUp: withFollowUp)
            }
        }
    }

    private func gatherMonthlyReportFacts(
        for month: Month, asOf: LocalDate?, timeZone: String, withFollowUp: Bool
    ) throws -> MonthlyReportFacts {
        let cutoff = min(asOf ?? month.lastDay, month.lastDay)
        let rubrics = try self.rubrics()
        let previous = month.previous
        // The trial work of the twelve months up to the month, and of the previous month's twelve
        // for its follow-up: one query for both.
        let work = try trialWork(since: (withFollowUp ? previous : month).adding(months: -11).firstDay, through: cutoff)
        return MonthlyReportFacts(
            month: month, asOf: cutoff,
            projects: try projectFacts(for: month, asOf: cutoff, timeZone: timeZone, work: work),
            rubric: Self.rubric(for: month, in: rubrics),
            previousProjects: withFollowUp
                ? try projectFacts(
                    for: previous, asOf: previous.lastDay, timeZone: timeZone, work: work, scoresOnly: true) : [],
            previousRubric: Self.rubric(for: previous, in: rubrics),
            talks: withFollowUp ? try talks(for: previous).filter { $0.heldOn <= cutoff } : [])
    }

    /// The facts of every project listed in `month`, as of `asOf`.
    ///
    /// With `scoresOnly`, as for the previous month's follow-up (which needs its ranking and who was
    /// called in, not its trials' verdicts), the facts carry only what the scores read: figures of
    /// the month and the one before rather than six months, and the month's trials only as trial
    /// work, without their rows or the earlier trials' counts (so no verdicts and no plans).
    ///
    /// - Parameter work: The trial work by project id and month, covering at least the twelve
    ///   months up to `month` (see ``trialWork(since:through:)``).
    func projectFacts(
        for month: Month, asOf: LocalDate, timeZone: String, work: [Int: [ProjectFacts.TrialWork]],
        scoresOnly: Bool = false
    ) throws -> [ProjectFacts] {
        let trendMonths = scoresOnly ? 2 : 6
        let first = month.firstDay
        // The months summed, oldest first; the last is `month`. One column pair per month, each
        // summed over its days in one pass (FILTER), so no per-row month arithmetic and nothing
        // to decode but integers.
        let months = (0..<trendMonths).map { month.adding(months: $0 - (trendMonths - 1)) }
        let sums = months.indices.map { index in
            let range =
                index == months.count - 1
                ? "period_start >= $\(4 + index)"
                : "period_start >= $\(4 + index) AND period_start < $\(5 + index)"
            return "sum(inspected) FILTER (WHERE \(range)) AS m\(index)_inspected, "
                + "sum(defective) FILTER (WHERE \(range)) AS m\(index)_defective"
        }
        let projects = try connection.query(
            """
            SELECT * FROM (
                SELECT p.id, p.key, p.title, u.code AS unit_code,
                       coalesce(lm.employee_no, l.employee_no) AS leader_no, coalesce(lm.name, l.name) AS leader_name,
                       sc.status AS status_then, sc.effective_on AS changed_on, p.opened_on, p.due_on,
                       p.metric_name, p.baseline_defective, p.baseline_inspected,
                       to_char(p.baseline_from, 'YYYY-MM') AS baseline_from,
                       to_char(p.baseline_to, 'YYYY-MM') AS baseline_to, p.target_rate,
                       o.*,
                       EXISTS (
                           SELECT 1 FROM history h
                           WHERE h.table_name = 'project' AND h.row_id = p.id AND h.action = 'update'
                             AND h.new_values ?| ARRAY['baseline_defective', 'baseline_inspected', 'baseline_from',
                                                      'baseline_to']
                             AND (h.at AT TIME ZONE $3)::date BETWEEN $1 AND $2
                       ) AS baseline_changed
                FROM project p
                JOIN unit u ON u.id = p.unit_id
                JOIN person l ON l.id = p.leader_id
                LEFT JOIN LATERAL (
                    SELECT c.status, c.effective_on FROM project_status_change c
                    WHERE c.project_id = p.id AND c.effective_on <= $2
                    ORDER BY c.effective_on DESC, c.id DESC LIMIT 1
                ) sc ON true
                LEFT JOIN LATERAL (
                    SELECT pe.employee_no, pe.name FROM member m JOIN person pe ON pe.id = m.person_id
                    WHERE m.project_id = p.id AND m.role = 'leader' AND m.joined_on <= $2
                      AND (m.left_on IS NULL OR m.left_on > $2)
                    ORDER BY m.joined_on DESC, m.id DESC LIMIT 1
                ) lm ON true
                LEFT JOIN (
                    -- Per project, the sums of each month up to the month (monthly and daily records
                    -- alike), and the day the month's figures were first recorded.
                    SELECT project_id AS figures_project_id, \(sums.joined(separator: ",\n       ")),
                           (min(created_at) FILTER (WHERE period_start >= $1) AT TIME ZONE $3)::date AS recorded_on
                    FROM observation
                    WHERE period_start BETWEEN $4 AND $2 AND voided_at IS NULL
                    GROUP BY project_id
                ) o ON o.figures_project_id = p.id
                WHERE p.opened_on <= $2
            ) listed
            WHERE status_then IS NOT NULL
              AND NOT (status_then IN ('completed', 'cancelled') AND changed_on < $1)
            ORDER BY key
            """,
            [first, asOf, timeZone] + months.map(\.firstDay)
        )
        var keys: [Int: String] = [:]
        for row in projects { keys[try row.decode(Int.self, "id")] = try row.decode(String.self, "key") }
        // Full rows only for the trials that ended in the month; the trial work is counted by month
        // (`work`). The verdicts' family (Holm) needs the counts of every earlier trial, but only
        // for the projects with a trial in the month, the only ones a family is judged for.
        let trials =
            scoresOnly
            ? []
            : try connection.query(
                Self.trialSelect
                    + " WHERE t.ended_on BETWEEN $1 AND $2 AND t.voided_at IS NULL ORDER BY p.key, t.number",
                [first, asOf]
            ).map(Self.trial(from:))
        var earlierByProject: [String: [Proportion]] = [:]
        if !trials.isEmpty {
            let earlier = try connection.query(
                """
                SELECT t.project_id, t.defective, t.inspected
                FROM trial t
                WHERE t.ended_on < $1 AND t.voided_at IS NULL
                  AND t.project_id IN (
                      SELECT m.project_id FROM trial m
                      WHERE m.ended_on BETWEEN $1 AND $2 AND m.voided_at IS NULL)
                ORDER BY t.project_id, t.number
                """,
                [first, asOf]
            )
            for row in earlier {
                guard let key = keys[try row.decode(Int.self, "project_id")] else { continue }
                earlierByProject[key, default: []].append(
                    try Proportion(
                        defective: try row.decode(Int.self, "defective"),
                        inspected: try row.decode(Int.self, "inspected")))
            }
        }
        let milestones = try connection.query(
            """
            SELECT p.key AS project_key, m.number, m.title, m.due_on, o.employee_no AS owner_no,
                   o.name AS owner_name, CASE WHEN m.done_on <= $1 THEN m.done_on END AS done_on,
                   NULL::date AS cancelled_on, NULL::text AS cancel_reason, m.version
            FROM milestone m JOIN project p ON p.id = m.project_id LEFT JOIN person o ON o.id = m.owner_id
            WHERE p.opened_on <= $1 AND (m.cancelled_on IS NULL OR m.cancelled_on > $1)
            ORDER BY p.key, m.number
            """,
            [asOf]
        ).map(Self.milestone(from:))

        let trialsByProject = Dictionary(grouping: trials, by: \.projectKey)
        let milestonesByProject = Dictionary(grouping: milestones, by: \.projectKey)
        return try projects.map { row in
            let key = try row.decode(String.self, "key")
            let status = try ProjectStatus.parse(try row.decode(String.self, "status_then"))
            let monthTrials = trialsByProject[key] ?? []
            return ProjectFacts(
                key: key,
                title: try row.decode(String.self, "title"),
                unitCode: try row.decode(String.self, "unit_code"),
                leaderNo: try row.decode(String.self, "leader_no"),
                leaderName: try row.decode(String.self, "leader_name"),
                status: status,
                openedOn: try row.decode(LocalDate.self, "opened_on"),
                dueOn: try row.decode(LocalDate.self, "due_on"),
                closedOn: status.isFinished ? try row.decode(LocalDate.self, "changed_on") : nil,
                metricName: try row.decode(String.self, "metric_name"),
                baseline: try Proportion(
                    defective: try row.decode(Int.self, "baseline_defective"),
                    inspected: try row.decode(Int.self, "baseline_inspected")),
                baselinePeriod: try MonthRange(
                    first: try Month.parse(try row.decode(String.self, "baseline_from")),
                    last: try Month.parse(try row.decode(String.self, "baseline_to"))),
                targetRate: try row.decode(Double.self, "target_rate"),
                monthFigures: try Self.figures(row, "m\(months.count - 1)"),
                previousMonthFigures: try Self.figures(row, "m\(months.count - 2)"),
                trials: monthTrials,
                milestones: milestonesByProject[key] ?? [],
                figuresRecordedOn: try row.decode(LocalDate?.self, "recorded_on"),
                recentTrials: (work[try row.decode(Int.self, "id")] ?? []).filter {
                    $0.month <= month && $0.month >= month.adding(months: -11)
                },
                baselineChangedInMonth: try row.decode(Bool.self, "baseline_changed"),
                earlierTrialOutcomes: earlierByProject[key] ?? [],
                recentMonths: try months.indices.compactMap { index in
                    try Self.figures(row, "m\(index)").map {
                        ProjectFacts.MonthFigures(month: months[index], counts: $0)
                    }
                }
            )
        }
    }

    /// Trial work by project id and month: how many non-void trials ended in each month from
    /// `since` through `through`, and how many of them have a conclusion written. A dozen rows per
    /// project, where listing the trials would send 30,000 rows a month at plant scale.
    func trialWork(since: LocalDate, through: LocalDate) throws -> [Int: [ProjectFacts.TrialWork]] {
        let rows = try connection.query(
            """
            SELECT project_id, to_char(date_trunc('month', ended_on::timestamp), 'YYYY-MM') AS month,
                   count(*) AS ended, count(*) FILTER (WHERE btrim(conclusion, E' \\t\\n\\r') <> '') AS concluded
            FROM trial
            WHERE ended_on BETWEEN $1 AND $2 AND voided_at IS NULL
            GROUP BY 1, 2
            """,
            [since, through]
        )
        var work: [Int: [ProjectFacts.TrialWork]] = [:]
        for row in rows {
            work[try row.decode(Int.self, "project_id"), default: []].append(
                ProjectFacts.TrialWork(
                    month: try Month.parse(try row.decode(String.self, "month")),
                    ended: try row.decode(Int.self, "ended"), concluded: try row.decode(Int.self, "concluded")))
        }
        return work
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
