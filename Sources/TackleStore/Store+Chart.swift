import LibPQ
import TackleDomain

extension Store {
    /// The p-chart of a project's defect rate per month or per day, against its baseline.
    ///
    /// Two set-based queries whatever the length of the chart: the periods (a `generate_series`)
    /// left-joined to the sums of the project's figures, and the trials and status changes that
    /// mark the time axis. A month's figures are all its current (not voided) records, monthly or
    /// daily, summed; a day's figures are its daily record only. Voided trials mark nothing.
    ///
    /// - Parameters:
    ///   - key: The project.
    ///   - granularity: One point per month or per day.
    ///   - from: The first period, or `nil` for the default (see ``ControlChart/span(granularity:from:to:baselinePeriod:today:)``).
    ///   - to: The last period, or `nil` for the default.
    ///   - today: Today at the plant, for the defaults.
    /// - Returns: The chart.
    /// - Throws: ``StoreError`` `.notFound` for an unknown project; ``DomainError`` naming `from`
    ///   or `to` for a span that ends before it starts or is too long.
    public func controlChart(
        of key: String, granularity: Observation.Granularity, from: ControlChart.Bound? = nil,
        to: ControlChart.Bound? = nil, today: LocalDate
    ) throws -> ControlChart {
        try translatingErrors {
            let project = try self.project(key)
            let span = try ControlChart.span(
                granularity: granularity, from: from, to: to, baselinePeriod: project.metric.baselinePeriod,
                today: today)
            let isMonthly = granularity == .month
            let lastDay = isMonthly ? span.last.monthOfYear.lastDay : span.last
            // The periods come from generate_series so that a period without figures is a row too (a gap).
            // Daily figures are matched with the unique index on (project_id, granularity, period_start).
            let samples = try connection.query(
                """
                SELECT s.period_start::date AS period_start, o.defective, o.inspected
                FROM generate_series($2::date, $3::date, CASE WHEN $5 THEN interval '1 month' ELSE interval '1 day' END)
                     AS s (period_start)
                LEFT JOIN (
                    SELECT CASE WHEN $5 THEN date_trunc('month', period_start::timestamp)::date ELSE period_start END
                               AS period,
                           sum(defective)::bigint AS defective, sum(inspected)::bigint AS inspected
                    FROM observation
                    WHERE project_id = (SELECT id FROM project WHERE key = $1)
                      AND granularity = ANY (CASE WHEN $5 THEN ARRAY['month', 'day'] ELSE ARRAY['day'] END)
                      AND period_start BETWEEN $2 AND $4 AND voided_at IS NULL
                    GROUP BY 1
                ) o ON o.period = s.period_start::date
                ORDER BY s.period_start
                """,
                [key, span.first, span.last, lastDay, isMonthly]
            ).map { row in
                let defective = try row.decode(Int?.self, "defective")
                let inspected = try row.decode(Int?.self, "inspected")
                let counts = try defective.flatMap { defective in
                    try inspected.map { try Proportion(defective: defective, inspected: $0) }
                }
                return ControlChart.Sample(firstDay: try row.decode(LocalDate.self, "period_start"), counts: counts)
            }
            var trials: [ControlChart.TrialSpan] = []
            var statusChanges: [ControlChart.StatusChange] = []
            for row in try connection.query(
                """
                SELECT t.number, NULL::text AS status, t.started_on AS first_day, t.ended_on AS last_day
                FROM trial t
                WHERE t.project_id = (SELECT id FROM project WHERE key = $1) AND t.voided_at IS NULL
                  AND t.started_on <= $3 AND t.ended_on >= $2
                UNION ALL
                SELECT NULL, c.status, c.effective_on, c.effective_on
                FROM project_status_change c
                WHERE c.project_id = (SELECT id FROM project WHERE key = $1) AND c.effective_on BETWEEN $2 AND $3
                ORDER BY first_day, number
                """,
                [key, span.first, lastDay]
            ) {
                let firstDay = try row.decode(LocalDate.self, "first_day")
                if let status = try row.decode(String?.self, "status") {
                    statusChanges.append(.init(status: try ProjectStatus.parse(status), effectiveOn: firstDay))
                } else {
                    trials.append(
                        .init(
                            number: try row.decode(Int.self, "number"), startedOn: firstDay,
                            endedOn: try row.decode(LocalDate.self, "last_day")))
                }
            }
            return try ControlChart(
                projectKey: project.key, title: project.title, metricName: project.metric.name,
                baseline: project.metric.baseline, baselinePeriod: project.metric.baselinePeriod,
                granularity: granularity, samples: samples, trials: trials, statusChanges: statusChanges)
        }
    }
}
