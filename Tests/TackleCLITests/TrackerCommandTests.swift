import Foundation
import Testing

@Suite("tracker commands, run as a user types them")
struct TrackerCommandTests {
    static let key = "SLAB-CRACK-2026"

    /// Today at the plant, worked out here rather than by tackle's clock.
    static func plantToday() -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Shanghai")!
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }

    @Test("the everyday commands work as written, and show/list --json show their effect")
    func everydayCommands() throws {
        let database = try TrackerDatabase.create(label: "cli_everyday")
        defer { database.drop() }
        let tackle = database.tackle
        let key = Self.key

        try tackle.succeed("unit", "add", "CC3", "--name", "连铸三作业区", "--kind", "work-area")
        try tackle.succeed("person", "add", "E1001", "--name", "王磊", "--unit", "CC3", "--party-member")
        try tackle.succeed("person", "add", "E1002", "--name", "李娜", "--unit", "CC3")
        let opened = try tackle.succeed(
            "project", "open", key, "--title", "板坯纵裂攻关", "--unit", "CC3", "--leader", "E1001",
            "--metric", "longitudinal crack rate", "--baseline", "48/1500", "--baseline-period", "2026-01..2026-03",
            "--target", "0.5%", "--due", "2026-12-31", "--selection", "open", "--problem", "纵裂是本年度重点质量问题",
            "--opened", "2026-04-01")
        #expect(opened.stdout.contains(key))
        try tackle.succeed("member", "add", key, "E1002", "--role", "member")
        try tackle.succeed("milestone", "add", key, "--title", "二冷水优化方案", "--due", "2026-06-30", "--owner", "E1002")
        try tackle.succeed("milestone", "done", key, "1", "--on", "2026-06-28")
        try tackle.succeed(
            "trial", "log", key, "--lever", "secondary cooling",
            "--param", "specific_water=0.62L/kg", "--param", "casting_speed=1.2m/min",
            "--inspected", "320", "--defective", "3", "--from", "2026-05-01", "--to", "2026-05-10",
            "--note", "二冷水比水量下调")
        try tackle.succeed("metric", "record", key, "--month", "2026-05", "--inspected", "1450", "--defective", "21")

        let detail = try OutputJSON.decode(
            OutputJSON.ProjectDetail.self, from: try tackle.succeed("project", "show", key, "--json"))
        let project = detail.project
        #expect(project.key == key)
        #expect(project.title == "板坯纵裂攻关")
        #expect(project.problem == "纵裂是本年度重点质量问题")
        #expect(project.unit_code == "CC3")
        #expect(project.leader_no == "E1001")
        #expect(project.leader_name == "王磊")
        #expect(project.leader_selection == "open")
        #expect(project.status == "active")
        #expect(project.opened_on == "2026-04-01")
        #expect(project.due_on == "2026-12-31")
        #expect(project.closed_on == nil)
        #expect(project.metric.name == "longitudinal crack rate")
        #expect(project.metric.baseline == OutputJSON.Counts(defective: 48, inspected: 1500))
        #expect(project.metric.baseline_period == "2026-01..2026-03")
        #expect(abs(project.metric.target_rate - 0.005) < 1e-12)
        #expect(project.version == 1)

        // The leader is the first member, from the opening day; E1002 joined today (plant time).
        #expect(detail.members.map(\.employee_no) == ["E1001", "E1002"])
        #expect(detail.members.map(\.role) == ["leader", "member"])
        #expect(detail.members.map(\.joined_on) == ["2026-04-01", Self.plantToday()])
        #expect(detail.members.map(\.name) == ["王磊", "李娜"])

        let milestone = try #require(detail.milestones.first)
        #expect(detail.milestones.count == 1)
        #expect(milestone.number == 1)
        #expect(milestone.title == "二冷水优化方案")
        #expect(milestone.due_on == "2026-06-30")
        #expect(milestone.owner_no == "E1002")
        #expect(milestone.owner_name == "李娜")
        #expect(milestone.done_on == "2026-06-28")

        let trial = try #require(detail.trials.first)
        #expect(detail.trials.count == 1)
        #expect(trial.number == 1)
        #expect(trial.lever == "secondary cooling")
        #expect(
            trial.parameters == [
                OutputJSON.Parameter(name: "specific_water", value: 0.62, unit: "L/kg"),
                OutputJSON.Parameter(name: "casting_speed", value: 1.2, unit: "m/min"),
            ])
        #expect(trial.outcome == OutputJSON.Counts(defective: 3, inspected: 320))
        #expect(trial.started_on == "2026-05-01")
        #expect(trial.ended_on == "2026-05-10")
        #expect(trial.note == "二冷水比水量下调")
        #expect(trial.version == 1)

        let observation = try #require(detail.observations.first)
        #expect(detail.observations.count == 1)
        #expect(observation.granularity == "month")
        #expect(observation.period_start == "2026-05-01")
        #expect(observation.counts == OutputJSON.Counts(defective: 21, inspected: 1450))
        #expect(observation.version == 1)
    }

    @Test("list and show commands print the same records as JSON")
    func listsAndShows() throws {
        let database = try TrackerDatabase.create(label: "cli_lists")
        defer { database.drop() }
        try database.addPlant()
        try database.setUp("unit", "add", "PB2", "--name", "第二党支部", "--kind", "party-branch")
        try database.setUp("person", "add", "E2001", "--name", "赵敏", "--unit", "PB2")
        try database.openProject(Self.key)
        try database.openProject("CORNER-CRACK-2026")
        try database.setUp("project", "set-status", "CORNER-CRACK-2026", "on-hold", "--reason", "等待设备改造")
        try database.setUp("milestone", "add", Self.key, "--title", "轻压下试验", "--due", "2026-08-31")
        try database.logTrial(Self.key, inspected: 320, defective: 3)
        try database.logTrial(Self.key, inspected: 650, defective: 6, from: "2026-06-01")
        let tackle = database.tackle

        let units = try OutputJSON.decode([OutputJSON.Unit].self, from: try tackle.succeed("unit", "list", "--json"))
        #expect(units.map(\.code) == ["CC3", "PB2"])
        #expect(units.map(\.kind) == ["work-area", "party-branch"])

        let people = try OutputJSON.decode(
            [OutputJSON.Person].self, from: try tackle.succeed("person", "list", "--json"))
        #expect(people.map(\.employee_no) == ["E1001", "E1002", "E1003", "E2001"])
        #expect(people.map(\.party_member) == [true, false, false, false])
        let branch = try OutputJSON.decode(
            [OutputJSON.Person].self, from: try tackle.succeed("person", "list", "--unit", "PB2", "--json"))
        #expect(branch.map(\.employee_no) == ["E2001"])
        let leader = try OutputJSON.decode(
            OutputJSON.Person.self, from: try tackle.succeed("person", "show", "E1001", "--json"))
        #expect(leader.name == "王磊")
        #expect(leader.unit_code == "CC3")
        #expect(leader.party_member)
        #expect(leader.active)

        let projects = try OutputJSON.decode(
            [OutputJSON.Project].self, from: try tackle.succeed("project", "list", "--json"))
        #expect(projects.map(\.key) == ["CORNER-CRACK-2026", Self.key])
        #expect(projects.map(\.status) == ["on-hold", "active"])
        let active = try OutputJSON.decode(
            [OutputJSON.Project].self, from: try tackle.succeed("project", "list", "--status", "active", "--json"))
        #expect(active.map(\.key) == [Self.key])

        let trials = try OutputJSON.decode(
            [OutputJSON.Trial].self, from: try tackle.succeed("trial", "list", Self.key, "--json"))
        #expect(trials.map(\.number) == [1, 2])
        #expect(trials.map(\.outcome) == [.init(defective: 3, inspected: 320), .init(defective: 6, inspected: 650)])
        for number in ["2", "T2"] {
            let shown = try OutputJSON.decode(
                OutputJSON.TrialResult.self, from: try tackle.succeed("trial", "show", Self.key, number, "--json"))
            #expect(shown.trial.number == 2)
            #expect(shown.trial.started_on == "2026-06-01")
            #expect(shown.comparison.baseline == .init(defective: 48, inspected: 1500))
        }

        let milestones = try OutputJSON.decode(
            [OutputJSON.Milestone].self, from: try tackle.succeed("milestone", "list", Self.key, "--json"))
        #expect(milestones.map(\.title) == ["轻压下试验"])
        #expect(milestones.first?.owner_no == nil)
        #expect(milestones.first?.done_on == nil)

        let members = try OutputJSON.decode(
            [OutputJSON.Member].self, from: try tackle.succeed("member", "list", Self.key, "--json"))
        #expect(members.map(\.employee_no) == ["E1001"])

        // The text forms carry the same data (CJK included) for people reading a terminal.
        let text = try tackle.succeed("project", "show", Self.key)
        #expect(text.stdout.contains("板坯纵裂攻关"))
        #expect(text.stdout.contains("48/1500"))
        #expect(text.stdout.contains("轻压下试验"))
        #expect(try tackle.succeed("person", "list").stdout.contains("赵敏"))
    }

    @Test("project status moves through the lifecycle; corrections change the records and their versions")
    func statusAndCorrections() throws {
        let database = try TrackerDatabase.create(label: "cli_lifecycle")
        defer { database.drop() }
        try database.addPlant()
        try database.openProject(Self.key)
        try database.logTrial(Self.key, inspected: 320, defective: 3)
        try database.setUp(
            "metric", "record", Self.key, "--month", "2026-05", "--inspected", "1450", "--defective", "21")
        let tackle = database.tackle

        try tackle.succeed(
            "trial", "correct", Self.key, "T1", "--defective", "4", "--note", "复检后", "--reason", "复检",
            "--if-version", "1")
        try tackle.succeed(
            "metric", "correct", Self.key, "--month", "2026-05", "--inspected", "1450", "--defective", "19",
            "--reason", "两块复判为非纵裂", "--if-version", "1")
        try tackle.succeed("project", "set-status", Self.key, "on-hold", "--reason", "连铸机检修", "--on", "2026-09-01")
        try tackle.succeed("project", "set-status", Self.key, "active", "--reason", "检修完成", "--on", "2026-09-20")
        // A change dated before the last one would rewrite the timeline past months are built from.
        let backdated = try tackle.run(
            "project", "set-status", Self.key, "completed", "--reason", "纵裂率达标", "--on", "2026-09-10")
        #expect(backdated.status == 1)
        #expect(backdated.stderr.contains("--on: the last status change of \(Self.key) is dated 2026-09-20"))
        try tackle.succeed(
            "project", "set-status", Self.key, "completed", "--reason", "纵裂率连续三个月低于目标", "--on", "2026-10-31")

        let detail = try OutputJSON.decode(
            OutputJSON.ProjectDetail.self, from: try tackle.succeed("project", "show", Self.key, "--json"))
        #expect(detail.project.status == "completed")
        #expect(detail.project.closed_on == "2026-10-31")
        #expect(detail.project.version == 4)
        let trial = try #require(detail.trials.first)
        #expect(trial.outcome == .init(defective: 4, inspected: 320))
        #expect(trial.note == "复检后")
        #expect(trial.lever == "secondary cooling", "fields not named in the correction stay")
        #expect(trial.version == 2)
        let observation = try #require(detail.observations.first)
        #expect(observation.counts == .init(defective: 19, inspected: 1450))
        #expect(observation.version == 2)
    }

    /// Text a user might type that looks like SQL or breaks naive quoting.
    static let hostileTexts = [
        "'; DROP TABLE project; --",
        "Robert'); DELETE FROM trial;--",
        #"连铸"三作业区" 'quoted' \ backslash $1 $$ %s; SELECT 1"#,
    ]

    @Test("Chinese text and SQL-looking text are stored exactly as typed, and every table is intact")
    func textIsStoredExactly() throws {
        let database = try TrackerDatabase.create(label: "cli_text")
        defer { database.drop() }
        let tackle = database.tackle
        let drop = Self.hostileTexts[0]
        let delete = Self.hostileTexts[1]
        let quotes = Self.hostileTexts[2]
        let chinese = "二冷水（比水量）优化：0.62 L/kg，拉速 1.2 m/min；过热度 25 ℃"

        try tackle.succeed("unit", "add", "CC3", "--name", drop, "--kind", "work-area")
        try tackle.succeed("person", "add", "E1001", "--name", delete, "--unit", "CC3")
        try tackle.succeed("person", "add", "E1002", "--name", "欧阳·娜娜", "--unit", "CC3")
        try tackle.succeed(
            "project", "open", Self.key, "--title", drop, "--unit", "CC3", "--leader", "E1001",
            "--metric", quotes, "--baseline", "48/1500", "--baseline-period", "2026-01..2026-03",
            "--target", "0.5%", "--due", "2026-12-31", "--problem", delete, "--opened", "2026-04-01")
        try tackle.succeed("milestone", "add", Self.key, "--title", chinese, "--due", "2026-06-30", "--owner", "E1002")
        try tackle.succeed(
            "trial", "log", Self.key, "--lever", delete, "--hypothesis", quotes, "--heat", drop,
            "--param", "superheat=25°C", "--inspected", "320", "--defective", "3", "--from", "2026-05-01",
            "--note", chinese, "--conclusion", drop)
        try tackle.succeed(
            "metric", "record", Self.key, "--month", "2026-05", "--inspected", "1450", "--defective", "21",
            "--note", delete)

        let detail = try OutputJSON.decode(
            OutputJSON.ProjectDetail.self, from: try tackle.succeed("project", "show", Self.key, "--json"))
        #expect(detail.project.title == drop)
        #expect(detail.project.problem == delete)
        #expect(detail.project.metric.name == quotes)
        #expect(detail.project.leader_name == delete)
        #expect(detail.milestones.first?.title == chinese)
        #expect(detail.milestones.first?.owner_name == "欧阳·娜娜")
        let trial = try #require(detail.trials.first)
        #expect(trial.lever == delete)
        #expect(trial.hypothesis == quotes)
        #expect(trial.heats == [drop])
        #expect(trial.note == chinese)
        #expect(trial.conclusion == drop)
        #expect(trial.parameters == [OutputJSON.Parameter(name: "superheat", value: 25, unit: "°C")])
        #expect(detail.observations.first?.note == delete)
        let units = try OutputJSON.decode([OutputJSON.Unit].self, from: try tackle.succeed("unit", "list", "--json"))
        #expect(units.map(\.name) == [drop])

        // The statements in the text did not run: every table is there with its rows.
        for (table, rows) in [
            ("unit", 1), ("person", 2), ("project", 1), ("member", 1), ("milestone", 1), ("trial", 1),
            ("observation", 1),
        ] {
            #expect(try database.integer("SELECT count(*) AS n FROM \(table)") == rows, "\(table)")
        }
    }
}
