import Testing

/// Every kind of bad input a user can type: tackle must refuse it with exit code 1, say on ONE
/// line of stderr which field or option is wrong and what the rule is, print nothing on stdout,
/// and leave the database exactly as it was (every table, history included).
@Suite("bad input is refused and changes nothing", .badInputTemplate)
struct BadInputTests {
    static let key = "SLAB-CRACK-2026"
    /// A project that was completed on 2026-06-30.
    static let closed = "CLOSED-2026"

    /// What the template database holds; every case starts from a copy of it.
    static func seed(_ database: TrackerDatabase) throws {
        try database.addPlant()
        try database.openProject(key)
        try database.setUp("member", "add", key, "E1002", "--role", "deputy", "--on", "2026-04-01")
        try database.setUp("milestone", "add", key, "--title", "二冷水优化方案", "--due", "2026-06-30", "--owner", "E1002")
        try database.setUp(
            "trial", "log", key, "--lever", "secondary cooling", "--param", "specific_water=0.62L/kg",
            "--inspected", "320", "--defective", "3", "--from", "2026-05-01", "--to", "2026-05-10")
        try database.setUp("metric", "record", key, "--month", "2026-05", "--inspected", "1450", "--defective", "21")
        try database.openProject(closed)
        try database.logTrial(closed, inspected: 300, defective: 2)
        try database.setUp("project", "set-status", closed, "completed", "--reason", "目标达成", "--on", "2026-06-30")
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var arguments: [String]
        /// What the one line on stderr must mention: the field or option, and words of the rule.
        var mentions: [String]
        var testDescription: String { name }
    }

    /// `tackle trial log` with good values, some replaced.
    static func trialLog(
        _ project: String = key, inspected: String = "320", defective: String = "3", from: String = "2026-05-01",
        _ extra: String...
    ) -> [String] {
        [
            "trial", "log", project, "--lever", "secondary cooling", "--inspected", inspected, "--defective", defective,
            "--from", from,
        ] + extra
    }

    /// `tackle project open NEW-2026` with good values, some replaced.
    static func projectOpen(_ changes: [String: String] = [:]) -> [String] {
        let options: [(String, String)] = [
            ("--title", "角横裂攻关"), ("--unit", "CC3"), ("--leader", "E1001"), ("--metric", "corner crack rate"),
            ("--baseline", "48/1500"), ("--baseline-period", "2026-01..2026-03"), ("--target", "0.5%"),
            ("--opened", "2026-04-01"), ("--due", "2026-12-31"),
        ]
        return ["project", "open", changes["key"] ?? "NEW-2026"]
            + options.flatMap { option, value in [option, changes[option] ?? value] }
    }

    static func metricRecord(
        month: String = "2026-06", inspected: String = "1400", defective: String = "12"
    )
        -> [String]
    {
        ["metric", "record", key, "--month", month, "--inspected", inspected, "--defective", defective]
    }

