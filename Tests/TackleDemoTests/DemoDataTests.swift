import LibPQ
import TackleStore
import Testing

@testable import TackleDemo

/// What the loaded demo holds, read back from the tables, independently of the report code.
@Suite("Demo data")
struct DemoDataTests {
    @Test("the demo is a plant: enough units, people, projects, trials and a year of figures")
    func size() throws {
        try DemoDatabase.withFresh(label: "demo_size") { conninfo in
            try DemoDatabase.withStore(conninfo) { store in _ = try store.loadDemo() }
            let count = { (sql: String) in try DemoDatabase.count(conninfo, sql) }
            #expect(try count("SELECT count(*) FROM unit") >= 6)
            #expect(try count("SELECT count(DISTINCT kind) FROM unit") == 4, "plant, work areas, section, branches")
            #expect(try count("SELECT count(*) FROM unit WHERE kind = 'party-branch'") >= 2)
            #expect(try count("SELECT count(*) FROM person") >= 15)
            #expect(try count("SELECT count(*) FROM person WHERE party_member") >= 5)
            #expect(try count("SELECT count(*) FROM project") >= 4)
            #expect(try count("SELECT count(*) FROM trial") >= 10)
            #expect(try count("SELECT count(DISTINCT role) FROM member") == 4, "leader, deputy, member, advisor")
            #expect(try count("SELECT count(DISTINCT status) FROM project") >= 3)
            #expect(
                try count(
                    "SELECT count(*) FROM project p JOIN unit u ON u.id = p.unit_id WHERE u.kind = 'party-branch'") >= 1
            )

            let months = try PostgresConnection.withConnection(conninfo: conninfo) { connection in
                try connection.query(
                    """
                    SELECT to_char(o.period_start, 'YYYY-MM') AS month FROM observation o JOIN project p ON p.id = o.project_id
                    WHERE p.key = 'SLAB-CRACK-2026' AND o.granularity = 'month' ORDER BY o.period_start
                    """
                ).map { try $0.decode(String.self, "month") }
            }
            #expect(months == ["2025-11", "2025-12"] + (1...10).map { "2026-\($0 < 10 ? "0" : "")\($0)" })
            let thinnest = try count(
                "SELECT min(n) FROM (SELECT count(*) AS n FROM observation GROUP BY project_id) per_project")
            #expect(thinnest >= 12, "every project has a year of monthly figures")

            let leader = try PostgresConnection.withConnection(conninfo: conninfo) { connection in
                try connection.query(
                    "SELECT title, leader_selection, opened_on::text AS opened, due_on::text AS due FROM project WHERE key = 'SLAB-CRACK-2026'"
                ).first!
            }
            #expect(try leader.decode(String.self, "title") == "板坯纵裂攻关")
            #expect(try leader.decode(String.self, "leader_selection") == "open")
            #expect(try leader.decode(String.self, "opened") == "2026-04-01")
            #expect(try leader.decode(String.self, "due") == "2026-12-31")
        }
    }

    @Test("the numbers are plausible: baselines match their months, trials fit their projects and the ranges")
    func plausible() throws {
        try DemoDatabase.withFresh(label: "demo_plausible") { conninfo in
            try DemoDatabase.withStore(conninfo) { store in _ = try store.loadDemo() }
            let count = { (sql: String) in try DemoDatabase.count(conninfo, sql) }
            let baselineMismatches = try count(
                """
                SELECT count(*) FROM project p CROSS JOIN LATERAL (
                    SELECT sum(o.defective)::int AS defective, sum(o.inspected)::int AS inspected FROM observation o
                    WHERE o.project_id = p.id AND o.period_start BETWEEN p.baseline_from AND p.baseline_to) months
                WHERE (p.baseline_defective, p.baseline_inspected) IS DISTINCT FROM (months.defective, months.inspected)
                """)
            #expect(baselineMismatches == 0, "each baseline is the sum of its months' figures")
            #expect(try count("SELECT count(*) FROM observation WHERE inspected NOT BETWEEN 300 AND 3000") == 0)
            let outside = try count(
                """
                SELECT count(*) FROM trial t JOIN project p ON p.id = t.project_id
                WHERE t.started_on < p.opened_on OR t.ended_on > coalesce(p.closed_on, p.due_on)
                """)
            #expect(outside == 0, "trials lie within their projects")
            #expect(
                try count("SELECT count(*) FROM trial WHERE inspected < 60") >= 3, "short trials that prove nothing")
            #expect(
                try count("SELECT count(*) FROM trial WHERE inspected >= 600") >= 5, "trials big enough to show a drop")
            #expect(try count("SELECT count(*) FROM trial WHERE cardinality(heats) = 0") == 0)
            #expect(try count("SELECT count(*) FROM trial WHERE heats::text !~ '^\\{(2[AB][0-9]{5},?)+\\}$'") == 0)

            let ranges: [String: (ClosedRange<Double>, String)] = [
                "specific_water": (0.5...1.2, "L/kg"), "soft_reduction": (2...8, "mm"),
                "reduction_rate": (0.3...2.3, "mm/m"), "casting_speed": (0.9...1.6, "m/min"),
                "superheat": (15...35, "°C"), "mould_flux_basicity": (1.0...1.8, ""),
            ]
            let parameters = try PostgresConnection.withConnection(conninfo: conninfo) { connection in
                try connection.query(
                    """
                    SELECT p ->> 'name' AS name, (p ->> 'value')::float8 AS value, p ->> 'unit' AS unit
                    FROM trial t, jsonb_array_elements(t.parameters) p
                    """
                ).map {
                    (
                        try $0.decode(String.self, "name"), try $0.decode(Double.self, "value"),
                        try $0.decode(String.self, "unit")
                    )
                }
            }
            #expect(Set(parameters.map(\.0)).isSuperset(of: ranges.keys))
            for (name, value, unit) in parameters {
                guard let (range, expectedUnit) = ranges[name] else { continue }
                #expect(range.contains(value), "\(name)=\(value)\(unit)")
                #expect(unit == expectedUnit, "\(name) in \(unit)")
            }

            // On 2026-10-31: milestones done on time, done late, and open past their due date.
            let states = try PostgresConnection.withConnection(conninfo: conninfo) { connection in
                try connection.query(
                    """
                    SELECT count(*) FILTER (WHERE done_on <= due_on) AS on_time,
                           count(*) FILTER (WHERE done_on > due_on) AS late,
                           count(*) FILTER (WHERE done_on IS NULL AND due_on < DATE '2026-10-31') AS overdue
                    FROM milestone
                    """
                ).first!
            }
            #expect(try states.decode(Int.self, "on_time") >= 5)
            #expect(try states.decode(Int.self, "late") >= 3)
            #expect(try states.decode(Int.self, "overdue") >= 3)
        }
    }

    @Test(
        "the monthly status shows a spread of judgements",
        arguments: [
            (
                "2026-10",
                [
                    "SLAB-CRACK-2026": "on-track", "PARTY-SURFACE-2026": "on-track", "CORNER-CRACK-2026": "at-risk",
                    "BOF-SLAG-2026": "at-risk", "MOULD-LEVEL-2026": "off-track", "CENTRE-CRACK-2026": "closed",
                ]
            ),
            (
                "2026-09",
                [
                    "SLAB-CRACK-2026": "on-track", "PARTY-SURFACE-2026": "on-track", "CORNER-CRACK-2026": "at-risk",
                    "BOF-SLAG-2026": "at-risk", "MOULD-LEVEL-2026": "off-track", "CENTRE-CRACK-2026": "closed",
                ]
            ),
            (
                "2026-08",
                [
                    "SLAB-CRACK-2026": "on-track", "PARTY-SURFACE-2026": "on-track", "CORNER-CRACK-2026": "at-risk",
                    "BOF-SLAG-2026": "on-track", "MOULD-LEVEL-2026": "off-track", "CENTRE-CRACK-2026": "closed",
                ]
            ),
        ])
    func spread(month: String, expected: [String: String]) throws {
        try DemoDatabase.withFresh(label: "demo_spread") { conninfo in
            try DemoDatabase.withStore(conninfo) { store in _ = try store.loadDemo() }
            let standings = try DemoStanding.all(in: month, conninfo)
            #expect(standings.mapValues(\.judgement) == expected)
            for standing in standings.values {
                guard let rate = standing.monthRate, !standing.closed else { continue }
                // Far enough from each threshold that no rounding can flip the judgement.
                #expect(abs(rate - standing.expectedRate) > 0.001, "\(standing)")
                #expect(abs(rate - standing.baselineRate) > 0.001, "\(standing)")
            }
        }
    }

    @Test("October 2026 in numbers: the projects stand where their descriptions say")
    func octoberNumbers() throws {
        try DemoDatabase.withFresh(label: "demo_october") { conninfo in
            try DemoDatabase.withStore(conninfo) { store in _ = try store.loadDemo() }
            let standings = try DemoStanding.all(in: "2026-10", conninfo)
            let slab = try #require(standings["SLAB-CRACK-2026"])
            #expect(abs(slab.baselineRate - 0.032) < 1e-12)
            #expect(abs(slab.expectedRate - (0.032 - 213.0 / 274.0 * 0.027)) < 1e-12)
            #expect(abs(try #require(slab.monthRate) - 4.0 / 668.0) < 1e-12)
            #expect(slab.overdueMilestones == 0)
            let corner = try #require(standings["CORNER-CRACK-2026"])
            #expect(corner.overdueMilestones == 1)
            #expect(try #require(corner.monthRate) > corner.expectedRate)
            let mould = try #require(standings["MOULD-LEVEL-2026"])
            #expect(mould.pastDue)
            #expect(mould.overdueMilestones >= 2)
            #expect(try #require(mould.monthRate) >= mould.baselineRate)
            let converter = try #require(standings["BOF-SLAG-2026"])
            #expect(converter.monthRate == nil)
            #expect(converter.status == "on-hold")
        }
    }
}
