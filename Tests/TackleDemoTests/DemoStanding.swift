import LibPQ

/// Where a project stands at the end of a month, computed from the stored rows alone with the
/// rule the monthly report documents, so the demo is checked without the report's code.
struct DemoStanding: CustomStringConvertible {
    var key: String
    var status: String
    /// Completed or cancelled by the end of the month.
    var closed: Bool
    var pastDue: Bool
    var overdueMilestones: Int
    var baselineRate: Double
    /// On the straight glide path from baseline to target.
    var expectedRate: Double
    /// Nil when the month has no figures.
    var monthRate: Double?

    /// `on-track`, `at-risk`, `off-track` or `closed`.
    var judgement: String {
        if closed { return "closed" }
        if pastDue || overdueMilestones >= 2 { return "off-track" }
        if let monthRate, monthRate >= baselineRate { return "off-track" }
        if let monthRate, monthRate <= expectedRate, overdueMilestones == 0 { return "on-track" }
        return "at-risk"
    }

    var description: String {
        "\(key): \(judgement), month \(monthRate.map { "\($0)" } ?? "none"), expected \(expectedRate), "
            + "baseline \(baselineRate), \(overdueMilestones) overdue, past due \(pastDue)"
    }

    /// Every project's standing at the end of `month` (`YYYY-MM`), by key.
    static func all(in month: String, _ conninfo: String) throws -> [String: DemoStanding] {
        try PostgresConnection.withConnection(conninfo: conninfo) { connection in
            let rows = try connection.query(
                """
                WITH m AS (
                    SELECT $1::date AS first, ($1::date + interval '1 month' - interval '1 day')::date AS as_of)
                SELECT p.key, p.status, coalesce(p.closed_on <= m.as_of, false) AS closed,
                       m.as_of > p.due_on AS past_due, (m.as_of - p.opened_on) AS elapsed,
                       (p.due_on - p.opened_on) AS duration, p.baseline_defective, p.baseline_inspected,
                       p.target_rate, o.defective, o.inspected,
                       (SELECT count(*) FROM milestone ms
                        WHERE ms.project_id = p.id AND ms.due_on < m.as_of
                          AND (ms.done_on IS NULL OR ms.done_on > m.as_of)) AS overdue
                FROM project p CROSS JOIN m
                LEFT JOIN observation o ON o.project_id = p.id AND o.granularity = 'month' AND o.period_start = m.first
                """, [month + "-01"])
            var result: [String: DemoStanding] = [:]
            for row in rows {
                let elapsed = Double(try row.decode(Int.self, "elapsed"))
                let duration = Double(try row.decode(Int.self, "duration"))
                let share = duration > 0 ? min(max(elapsed / duration, 0), 1) : 1
                let baseline =
                    Double(try row.decode(Int.self, "baseline_defective"))
                    / Double(try row.decode(Int.self, "baseline_inspected"))
                let target = try row.decode(Double.self, "target_rate")
                let inspected = try row.decode(Int?.self, "inspected")
                let defective = try row.decode(Int?.self, "defective")
                let standing = DemoStanding(
                    key: try row.decode(String.self, "key"),
                    status: try row.decode(String.self, "status"),
                    closed: try row.decode(Bool.self, "closed"),
                    pastDue: try row.decode(Bool.self, "past_due"),
                    overdueMilestones: try row.decode(Int.self, "overdue"),
                    baselineRate: baseline,
                    expectedRate: baseline - share * (baseline - target),
                    monthRate: inspected.flatMap { $0 > 0 ? Double(defective ?? 0) / Double($0) : nil }
                )
                result[standing.key] = standing
            }
            return result
        }
    }
}