    static let cases: [Case] = [
        // Dates against the project (opened 2026-04-01), and a trial that inspected nothing.
        Case(
            name: "member joining before the project opened",
            arguments: ["member", "add", key, "E1001", "--role", "advisor", "--on", "2026-03-31"],
            mentions: ["--on", "before project \(key) opened (2026-04-01)"]),
        Case(
            name: "milestone due before the project opened",
            arguments: ["milestone", "add", key, "--title", "提前节点", "--due", "2026-03-01"],
            mentions: ["--due", "before project \(key) opened"]),
        Case(
            name: "milestone done before the project opened",
            arguments: ["milestone", "done", key, "1", "--on", "2026-03-15"],
            mentions: ["--on", "before project \(key) opened"]),
        Case(
            name: "trial of no slabs", arguments: trialLog(inspected: "0", defective: "0"),
            mentions: ["--inspected", "at least one slab"]),
        Case(
            name: "--if-version is a plain number",
            arguments: ["trial", "correct", key, "T1", "--defective", "4", "--reason", "复检", "--if-version", "T1"],
            mentions: ["--if-version", "must be a number"]),
        // Counts.
        Case(
            name: "trial: defective greater than inspected", arguments: trialLog(inspected: "5", defective: "6"),
            mentions: ["--defective", "(6)", "must not exceed inspected (5)"]),
        Case(
            name: "metric: defective greater than inspected",
            arguments: metricRecord(inspected: "10", defective: "11"),
            mentions: ["--defective", "must not exceed inspected"]),
        Case(
            name: "trial correction: defective greater than inspected",
            arguments: ["trial", "correct", key, "T1", "--defective", "400", "--reason", "复检"],
            mentions: ["--defective", "must not exceed inspected (320)"]),
        Case(
            name: "metric correction: defective greater than inspected",
            arguments: [
                "metric", "correct", key, "--month", "2026-05", "--inspected", "20", "--defective", "21", "--reason",
                "复检",
            ],
            mentions: ["--defective", "must not exceed inspected"]),
        Case(
            name: "negative inspected", arguments: trialLog(inspected: "-5"),
            mentions: ["--inspected", "'-5'", "whole number, 0 or more"]),
        Case(
            name: "negative defective", arguments: metricRecord(defective: "-1"),
            mentions: ["--defective", "'-1'", "whole number, 0 or more"]),
        Case(
            name: "non-numeric inspected", arguments: trialLog(inspected: "abc"),
            mentions: ["--inspected", "'abc'", "whole number"]),
        Case(
            name: "fractional defective", arguments: metricRecord(defective: "2.5"),
            mentions: ["--defective", "'2.5'", "whole number"]),
        Case(
            name: "count beyond what the database holds", arguments: trialLog(inspected: "3000000000"),
            mentions: ["--inspected", "'3000000000'", "2147483647"]),
        Case(
            name: "baseline count beyond what the database holds",
            arguments: projectOpen(["--baseline": "48/3000000000"]), mentions: ["--baseline", "2147483647"]),
        Case(
            name: "baseline defective greater than inspected", arguments: projectOpen(["--baseline": "1500/48"]),
            mentions: ["--baseline", "must not exceed inspected"]),

        // Unknown names.
        Case(
            name: "unknown project (trial log)", arguments: trialLog("NO-SUCH-2026"),
            mentions: ["project", "NO-SUCH-2026"]),
        Case(
            name: "unknown project (metric record)",
            arguments: [
                "metric", "record", "NO-SUCH-2026", "--month", "2026-06", "--inspected", "1", "--defective", "0",
            ],
            mentions: ["project", "NO-SUCH-2026"]),
        Case(
            name: "unknown project (set-status)",
            arguments: ["project", "set-status", "NO-SUCH-2026", "on-hold", "--reason", "x"],
            mentions: ["project", "NO-SUCH-2026"]),
        Case(
            name: "unknown leader", arguments: projectOpen(["--leader": "E9999"]),
            mentions: ["--leader", "E9999", "no person"]),
        Case(
            name: "unknown milestone owner",
            arguments: ["milestone", "add", key, "--title", "轻压下方案", "--due", "2026-08-31", "--owner", "E9999"],
            mentions: ["--owner", "E9999", "no person"]),
        Case(
            name: "unknown member", arguments: ["member", "add", key, "E9999", "--role", "member"],
            mentions: ["employee number", "E9999", "no person"]),
        Case(
            name: "unknown unit (project open)", arguments: projectOpen(["--unit": "NOPE"]),
            mentions: ["--unit", "NOPE", "no unit"]),
        Case(
            name: "unknown unit (person add)", arguments: ["person", "add", "E2001", "--name", "赵敏", "--unit", "NOPE"],
            mentions: ["--unit", "NOPE", "no unit"]),
        Case(
            name: "unknown parent unit",
            arguments: ["unit", "add", "CC4", "--name", "连铸四作业区", "--kind", "work-area", "--parent", "NOPE"],
            mentions: ["--parent", "NOPE", "no unit"]),
        Case(
            name: "unknown trial", arguments: ["trial", "correct", key, "T9", "--defective", "1", "--reason", "x"],
            mentions: ["T9", key]),

        // Keys that exist.
        Case(
            name: "project key exists", arguments: projectOpen(["key": key]),
            mentions: ["project key", key, "already exists"]),
        Case(
            name: "person exists", arguments: ["person", "add", "E1001", "--name", "王磊", "--unit", "CC3"],
            mentions: ["E1001", "already exists"]),
        Case(
            name: "unit exists", arguments: ["unit", "add", "CC3", "--name", "连铸三作业区", "--kind", "work-area"],
            mentions: ["CC3", "already exists"]),
        Case(
            name: "already a member", arguments: ["member", "add", key, "E1002", "--role", "member"],
            mentions: ["E1002", "already a member"]),
        Case(
            name: "month already recorded", arguments: metricRecord(month: "2026-05"),
            mentions: ["--month", "2026-05", "already recorded", "metric correct"]),

        // Malformed dates, months, periods, parameters, rates, keys, words.
        Case(
            name: "due date not on the calendar", arguments: projectOpen(["--due": "2026-13-01"]),
            mentions: ["--due", "'2026-13-01'", "not a date"]),
        Case(
            name: "milestone due date not on the calendar",
            arguments: ["milestone", "add", key, "--title", "轻压下方案", "--due", "2026-13-01"],
            mentions: ["--due", "'2026-13-01'", "not a date"]),
        Case(
            name: "date with slashes", arguments: trialLog(from: "2026/05/01"),
            mentions: ["--from", "'2026/05/01'", "YYYY-MM-DD"]),
        Case(
            name: "month without its leading zero", arguments: metricRecord(month: "2026-5"),
            mentions: ["--month", "'2026-5'", "YYYY-MM"]),
        Case(
            name: "baseline period that ends before it starts",
            arguments: projectOpen(["--baseline-period": "2026-03..2026-01"]),
            mentions: ["--baseline-period", "ends (2026-01) before it starts (2026-03)"]),
        Case(
            name: "parameter without a numeric value",
            arguments: trialLog(from: "2026-05-01", "--param", "specific_water=abc"),
            mentions: ["--param", "specific_water", "numeric value"]),
        Case(
            name: "target rate not below the baseline rate", arguments: projectOpen(["--target": "5%"]),
            mentions: ["--target", "5.00%", "below the baseline rate", "3.20%"]),
        Case(
            name: "target rate equal to the baseline rate", arguments: projectOpen(["--target": "3.2%"]),
            mentions: ["--target", "below the baseline rate"]),
        Case(
            name: "target that is not a rate", arguments: projectOpen(["--target": "half"]),
            mentions: ["--target", "'half'", "not a rate"]),
        Case(
            name: "project key in lower case", arguments: projectOpen(["key": "new-2026"]),
            mentions: ["key", "'new-2026'", "upper-case"]),
        Case(
            name: "unknown unit kind", arguments: ["unit", "add", "CC4", "--name", "连铸四作业区", "--kind", "shop"],
            mentions: ["--kind", "'shop'", "work-area"]),
        Case(
            name: "unknown status", arguments: ["project", "set-status", key, "done", "--reason", "x"],
            mentions: ["status", "'done'", "completed"]),

        // Dates that break the project's rules.
        Case(
            name: "due date before the opening date", arguments: projectOpen(["--due": "2026-03-31"]),
            mentions: ["--due", "2026-03-31", "before the opening date (2026-04-01)"]),
        Case(
            name: "trial before the project opened", arguments: trialLog(from: "2026-03-31"),
            mentions: ["--from", "2026-03-31", "before project \(key) opened (2026-04-01)"]),
        Case(
            name: "trial after the project closed",
            arguments: trialLog(closed, from: "2026-06-25", "--to", "2026-07-02"),
            mentions: ["--to", "2026-07-02", "after project \(closed) closed (2026-06-30)"]),
        Case(
            name: "trial correction moving a trial before the opening",
            arguments: ["trial", "correct", key, "1", "--from", "2026-03-01", "--reason", "日期录错"],
            mentions: ["--from", "before project \(key) opened"]),
        Case(
            name: "trial that ends before it starts", arguments: trialLog(from: "2026-05-10", "--to", "2026-05-01"),
            mentions: ["--to", "before it starts"]),
        Case(
            name: "closing before a logged trial ended",
            arguments: ["project", "set-status", key, "completed", "--on", "2026-05-05", "--reason", "提前结题"],
            mentions: ["--on", "2026-05-05", "T1", "2026-05-10"]),
        Case(
            name: "closing before the project opened",
            arguments: ["project", "set-status", key, "cancelled", "--on", "2026-03-01", "--reason", "取消"],
            mentions: ["--on", "before it opened"]),

        // The status lifecycle.
        Case(
            name: "active to proposed", arguments: ["project", "set-status", key, "proposed", "--reason", "重新立项"],
            mentions: ["status", "from active to proposed"]),
        Case(
            name: "completed to on-hold",
            arguments: ["project", "set-status", closed, "on-hold", "--reason", "暂停"],
            mentions: ["status", "from completed to on-hold", "allowed from completed: active"]),

        // Blank text.
        Case(name: "empty title", arguments: projectOpen(["--title": ""]), mentions: ["--title", "must not be empty"]),
        Case(
            name: "blank title", arguments: projectOpen(["--title": "   "]), mentions: ["--title", "must not be empty"]),
        Case(
            name: "blank milestone title",
            arguments: ["milestone", "add", key, "--title", "   ", "--due", "2026-08-31"],
            mentions: ["--title", "must not be empty"]),
        Case(
            name: "empty lever",
            arguments: [
                "trial", "log", key, "--lever", "", "--inspected", "1", "--defective", "0", "--from", "2026-05-01",
            ],
            mentions: ["--lever", "must not be empty"]),
        Case(
            name: "blank reason", arguments: ["project", "set-status", key, "on-hold", "--reason", "  "],
            mentions: ["--reason", "must not be empty"]),
    ]

