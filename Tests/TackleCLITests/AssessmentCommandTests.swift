import Foundation
import Testing

/// The monthly assessment (月度考核) through the real binary and a real PostgreSQL: scores, the
/// fair ranking, who is called in, the rubric's versions, talks, revisions, past months that stay
/// past, and the two languages.
///
/// Figures are recorded for 2026-10 and earlier, so they are always recorded after that month's
/// figures deadline (2026-11-05): every project loses the same half of the reporting points, and
/// the scores do not depend on the day the tests run.
@Suite("monthly assessment, run as the party committee would")
struct AssessmentCommandTests {
    /// A plant with people to lead projects and a party secretary to hold talks.
    static func plant(_ label: String) throws -> TrackerDatabase {
        let database = try TrackerDatabase.create(label: label)
        do {
            try database.addPlant()
            try database.setUp("person", "add", "E2001", "--name", "刘书记", "--unit", "CC3", "--party-member")
            return database
        } catch {
            database.drop()
            throw error
        }
    }

    /// Opens a project with the brief's baseline (48/1500 = 3.20 %, target 0.50 %) and records its
    /// October figures.
    static func project(
        _ database: TrackerDatabase, _ key: String, opened: String = "2026-01-01", due: String = "2026-12-31",
        october: (defective: Int, inspected: Int)?
    ) throws {
        try database.openProject(key, opened: opened, due: due)
        if let october {
            try database.setUp(
                "metric", "record", key, "--month", "2026-10", "--inspected", String(october.inspected),
                "--defective", String(october.defective))
        }
    }

