import FoundationEssentials
import ReportFixtures
import Testing

@testable import TackleDomain

/// The report as the JSON document `tackle report monthly --format json` prints: snake_case keys,
/// rates as fractions, intervals as objects, dates and months as text, enumerations as strings.
@Suite("Monthly report: JSON")
struct MonthlyReportJSONTests {
    typealias F = ReportFixture

    typealias JSON = JSONValue

    static let facts = [
        F.project(
            month: F.counts(29, of: 2000),
            trials: [
                F.trial(1, outcome: F.counts(6, of: 650)),
                F.trial(2, lever: "轻压下", outcome: F.counts(0, of: 40), parameters: ["soft_reduction=4.5mm"]),
            ],
            milestones: [
                F.milestone(1, "二冷水优化方案", due: "2026-05-20", done: "2026-05-18"),
                F.milestone(2, "轻压下参数", due: "2026-06-30"),
            ]
        ),
        F.project("CORNER-2026", title: "角横裂", status: .onHold, month: nil, previousMonth: nil),
    ]
    static let report = F.report(facts)

    static func encoded(_ report: MonthlyReport) throws -> Data {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(report)
    }

    static func document() throws -> JSON {
        try JSONDecoder().decode(JSON.self, from: try encoded(Self.report))
    }

    @Test("top level: month, as_of, completeness, rubric, projects, called in, follow-up, summary")
    func topLevel() throws {
        let json = try Self.document()
        #expect(
            json.keys == [
                "month", "as_of", "is_month_complete", "rubric", "projects", "called_in", "follow_up", "summary",
            ])
        #expect(json["is_month_complete"] == .bool(true))
        #expect(json["rubric"]?["version"] == .number(1))
        #expect(json["rubric"]?["progress_points"] == .number(50))
        #expect(json["month"] == .string("2026-05"))
        #expect(json["as_of"] == .string("2026-05-31"))
    }

    @Test("a project: snake_case keys, fractions, interval objects, dates, enumerations as strings")
    func project() throws {
        let project = try #require(try Self.document()["projects"]?[0])
        #expect(
            project.keys == [
                "key", "title", "unit_code", "leader_no", "leader_name", "status", "opened_on", "due_on",
                "days_left", "is_overdue", "metric_name", "baseline", "baseline_period", "target_rate",
                "month_figures", "previous_month_figures", "gap_closed", "expected_gap_closed", "expected_rate",
                "trials", "milestones", "judgement", "reasons", "rank", "score", "called_in", "figures_recorded_on",
                "baseline_changed", "recent_months",
            ]
        )
        #expect(project["key"] == .string("SLAB-CRACK-2026"))
        #expect(project["title"] == .string("板坯纵裂攻关"))
        #expect(project["leader_name"] == .string("王磊"))
        #expect(project["status"] == .string("active"))
        #expect(project["opened_on"] == .string("2026-01-01"))
        #expect(project["due_on"] == .string("2026-12-31"))
        #expect(project["days_left"] == .number(214))
        #expect(project["is_overdue"] == .bool(false))
        #expect(project["judgement"] == .string("on-track"))
        #expect(project["rank"] == .number(1))
        #expect(project["reasons"]?[0]?["code"] == .string("on-glide-path"))
        #expect(project["reasons"]?[0]?["rate"] == .number(0.0145))
        #expect(project["called_in"] == .bool(false))
        #expect(project["score"]?["total"] == .number(93))  // 50 + 25 + 8 (two trials, no conclusion) + 10
        #expect(project["score"]?["rubric_version"] == .number(1))
        #expect(project["score"]?["parts"]?[0]?["part"] == .string("progress"))
        #expect(project["score"]?["parts"]?[0]?["finding"]?["code"] == .string("on-glide-path"))
        #expect(project["baseline_period"] == .string("2026-01..2026-03"))
        #expect(project["target_rate"] == .number(0.005))
        #expect(isClose(project["gap_closed"]?.number, 0.648_148_148_148, within: 1e-12))
        #expect(isClose(project["expected_gap_closed"]?.number, 150.0 / 364, within: 1e-15))

        let month = try #require(project["month_figures"])
        #expect(month.keys == ["defective", "inspected", "rate", "interval"])
        #expect(month["defective"] == .number(29))
        #expect(month["inspected"] == .number(2000))
        #expect(month["rate"] == .number(0.0145))
        let interval = try #require(month["interval"])
        #expect(interval.keys == ["lower", "upper"])
        #expect(matches(interval["lower"]?.number.map { $0 * 100 }, printed: 1.01, decimals: 2))
        #expect(matches(interval["upper"]?.number.map { $0 * 100 }, printed: 2.07, decimals: 2))
        #expect(project["baseline"]?["rate"] == .number(0.032))
        #expect(project["baseline"]?["interval"]?.keys == ["lower", "upper"])
    }

    @Test("trials: verdicts as better / no-detectable-change, Fisher p, parameters as objects")
    func trials() throws {
        let trials = try #require(try Self.document()["projects"]?[0]?["trials"])
        let first = try #require(trials[0])
        #expect(
            first.keys == [
                "number", "label", "lever", "parameters", "conditions", "started_on", "ended_on", "outcome",
                "verdict", "fisher_p_value", "adjusted_p_value", "comparisons", "agreement", "conclusion",
            ]
        )
        #expect(first["label"] == .string("T1"))
        #expect(first["verdict"] == .string("better"))
        #expect(matches(first["fisher_p_value"]?.number, printed: 0.0014, decimals: 4))
        #expect(first["ended_on"] == .string("2026-05-12"))
        #expect(
            first["parameters"]?[0]
                == .object(["name": .string("specific_water"), "value": .number(0.62), "unit": .string("L/kg")])
        )
        #expect(first["outcome"]?["interval"]?.keys == ["lower", "upper"])
        #expect(trials[1]?["verdict"] == .string("no-detectable-change"))
        // Planned on the target 0.5 %: 256 slabs against 48/1500 (PowerTests' reference), 40 done.
        #expect(trials[1]?["additional_slabs_needed"] == .number(216))
        #expect(trials[1]?["plan"]?["trial_slabs"] == .number(256))
        #expect(trials[1]?["plan"]?["planned_rate"] == .number(0.005))
    }

    @Test("milestones: states as strings, counts, the next one")
    func milestones() throws {
        let milestones = try #require(try Self.document()["projects"]?[0]?["milestones"])
        #expect(milestones.keys == ["due_in_month", "done", "total", "overdue", "next"])
        #expect(milestones["due_in_month"]?[0]?["state"] == .string("done-on-time"))
        #expect(milestones["due_in_month"]?[0]?["done_on"] == .string("2026-05-18"))
        #expect(milestones["done"] == .number(1))
        #expect(milestones["total"] == .number(2))
        #expect(milestones["overdue"] == .array([]))
        #expect(milestones["next"]?["number"] == .number(2))
        #expect(milestones["next"]?["state"] == .string("open"))
    }

    @Test("an on-hold project without figures leaves unknown values out and is not ranked")
    func withoutFigures() throws {
        let project = try #require(try Self.document()["projects"]?[1])
        #expect(project["key"] == .string("CORNER-2026"))
        #expect(project["status"] == .string("on-hold"))
        #expect(project["judgement"] == .string("not-ranked"))
        #expect(project["rank"] == nil)
        #expect(project["score"] == nil)
        #expect(project["reasons"]?[0]?["code"] == .string("on-hold"))
        #expect(project["month_figures"] == nil)
        #expect(project["gap_closed"] == nil)
    }

    @Test("summary: stable counts with every status and judgement, slabs as counts")
    func summary() throws {
        let summary = try #require(try Self.document()["summary"])
        #expect(
            summary.keys == [
                "project_count", "ranked_count", "by_status", "by_judgement", "behind", "at_risk", "called_in",
                "trial_count", "metrics",
            ]
        )
        #expect(
            summary["by_status"]
                == .object([
                    "proposed": .number(0), "active": .number(1), "on_hold": .number(1), "completed": .number(0),
                    "cancelled": .number(0),
                ])
        )
        #expect(
            summary["by_judgement"]
                == .object([
                    "on_track": .number(1), "at_risk": .number(0), "off_track": .number(0), "not_ranked": .number(1),
                    "closed": .number(0),
                ])
        )
        #expect(summary["behind"] == .array([]))
        #expect(summary["at_risk"] == .array([]))
        #expect(summary["called_in"] == .array([]))
        let metric = try #require(summary["metrics"]?[0])
        #expect(metric["metric_name"] == .string("longitudinal crack rate"))
        #expect(metric["trial_outcomes"] == .object(["defective": .number(6), "inspected": .number(690)]))
        #expect(metric["figures"] == .object(["defective": .number(29), "inspected": .number(2000)]))
    }

    @Test("recent months: the six months ending with the report's, oldest first, counts and rate or only the month")
    func recentMonths() throws {
        let months = try #require(try Self.document()["projects"]?[0]?["recent_months"])
        guard case .array(let entries) = months else { throw JSONShapeError() }
        #expect(entries.count == 6)
        #expect(
            entries.map { $0["month"] }
                == ["2025-12", "2026-01", "2026-02", "2026-03", "2026-04", "2026-05"].map { .string($0) })
        for entry in entries.prefix(4) {
            #expect(entry.keys == ["month"], "a month without figures carries only its name")
        }
        // The month before and the month itself, from the fixture's figures 30/1400 and 29/2000.
        #expect(
            entries[4]
                == .object([
                    "month": .string("2026-04"), "defective": .number(30), "inspected": .number(1400),
                    "rate": .number(30.0 / 1400),
                ]))
        #expect(entries[5]["rate"] == .number(0.0145))
        #expect(entries[5]["defective"] == .number(29))
        // The on-hold project without figures: six months, all without.
        let corner = try #require(try Self.document()["projects"]?[1]?["recent_months"])
        #expect((0..<6).allSatisfy { corner[$0]?.keys == ["month"] })
    }

    @Test("months the store gathered stand as given; the month and the one before fall back to their figures")
    func recentMonthsFromFacts() throws {
        var facts = F.project(month: F.counts(29, of: 2000), previousMonth: nil)
        facts.recentMonths = [
            .init(month: try Month(year: 2026, month: 1), counts: F.counts(5, of: 100)),
            .init(month: try Month(year: 2026, month: 3), counts: F.counts(0, of: 0)),
        ]
        let months = try #require(F.entry(facts).recentMonths)
        #expect(months.map(\.month.description) == ["2025-12", "2026-01", "2026-02", "2026-03", "2026-04", "2026-05"])
        #expect(months.map(\.inspected) == [nil, 100, nil, 0, nil, 2000])
        #expect(months.map(\.rate) == [nil, 0.05, nil, nil, nil, 0.0145])
    }

    @Test("a report published before the trend existed still decodes, without one")
    func decodesWithoutRecentMonths() throws {
        var report = Self.report
        for index in report.projects.indices { report.projects[index].recentMonths = nil }
        let data = try Self.encoded(report)
        #expect(!String(decoding: data, as: UTF8.self).contains("recent_months"))
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let decoded = try decoder.decode(MonthlyReport.self, from: data)
        #expect(decoded == report)
        #expect(decoded.projects.allSatisfy { $0.recentMonths == nil })
    }

    struct JSONShapeError: Error {}

    @Test("a published report decodes back to the same value")
    func roundTrip() throws {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let decoded = try decoder.decode(MonthlyReport.self, from: try Self.encoded(Self.report))
        #expect(decoded == Self.report)
        // Without a key strategy too, as a program might store it.
        let plain = try JSONDecoder().decode(MonthlyReport.self, from: try JSONEncoder().encode(Self.report))
        #expect(plain == Self.report)
    }

    @Test("the same facts in any order encode to the same bytes")
    func deterministic() throws {
        #expect(try Self.encoded(F.report(Self.facts.reversed())) == Self.encoded(Self.report))
    }
}
