import Foundation
import Testing

/// Keeping the record right through the real binary: edits with a reason, leader changes, voids,
/// reopening, members leaving, milestones moved or cancelled, people marked inactive, and the
/// refusals a plant clerk expects.
@Suite("keeping the record right")
struct RecordKeepingTests {
    static let key = "SLAB-CRACK-2026"

    /// A plant with a project opened 2026-01-01, due 2026-12-31, and October's figures.
    static func database(_ label: String) throws -> TrackerDatabase {
        let database = try TrackerDatabase.create(label: label)
        do {
            try database.addPlant()
            try database.openProject(key, opened: "2026-01-01", due: "2026-12-31")
            try database.setUp(
                "metric", "record", key, "--month", "2026-10", "--inspected", "1000", "--defective", "6")
            return database
        } catch {
            database.drop()
            throw error
        }
    }

    static func json(_ outcome: TackleProcess.Outcome) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
    }

    static func reportProject(_ database: TrackerDatabase, _ month: String) throws -> [String: Any] {
        let report = try json(
            try database.tackle.succeed("report", "monthly", "--month", month, "--format", "json"))
        let projects = report["projects"] as? [[String: Any]] ?? []
        return try #require(projects.first { $0["key"] as? String == key })
    }

    static func project(_ database: TrackerDatabase) throws -> [String: Any] {
        let detail = try json(try database.tackle.succeed("project", "show", key, "--json"))
        return try #require(detail["project"] as? [String: Any])
    }

    @Test("an extension (延期) moves the due date and the report's days left; --if-version refuses a stale edit")
    func dueDateExtension() throws {
        let database = try Self.database("keep_extend")
        defer { database.drop() }
        #expect(try Self.reportProject(database, "2026-10")["days_left"] as? Int == 61)

        try database.tackle.succeed(
            "project", "edit", Self.key, "--due", "2027-03-31", "--reason", "设备改造推迟，党委批准延期", "--if-version", "1")
        #expect(try Self.reportProject(database, "2026-10")["days_left"] as? Int == 151)
        #expect(try Self.project(database)["due_on"] as? String == "2027-03-31")
        #expect(try Self.project(database)["version"] as? Int == 2)

        let snapshot = try DatabaseSnapshot.take(of: database)
        let stale = try database.tackle.run(
            "project", "edit", Self.key, "--title", "板坯纵裂攻关（二期）", "--reason", "改名", "--if-version", "1")
        #expect(stale.status == 1)
        #expect(stale.stderr.hasPrefix("Error: --if-version: project \(Self.key) is at version 2, not 1"), "\(stale)")
        #expect(try DatabaseSnapshot.take(of: database) == snapshot)

        let history = try database.tackle.succeed("history", Self.key, "--json")
        #expect(history.stdout.contains("设备改造推迟，党委批准延期"))
        #expect(history.stdout.contains("2027-03-31"))
    }

    @Test("title, problem, unit, target and a new baseline change with a reason; the same values again change nothing")
    func edits() throws {
        let database = try Self.database("keep_edit")
        defer { database.drop() }
        try database.setUp("unit", "add", "CC1", "--name", "连铸一作业区", "--kind", "work-area")
        try database.tackle.succeed(
            "project", "edit", Self.key, "--title", "板坯纵裂攻关（二期）", "--problem", "纵裂复发", "--unit", "CC1",
            "--target", "0.4%", "--reason", "党委会调整目标")
        try database.tackle.succeed(
            "project", "edit", Self.key, "--baseline", "52/1600", "--baseline-period", "2026-02..2026-04",
            "--reason", "基准期数据复核")
        let project = try Self.project(database)
        #expect(project["title"] as? String == "板坯纵裂攻关（二期）")
        #expect(project["unit_code"] as? String == "CC1")
        let metric = try #require(project["metric"] as? [String: Any])
        #expect(metric["target_rate"] as? Double == 0.004)
        #expect(metric["baseline_period"] as? String == "2026-02..2026-04")
        #expect(project["version"] as? Int == 3)
        // The report marks the month the baseline changed (this month, at the plant), and no other.
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "Asia/Shanghai"))
        let today = calendar.dateComponents([.year, .month], from: Date())
        let thisMonth = String(format: "%04d-%02d", today.year ?? 0, today.month ?? 0)
        #expect(try Self.reportProject(database, thisMonth)["baseline_changed"] as? Bool == true)
        #expect(try Self.reportProject(database, "2026-10")["baseline_changed"] as? Bool == false)
        let text = try database.tackle.succeed("report", "monthly", "--month", thisMonth, "--lang", "zh").stdout
        #expect(text.contains("（基准本月已调整"))

        let snapshot = try DatabaseSnapshot.take(of: database)
        for arguments in [
            ["--title", "板坯纵裂攻关（二期）", "--reason", "x"],
            ["--baseline", "60/1600", "--reason", "x"],
            ["--target", "4%", "--reason", "x"],
            ["--due", "2025-12-31", "--reason", "x"],
        ] {
            let outcome = try database.tackle.run(["project", "edit", Self.key] + arguments)
            #expect(outcome.status == 1, "\(arguments): \(outcome)")
            #expect(outcome.stderr.split(separator: "\n").count == 1, "\(outcome)")
        }
        #expect(try DatabaseSnapshot.take(of: database) == snapshot, "refused edits write nothing, not even a version")
    }

    @Test("a leader change: each month's report names the leader of that month")
    func leaderChange() throws {
        let database = try Self.database("keep_leader")
        defer { database.drop() }
        try database.setUp(
            "metric", "record", Self.key, "--month", "2026-08", "--inspected", "1000", "--defective", "9")
        try database.tackle.succeed(
            "project", "change-leader", Self.key, "E1002", "--on", "2026-09-01", "--reason", "原负责人调任",
            "--selection", "appointed")
        #expect(try Self.reportProject(database, "2026-08")["leader_no"] as? String == "E1001")
        #expect(try Self.reportProject(database, "2026-10")["leader_no"] as? String == "E1002")
        #expect(try Self.project(database)["leader_no"] as? String == "E1002")

        let members =
            try JSONSerialization.jsonObject(
                with: Data(try database.tackle.succeed("member", "list", Self.key, "--json").stdout.utf8))
            as? [[String: Any]] ?? []
        let current = members.filter { $0["left_on"] == nil }
        #expect(current.contains { $0["employee_no"] as? String == "E1001" && $0["role"] as? String == "member" })
        #expect(current.contains { $0["employee_no"] as? String == "E1002" && $0["role"] as? String == "leader" })
        #expect(current.filter { $0["role"] as? String == "leader" }.count == 1)

        let again = try database.tackle.run(
            "project", "change-leader", Self.key, "E1002", "--on", "2026-10-01", "--reason", "x")
        #expect(again.status == 1)
        #expect(again.stderr.contains("E1002 already leads \(Self.key)"), "\(again)")
    }

    @Test("voided figures stay listed with the reason, count nowhere, and the month can be recorded again")
    func voidFigures() throws {
        let database = try Self.database("keep_void_metric")
        defer { database.drop() }
        try database.tackle.succeed("metric", "void", Self.key, "--month", "2026-10", "--reason", "误录")
        #expect(try Self.reportProject(database, "2026-10")["month_figures"] == nil)
        #expect(!(try database.tackle.succeed("metric", "list", Self.key).stdout.contains("2026-10")))
        #expect(try database.tackle.succeed("metric", "list", Self.key, "--all").stdout.contains("VOID: 误录"))

        let twice = try database.tackle.run("metric", "void", Self.key, "--month", "2026-10", "--reason", "误录")
        #expect(twice.status == 1)
        #expect(twice.stderr == "Error: --month: the figures for 2026-10 of \(Self.key) are already void\n")

        try database.tackle.succeed(
            "metric", "record", Self.key, "--month", "2026-10", "--inspected", "1000", "--defective", "7")
        let figures = try #require(Self.reportProject(database, "2026-10")["month_figures"] as? [String: Any])
        #expect(figures["defective"] as? Int == 7)
    }

    @Test("a voided trial is absent from trial list, the monthly report and the published sheet, but kept")
    func voidTrial() throws {
        let database = try Self.database("keep_void_trial")
        defer { database.drop() }
        let directory = try ReportDirectory.create("keep_void_trial")
        defer { directory.remove() }
        try database.logTrial(Self.key, inspected: 320, defective: 3, from: "2026-10-05")
        try database.logTrial(Self.key, inspected: 40, defective: 9, from: "2026-10-12")
        try database.tackle.succeed("trial", "void", Self.key, "T2", "--reason", "试验坯号录入错误")

        let listed = try database.tackle.succeed("trial", "list", Self.key).stdout
        #expect(listed.contains("T1"))
        #expect(!listed.contains("T2"))
        #expect(try database.tackle.succeed("trial", "list", Self.key, "--all").stdout.contains("VOID: 试验坯号录入错误"))
        let trials = (try Self.reportProject(database, "2026-10")["trials"] as? [[String: Any]] ?? [])
        #expect(trials.compactMap { $0["label"] as? String } == ["T1"])
        try database.tackle.succeed("report", "publish", "--month", "2026-10", "--output-dir", directory.path)
        let sheet = try #require(directory.contents("2026-10", "json"))
        #expect(sheet.contains("\"T1\""))
        #expect(!sheet.contains("\"T2\""))

        let twice = try database.tackle.run("trial", "void", Self.key, "T2", "--reason", "x")
        #expect(twice.status == 1)
        #expect(twice.stderr == "Error: T2 of \(Self.key) is already void\n")
        let corrected = try database.tackle.run("trial", "correct", Self.key, "T2", "--defective", "1", "--reason", "x")
        #expect(corrected.status == 1)
        // The next trial still gets a new number: a voided one keeps its own.
        try database.logTrial(Self.key, inspected: 300, defective: 2, from: "2026-10-20")
        #expect(try database.tackle.succeed("trial", "list", Self.key).stdout.contains("T3"))
    }

    @Test("a trial in the future and a correction that changes nothing are refused; the version stays")
    func trialRefusals() throws {
        let database = try Self.database("keep_trial_refuse")
        defer { database.drop() }
        try database.logTrial(Self.key, inspected: 320, defective: 3, from: "2026-10-05")
        let snapshot = try DatabaseSnapshot.take(of: database)
        let future = try database.tackle.run(
            "trial", "log", Self.key, "--lever", "secondary cooling", "--inspected", "10", "--defective", "1",
            "--from", "2031-01-01")
        #expect(future.status == 1)
        #expect(future.stderr.hasPrefix("Error: --from: 2031-01-01 is after today"), "\(future)")
        let same = try database.tackle.run(
            "trial", "correct", Self.key, "T1", "--defective", "3", "--reason", "复核无误")
        #expect(same.status == 1)
        #expect(same.stderr.contains("nothing to change"), "\(same)")
        let sameFigures = try database.tackle.run(
            "metric", "correct", Self.key, "--month", "2026-10", "--inspected", "1000", "--defective", "6",
            "--reason", "复核无误")
        #expect(sameFigures.status == 1)
        #expect(sameFigures.stderr.contains("nothing to change"), "\(sameFigures)")
        #expect(try DatabaseSnapshot.take(of: database) == snapshot)
    }

    @Test("a completed project can be reopened; a cancelled one cannot")
    func reopen() throws {
        let database = try Self.database("keep_reopen")
        defer { database.drop() }
        try database.tackle.succeed(
            "project", "set-status", Self.key, "completed", "--reason", "验收", "--on", "2026-11-10")
        try database.tackle.succeed(
            "project", "set-status", Self.key, "active", "--reason", "验收后复发，重新打开", "--on", "2026-11-20")
        let project = try Self.project(database)
        #expect(project["status"] as? String == "active")
        #expect(project["closed_on"] == nil)

        try database.tackle.succeed("project", "set-status", Self.key, "cancelled", "--reason", "并入新项目")
        let refused = try database.tackle.run("project", "set-status", Self.key, "active", "--reason", "x")
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("cancelled is final"), "\(refused)")
    }

    @Test("members leave, milestones move or are cancelled, people become inactive")
    func membersMilestonesPeople() throws {
        let database = try Self.database("keep_members")
        defer { database.drop() }
        try database.setUp("member", "add", Self.key, "E1002", "--role", "deputy", "--on", "2026-02-01")
        try database.tackle.succeed("member", "leave", Self.key, "E1002", "--on", "2026-10-31", "--reason", "调岗")
        let members = try database.tackle.succeed("member", "list", Self.key).stdout
        #expect(members.contains("E1002     李娜  deputy  2026-02-01  2026-10-31"), "\(members)")
        let leader = try database.tackle.run("member", "leave", Self.key, "E1001", "--on", "2026-10-31")
        #expect(leader.status == 1)
        #expect(leader.stderr.contains("E1001 leads \(Self.key)"))

        try database.setUp("milestone", "add", Self.key, "--title", "二冷水优化方案", "--due", "2026-06-30")
        try database.setUp("milestone", "add", Self.key, "--title", "轻压下试验", "--due", "2026-09-30")
        try database.tackle.succeed(
            "milestone", "move", Self.key, "1", "--due", "2026-12-15", "--reason", "等待喷嘴到货")
        try database.tackle.succeed("milestone", "cancel", Self.key, "2", "--on", "2026-10-01", "--reason", "方案调整")
        let list = try database.tackle.succeed("milestone", "list", Self.key).stdout
        #expect(list.contains("2026-12-15"))
        #expect(list.contains("cancelled"))
        // Cancelled on 2026-10-01, the milestone (due 2026-09-30) no longer counts from October on;
        // September, before the cancellation, still shows it overdue.
        let november = try Self.reportProject(database, "2026-11")
        #expect((november["milestones"] as? [String: Any])?["overdue"] as? [Int] == [])
        #expect((november["milestones"] as? [String: Any])?["total"] as? Int == 1)
        let september = try Self.reportProject(database, "2026-09")
        #expect((september["milestones"] as? [String: Any])?["total"] as? Int == 2)

        try database.tackle.succeed("person", "edit", "E1003", "--inactive", "--reason", "退休")
        let inactive = try database.tackle.run("member", "add", Self.key, "E1003")
        #expect(inactive.status == 1)
        #expect(inactive.stderr.contains("E1003 is inactive"), "\(inactive)")
    }

    @Test(
        "refusals: one line naming the field and the rule, exit 1, nothing written",
        arguments: [
            (["metric", "record", key, "--month", "2031-05", "--inspected", "10", "--defective", "1"], "--month"),
            (["metric", "record", key, "--day", "2031-05-01", "--inspected", "10", "--defective", "1"], "--day"),
            (["member", "add", key, "E1002", "--role", "leader"], "--role"),
            (["member", "add", key, "E1002", "--on", "2031-01-01"], "--on"),
            (["milestone", "add", key, "--title", "验收", "--due", "2027-01-31"], "--due"),
            (["project", "edit", key, "--reason", "无变化"], "project"),
            (["project", "edit", key, "--baseline", "50/1500", "--reason", "x"], "--baseline"),
            (["project", "change-leader", key, "E1002", "--on", "2025-12-01", "--reason", "x"], "--on"),
            (["metric", "void", key, "--month", "2026-09", "--reason", "误录"], "--month"),
            (["person", "edit", "E1002", "--name", "李娜", "--reason", "无变化"], "employee number"),
        ] as [([String], String)]
    )
    func refusals(arguments: [String], field: String) throws {
        let database = try Self.database("keep_refuse")
        defer { database.drop() }
        let snapshot = try DatabaseSnapshot.take(of: database)
        let outcome = try database.tackle.run(arguments)
        #expect(outcome.status == 1, "\(outcome)")
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderr.split(separator: "\n").count == 1, "\(outcome)")
        #expect(outcome.stderr.hasPrefix("Error: \(field)"), "\(outcome)")
        #expect(try DatabaseSnapshot.take(of: database) == snapshot)
    }

    @Test("refusals after closing and for inactive people")
    func closedAndInactive() throws {
        let database = try Self.database("keep_closed")
        defer { database.drop() }
        try database.tackle.succeed("person", "edit", "E1003", "--inactive", "--reason", "退休")
        try database.tackle.succeed(
            "project", "set-status", Self.key, "completed", "--reason", "验收", "--on", "2026-10-31")
        let snapshot = try DatabaseSnapshot.take(of: database)
        for (arguments, says) in [
            (
                ["metric", "record", Self.key, "--month", "2026-11", "--inspected", "10", "--defective", "1"],
                "closed on 2026-10-31"
            ),
            (
                ["milestone", "add", Self.key, "--title", "x", "--due", "2026-12-01", "--owner", "E1003"],
                "E1003 is inactive"
            ),
            (
                ["project", "change-leader", Self.key, "E1003", "--on", "2026-11-01", "--reason", "x"],
                "E1003 is inactive"
            ),
        ] {
            let outcome = try database.tackle.run(arguments)
            #expect(outcome.status == 1, "\(arguments): \(outcome)")
            #expect(outcome.stderr.contains(says), "\(outcome)")
        }
        #expect(try DatabaseSnapshot.take(of: database) == snapshot)
    }

    @Test("8 processes editing one project at once: every edit lands, in order, none lost")
    func concurrentEdits() throws {
        let database = try Self.database("keep_concurrent")
        defer { database.drop() }
        let running = try (1...8).map { index in
            try database.tackle.start(["project", "edit", Self.key, "--title", "标题\(index)", "--reason", "并发\(index)"])
        }
        let outcomes = try running.map { try $0.wait() }
        #expect(outcomes.allSatisfy { $0.status == 0 }, "\(outcomes)")
        #expect(try Self.project(database)["version"] as? Int == 9)
        // The history chains the titles: each edit's old title is the previous edit's new one.
        let history =
            try JSONSerialization.jsonObject(
                with: Data(try database.tackle.succeed("history", Self.key, "--json").stdout.utf8)) as? [[String: Any]]
            ?? []
        // Old and new values are objects, or JSON text holding one.
        func values(_ value: Any?) -> [String: Any]? {
            if let object = value as? [String: Any] { return object }
            guard let text = value as? String else { return nil }
            return try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        }
        let titles = history.compactMap { entry -> (old: String, new: String)? in
            guard let old = values(entry["old_values"])?["title"] as? String,
                let new = values(entry["new_values"])?["title"] as? String
            else { return nil }
            return (old, new)
        }
        #expect(titles.count == 8)
        for (previous, next) in zip(titles, titles.dropFirst()) {
            #expect(next.old == previous.new, "a lost update between \(previous) and \(next)")
        }

        // With --if-version 9 at once, exactly one of 8 wins.
        let racing = try (1...8).map { index in
            try database.tackle.start([
                "project", "edit", Self.key, "--problem", "问题\(index)", "--reason", "r", "--if-version", "9",
            ])
        }
        let raced = try racing.map { try $0.wait() }
        #expect(raced.filter { $0.status == 0 }.count == 1, "\(raced)")
        #expect(raced.filter { $0.status == 1 && $0.stderr.hasPrefix("Error: --if-version") }.count == 7)
        #expect(try Self.project(database)["version"] as? Int == 10)
    }
}