    @Test("refused with exit 1, one line naming the field and the rule, nothing written", arguments: cases)
    func refused(_ input: Case) throws {
        let template = try #require(BadInputTemplate.current, "the suite trait provides the template")
        let database = try TrackerDatabase.copy(of: template, label: "cli_bad")
        defer { database.drop() }
        let before = try DatabaseSnapshot.take(of: database)

        let outcome = try database.tackle.run(input.arguments)

        #expect(outcome.status == 1, "\(outcome)")
        #expect(outcome.stdout.isEmpty, "nothing on stdout: \(outcome)")
        let lines = outcome.stderr.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 2 && lines[1].isEmpty, "exactly one line on stderr: \(outcome.stderr)")
        #expect(outcome.stderr.hasPrefix("Error: "), "\(outcome.stderr)")
        for text in input.mentions {
            #expect(outcome.stderr.contains(text), "stderr mentions \(text): \(outcome.stderr)")
        }
        let after = try DatabaseSnapshot.take(of: database)
        #expect(before == after, "the database is exactly as it was")
    }

    @Test("the template holds what the cases rely on")
    func templateIsSeeded() throws {
        let template = try #require(BadInputTemplate.current)
        let database = try TrackerDatabase.copy(of: template, label: "cli_bad_check")
        defer { database.drop() }
        let snapshot = try DatabaseSnapshot.take(of: database)
        #expect(snapshot.tables["trial"]?.hasPrefix("rows=2 ") == true, "\(snapshot)")
        #expect(snapshot.tables["project"]?.hasPrefix("rows=2 ") == true, "\(snapshot)")
        #expect(snapshot.tables["observation"]?.hasPrefix("rows=1 ") == true, "\(snapshot)")
    }
}

/// Seeds one template database for the bad-input suite and drops it when the suite ends; each
/// case works on its own copy, so cases run in parallel and cannot disturb each other.
struct BadInputTemplate: SuiteTrait, TestScoping {
    @TaskLocal static var current: TrackerDatabase?

    func scopeProvider(for test: Test, testCase: Test.Case?) -> Self? {
        test.isSuite ? self : nil
    }

    func provideScope(
        for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
    ) async throws {
        let template = try TrackerDatabase.create(label: "cli_bad_template")
        defer { template.drop() }
        try BadInputTests.seed(template)
        try await Self.$current.withValue(template) { try await function() }
    }
}

extension Trait where Self == BadInputTemplate {
    static var badInputTemplate: Self { BadInputTemplate() }
}