    static func json(_ outcome: TackleProcess.Outcome) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
    }

    /// `report monthly --format json` of a month: the projects by key.
    static func projects(_ database: TrackerDatabase, _ month: String) throws -> [String: [String: Any]] {
        let report = try json(
            try database.tackle.succeed("report", "monthly", "--month", month, "--format", "json"))
        let projects = report["projects"] as? [[String: Any]] ?? []
        return Dictionary(uniqueKeysWithValues: projects.map { ($0["key"] as? String ?? "", $0) })
    }

    static func calledIn(_ database: TrackerDatabase, _ month: String) throws -> [String] {
        let report = try json(
            try database.tackle.succeed("report", "monthly", "--month", month, "--format", "json"))
        return (report["called_in"] as? [[String: Any]] ?? []).compactMap { $0["key"] as? String }
    }

    static func score(_ project: [String: Any]?) -> Int? {
        (project?["score"] as? [String: Any])?["total"] as? Int
    }

    @Test("a single project on track is rank 1 and nobody is called in")
    func singleOnTrack() throws {
        let database = try Self.plant("assess_single")
        defer { database.drop() }
        try Self.project(database, "SLAB-CRACK-2026", october: (6, 1000))
        let projects = try Self.projects(database, "2026-10")
        #expect(projects["SLAB-CRACK-2026"]?["rank"] as? Int == 1)
        #expect(projects["SLAB-CRACK-2026"]?["judgement"] as? String == "on-track")
        #expect(try Self.calledIn(database, "2026-10").isEmpty)
        let text = try database.tackle.succeed("report", "monthly", "--month", "2026-10")
        #expect(text.stdout.contains("Called in for a talk: none"))
        let row = text.stdout.split(separator: "\n").first { $0.hasPrefix("   1  SLAB-CRACK-2026") }
        #expect(row?.contains("yes") == false, "\(text)")
    }

    @Test("a young project ahead of its own plan outranks an older one behind its plan")
    func youngOutranksOld() throws {
        let database = try Self.plant("assess_young")
        defer { database.drop() }
        // 91 of 364 days gone: 25 % of the gap expected; 2.50 % closes 25.9 %.
        try Self.project(database, "YOUNG-2026", opened: "2026-08-01", due: "2027-07-31", october: (50, 2000))
        // 425 days, 364 gone: 85.6 % expected; 1.80 % closes 51.9 %, twice as much, but behind its plan.
        try Self.project(database, "OLD-2025", opened: "2025-11-01", due: "2026-12-31", october: (36, 2000))
        let projects = try Self.projects(database, "2026-10")
        #expect(projects["YOUNG-2026"]?["rank"] as? Int == 1)
        #expect(projects["OLD-2025"]?["rank"] as? Int == 2)
        let youngGap = try #require(projects["YOUNG-2026"]?["gap_closed"] as? Double)
        let oldGap = try #require(projects["OLD-2025"]?["gap_closed"] as? Double)
        #expect(youngGap < oldGap, "the young project closed less of its gap, yet ranks first")
        #expect(try #require(Self.score(projects["YOUNG-2026"])) > (try #require(Self.score(projects["OLD-2025"]))))
    }

    @Test("equal scores share a rank; an on-hold project is listed, not ranked, never called in")
    func tiesAndOnHold() throws {
        let database = try Self.plant("assess_ties")
        defer { database.drop() }
        try Self.project(database, "ZULU-2026", october: (6, 1000))
        for key in ["ALPHA-2026", "BRAVO-2026", "CHARLIE-2026"] {
            try Self.project(database, key, october: nil)
        }
        try Self.project(database, "HOLD-2026", october: nil)
        try database.setUp(
            "project", "set-status", "HOLD-2026", "on-hold", "--reason", "连铸机大修", "--on", "2026-10-15")

        let projects = try Self.projects(database, "2026-10")
        #expect(projects["ZULU-2026"]?["rank"] as? Int == 1)
        for key in ["ALPHA-2026", "BRAVO-2026", "CHARLIE-2026"] {
            #expect(projects[key]?["rank"] as? Int == 2, "\(key) shares rank 2")
        }
        #expect(projects["HOLD-2026"]?["rank"] == nil)
        #expect(projects["HOLD-2026"]?["score"] == nil)
        #expect(projects["HOLD-2026"]?["judgement"] as? String == "not-ranked")
        #expect(try Self.calledIn(database, "2026-10") == ["ALPHA-2026", "BRAVO-2026", "CHARLIE-2026"])

        // In September the project was not on hold yet: it was ranked then.
        #expect(try Self.projects(database, "2026-09")["HOLD-2026"]?["status"] as? String == "active")
        let text = try database.tackle.succeed("report", "monthly", "--month", "2026-10").stdout
        #expect(text.contains("Not ranked:"))
        #expect(text.contains("HOLD-2026 板坯纵裂攻关  王磊    on hold"))
    }

    @Test("a rubric version from a later month never changes an earlier month; an already published month is refused")
    func rubricChange() throws {
        let database = try Self.plant("assess_rubric")
        defer { database.drop() }
        let directory = try ReportDirectory.create("assess_rubric")
        defer { directory.remove() }
        try Self.project(database, "SLAB-CRACK-2026", october: (50, 2000))
        let before = try database.tackle.succeed("report", "monthly", "--month", "2026-10", "--format", "json")
        try database.tackle.succeed("report", "publish", "--month", "2026-10", "--output-dir", directory.path)

        let snapshot = try DatabaseSnapshot.take(of: database)
        let refused = try database.tackle.run(
            "assessment", "rubric", "set", "--progress", "30", "--milestones", "30", "--trials", "20",
            "--reporting", "20", "--from", "2026-10", "--reason", "党委会决定调整权重")
        #expect(refused.status == 1)
        #expect(refused.stderr.hasPrefix("Error: --from: 2026-10 is already published"), "\(refused)")
        #expect(try DatabaseSnapshot.take(of: database) == snapshot)

        try database.tackle.succeed(
            "assessment", "rubric", "set", "--progress", "30", "--milestones", "30", "--trials", "20",
            "--reporting", "20", "--bottom", "2", "--from", "2026-11", "--reason", "党委会决定调整权重")
        let after = try database.tackle.succeed("report", "monthly", "--month", "2026-10", "--format", "json")
        #expect(after.stdout == before.stdout, "October keeps the rubric that scored it")
        let november = try Self.json(
            try database.tackle.succeed("report", "monthly", "--month", "2026-11", "--format", "json"))
        #expect((november["rubric"] as? [String: Any])?["version"] as? Int == 2)
        #expect((november["rubric"] as? [String: Any])?["called_in"] as? Int == 2)

        let rubrics = try database.tackle.succeed("assessment", "rubric", "show", "--json")
        let versions = try JSONSerialization.jsonObject(with: Data(rubrics.stdout.utf8)) as? [[String: Any]] ?? []
        #expect(versions.compactMap { $0["version"] as? Int } == [1, 2])
        #expect(versions.last?["effective_from"] as? String == "2026-11")
        #expect(versions.last?["reason"] as? String == "党委会决定调整权重")
    }

    @Test("a talk is recorded only for a project called in by the posted sheet; the next month follows it up")
    func talksAndFollowUp() throws {
        let database = try Self.plant("assess_talk")
        defer { database.drop() }
        let directory = try ReportDirectory.create("assess_talk")
        defer { directory.remove() }
        try Self.project(database, "ZULU-2026", october: (6, 1000))
        for key in ["ALPHA-2026", "BRAVO-2026", "CHARLIE-2026"] {
            try Self.project(database, key, october: nil)
        }
        let talk = [
            "talk", "record", "ALPHA-2026", "--month", "2026-10", "--on", "2026-11-06", "--by", "E2001",
            "--notes", "纵裂数据未报", "--action", "十一月底前完成喷嘴改造", "--action", "每周报告纵裂率",
        ]
        let snapshot = try DatabaseSnapshot.take(of: database)
        let unpublished = try database.tackle.run(talk)
        #expect(unpublished.status == 1)
        #expect(
            unpublished.stderr == "Error: --month: 2026-10 has not been published, so nobody was called in for it yet\n"
        )
        #expect(try DatabaseSnapshot.take(of: database) == snapshot)

        try database.tackle.succeed("report", "publish", "--month", "2026-10", "--output-dir", directory.path)
        let snapshotPublished = try DatabaseSnapshot.take(of: database)
        let notCalled = try database.tackle.run(
            "talk", "record", "ZULU-2026", "--month", "2026-10", "--on", "2026-11-06", "--by", "E2001")
        #expect(notCalled.status == 1)
        #expect(notCalled.stderr.contains("ZULU-2026 was not called in for 2026-10"), "\(notCalled)")
        #expect(notCalled.stderr.split(separator: "\n").count == 1)
        #expect(try DatabaseSnapshot.take(of: database) == snapshotPublished)

        try database.tackle.succeed(talk)
        let again = try database.tackle.run(talk)
        #expect(again.status == 1, "one talk per project and month")

        let list = try database.tackle.succeed("talk", "list", "--month", "2026-10", "--json")
        let talks = try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]] ?? []
        #expect(talks.count == 1)
        #expect(talks.first?["actions"] as? [String] == ["十一月底前完成喷嘴改造", "每周报告纵裂率"])
        #expect(talks.first?["held_by_name"] as? String == "刘书记")

        // November: ALPHA recorded its figures and climbed; the others did not.
        try database.setUp(
            "metric", "record", "ALPHA-2026", "--month", "2026-11", "--inspected", "1000", "--defective", "6")
        let november = try Self.json(
            try database.tackle.succeed("report", "monthly", "--month", "2026-11", "--format", "json"))
        let followUp = november["follow_up"] as? [[String: Any]] ?? []
        #expect(followUp.compactMap { $0["key"] as? String } == ["ALPHA-2026", "BRAVO-2026", "CHARLIE-2026"])
        let alpha = try #require(followUp.first)
        #expect((alpha["talk"] as? [String: Any])?["held_on"] as? String == "2026-11-06")
        #expect(try #require(alpha["score_change"] as? Int) > 0)
        #expect(followUp[1]["talk"] == nil)
        let text = try database.tackle.succeed("report", "monthly", "--month", "2026-11", "--lang", "zh").stdout
        #expect(text.contains("上月约谈跟踪（2026-10）："))
        #expect(text.contains("ALPHA-2026 板坯纵裂攻关：2026-11-06 由刘书记约谈；得分"))
        #expect(text.contains("    1. 十一月底前完成喷嘴改造"))
    }

    @Test("a posted month is corrected only by a new revision with a reason; revision 1 stays as it was")
    func revisions() throws {
        let database = try Self.plant("assess_revision")
        defer { database.drop() }
        let directory = try ReportDirectory.create("assess_revision")
        defer { directory.remove() }
        try Self.project(database, "SLAB-CRACK-2026", october: nil)
        try database.tackle.succeed("report", "publish", "--month", "2026-10", "--output-dir", directory.path)
        let first = try database.tackle.succeed("report", "archive", "show", "2026-10")

        try database.setUp(
            "metric", "record", "SLAB-CRACK-2026", "--month", "2026-10", "--inspected", "1000", "--defective", "6")
        let list = try database.tackle.succeed("report", "archive", "list", "--json")
        let entries = try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]] ?? []
        #expect(entries.first?["data_changed_since"] as? Bool == true, "the figures came in after publication")

        let snapshot = try DatabaseSnapshot.take(of: database)
        let noReason = try database.tackle.run(
            "report", "publish", "--month", "2026-10", "--output-dir", directory.path)
        #expect(noReason.status == 1)
        #expect(noReason.stderr.hasPrefix("Error: --reason: 2026-10 is already published (revision 1)"), "\(noReason)")
        #expect(try DatabaseSnapshot.take(of: database) == snapshot)

        try database.tackle.succeed(
            "report", "publish", "--month", "2026-10", "--reason", "炼钢二厂补报十月数据", "--output-dir", directory.path)
        let revisions =
            try JSONSerialization.jsonObject(
                with: Data(try database.tackle.succeed("report", "archive", "list", "--json").stdout.utf8))
            as? [[String: Any]] ?? []
        #expect(revisions.compactMap { $0["revision"] as? Int } == [1, 2])
        #expect(revisions.last?["reason"] as? String == "炼钢二厂补报十月数据")
        #expect(revisions.last?["data_changed_since"] as? Bool == false)
        #expect(
            try database.tackle.succeed("report", "archive", "show", "2026-10", "--revision", "1").stdout
                == first.stdout)
        let latest = try database.tackle.succeed("report", "archive", "show", "2026-10").stdout
        #expect(latest != first.stdout)
        #expect(
            latest == (try database.tackle.succeed("report", "monthly", "--month", "2026-10", "--lang", "zh").stdout))
        #expect(directory.contents("2026-10", "txt") == latest)
        #expect(FileManager.default.fileExists(atPath: directory.path + "/tackle-status-2026-10-r2.txt"))
        #expect(FileManager.default.fileExists(atPath: directory.path + "/tackle-status-2026-10-r1.txt"))
    }

    @Test("every demo month prints byte for byte the same after a batch of changes dated today")
    func pastMonthsStayPast() throws {
        let database = try TrackerDatabase.create(label: "assess_past")
        defer { database.drop() }
        try database.setUp("demo", "load")
        let months = ["2025-09", "2025-10", "2025-11", "2025-12"] + (1...11).map { String(format: "2026-%02d", $0) }
        func render(_ month: String) throws -> String {
            let text = try database.tackle.succeed("report", "monthly", "--month", month, "--lang", "zh").stdout
            let json = try database.tackle.succeed("report", "monthly", "--month", month, "--format", "json").stdout
            return text + json
        }
        let before = try months.map(render)

        // Today's changes: a hold, a new member, a milestone done, a leader joining a second project.
        let list = try database.tackle.succeed("project", "list", "--json").stdout
        let projects = try JSONSerialization.jsonObject(with: Data(list.utf8)) as? [[String: Any]] ?? []
        let active = projects.filter { $0["status"] as? String == "active" }.compactMap { $0["key"] as? String }
        try #require(active.count >= 2)
        try database.tackle.succeed("project", "set-status", active[0], "on-hold", "--reason", "今日检修")
        try database.tackle.succeed("member", "add", active[1], "E1003", "--role", "member")
        let milestones = try database.tackle.succeed("milestone", "list", active[1], "--json").stdout
        let open = (try JSONSerialization.jsonObject(with: Data(milestones.utf8)) as? [[String: Any]] ?? [])
            .first { $0["done_on"] == nil }
        if let number = open?["number"] as? Int {
            try database.tackle.succeed("milestone", "done", active[1], String(number))
        }

        let after = try months.map(render)
        for (index, month) in months.enumerated() {
            #expect(after[index] == before[index], "\(month) changed after today's changes")
        }
        // The hold is there today: the month running shows it.
        let today = try Self.projects(database, months.last!)
        #expect(today[active[0]]?["status"] as? String == "active", "November is past; the hold is dated today")
    }

    @Test("the scheduled job never republishes a month whose figures changed; it says so once")
    func schedulerLogsChangedMonth() throws {
        let database = try TrackerDatabase.create(label: "assess_changed")
        defer { database.drop() }
        let directory = try ReportDirectory.create("assess_changed")
        defer { directory.remove() }
        try database.setUp("demo", "load")
        let pass = [
            "scheduler", "run", "--once", "--now", "2026-11-05T09:00:00+08:00", "--catch-up", "3", "--output-dir",
            directory.path,
        ]
        let quiet = try database.tackle.succeed(pass)
        #expect(!quiet.stderr.contains("figures changed after publication"), "\(quiet)")

        try database.setUp(
            "metric", "correct", "SLAB-CRACK-2026", "--month", "2026-10", "--inspected", "668", "--defective", "6",
            "--reason", "复判")
        let before = try database.integer("SELECT count(*) AS n FROM published_report")
        let warned = try database.tackle.succeed(pass)
        let lines = warned.stderr.split(separator: "\n").filter { $0.contains("figures changed after publication") }
        #expect(lines.count == 1, "\(warned)")
        #expect(lines.first?.contains("report.period=2026-10") == true)
        #expect(try database.integer("SELECT count(*) AS n FROM published_report") == before, "nothing republished")
    }

    @Test("a month still running prints as of today, marked incomplete")
    func incompleteMonth() throws {
        let database = try Self.plant("assess_running")
        defer { database.drop() }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "Asia/Shanghai"))
        let today = calendar.dateComponents([.year, .month, .day], from: Date())
        let month = String(format: "%04d-%02d", today.year ?? 0, today.month ?? 0)
        let text = try database.tackle.succeed("report", "monthly", "--month", month).stdout
        let day = String(format: "%@-%02d", month, today.day ?? 0)
        #expect(text.contains("as of \(day), month incomplete"), "\(text)")
    }

    @Test("Chinese or English: --lang, else TACKLE_LANG, else LANG")
    func languages() throws {
        let database = try Self.plant("assess_lang")
        defer { database.drop() }
        try Self.project(database, "SLAB-CRACK-2026", october: (6, 1000))
        let month = ["report", "monthly", "--month", "2026-10"]
        var tackle = database.tackle
        tackle.environment = ["LANG": "zh_CN.UTF-8"]
        #expect(try tackle.succeed(month).stdout.hasPrefix("攻关项目月度考核 2026-10"))
        tackle.environment = ["LANG": "zh_CN.UTF-8", "TACKLE_LANG": "en"]
        #expect(try tackle.succeed(month).stdout.hasPrefix("tackle monthly assessment 2026-10"))
        #expect(try tackle.succeed(month + ["--lang", "zh"]).stdout.hasPrefix("攻关项目月度考核 2026-10"))
        tackle.environment = ["LANG": "C.UTF-8"]
        #expect(try tackle.succeed(month).stdout.hasPrefix("tackle monthly assessment 2026-10"))
        let wrong = try tackle.run(month + ["--lang", "fr"])
        #expect(wrong.status == 1)
        #expect(wrong.stderr == "Error: --lang: 'fr' is not a language tackle prints; use zh or en\n")
    }

    @Test(
        "bad assessment input is refused with one line naming the field, and nothing is written",
        arguments: [
            (
                [
                    "assessment", "rubric", "set", "--progress", "50", "--milestones", "25", "--trials", "15",
                    "--reporting", "5", "--from", "2027-01", "--reason", "x",
                ], "--progress"
            ),
            (
                ["assessment", "rubric", "set", "--progress", "50", "--from", "2027-01", "--reason", " "],
                "--reason"
            ),
            (["assessment", "rubric", "set", "--bottom", "30", "--from", "2027-01", "--reason", "x"], "--bottom"),
            (
                ["talk", "record", "SLAB-CRACK-2026", "--month", "2026-09", "--on", "2026-10-08", "--by", "E2001"],
                "--month"
            ),
            (["report", "monthly", "--month", "2031-05"], "--month"),
            (["report", "publish", "--month", "2031-05"], "--month"),
        ] as [([String], String)]
    )
    func badInput(arguments: [String], field: String) throws {
        let database = try Self.plant("assess_bad")
        defer { database.drop() }
        try Self.project(database, "SLAB-CRACK-2026", october: (6, 1000))
        let snapshot = try DatabaseSnapshot.take(of: database)
        let outcome = try database.tackle.run(arguments)
        #expect(outcome.status == 1, "\(outcome)")
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderr.split(separator: "\n").count == 1, "\(outcome)")
        #expect(outcome.stderr.hasPrefix("Error: \(field)"), "\(outcome)")
        #expect(try DatabaseSnapshot.take(of: database) == snapshot)
    }
}
