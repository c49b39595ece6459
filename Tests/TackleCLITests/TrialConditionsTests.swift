import Foundation
import Testing

/// Parameters and conditions of a trial as an engineer types them (Chinese names, units in any
/// spelling, the grade, strand and section), and the output fixes that go with them: milestone
/// states in `project show`, plant time in `history`, intervals as objects in `--json`.
@Suite("trial parameters and conditions, through the real binary")
struct TrialConditionsTests {
    static let key = "SLAB-CRACK-2026"

    /// `trial log` with the example of the help text: a Chinese name, units typed loosely, three conditions.
    static let logArguments = [
        "trial", "log", key, "--lever", "二冷水", "--param", "比水量=0.62L/kg", "--param", "casting_speed=1.2M/min",
        "--cond", "grade=Q345B", "--cond", "strand=2", "--cond", "section=230x1600", "--inspected", "650",
        "--defective", "6", "--from", "2026-05-01", "--to", "2026-05-10",
    ]

    /// A database with the plant, the project and its trial T1 logged with `logArguments`.
    static func seeded(_ label: String) throws -> TrackerDatabase {
        let database = try TrackerDatabase.create(label: label)
        do {
            try database.addPlant()
            try database.openProject(key)
            let logged = try database.tackle.run(logArguments)
            guard logged.status == 0 else {
                throw TrackerDatabase.SetupFailure(description: "tackle trial log failed: \(logged)")
            }
        } catch {
            database.drop()
            throw error
        }
        return database
    }

    /// The parts of `trial show --json` this suite reads; an interval decodes only from an object.
    struct Shown: Decodable {
        struct Trial: Decodable {
            var parameters: [OutputJSON.Parameter]
            var conditions: [[String: String]]
            var version: Int
        }
        struct Comparison: Decodable {
            var trial_interval: [String: Double]?
            var baseline_interval: [String: Double]?
            var difference_interval: [String: Double]?
        }
        var trial: Trial
        var comparison: Comparison
    }

    /// The `conditions` of `trial show --json` exactly as printed (sorted keys, two-space indents).
    static func conditionsBlock(_ pairs: [(String, String)]) -> String {
        let objects = pairs.map { name, value in
            "      {\n        \"name\" : \"\(name)\",\n        \"value\" : \"\(value)\"\n      }"
        }
        return "    \"conditions\" : [\n" + objects.joined(separator: ",\n") + "\n    ],\n"
    }

    @Test("trial log stores the parameters with their units in one spelling and the conditions as typed")
    func logAndShow() throws {
        let database = try Self.seeded("cli_conditions_log")
        defer { database.drop() }

        let shown = try database.tackle.succeed("trial", "show", Self.key, "T1", "--json")
        let parameters = """
                "parameters" : [
                  {
                    "name" : "比水量",
                    "unit" : "L/kg",
                    "value" : 0.62
                  },
                  {
                    "name" : "casting_speed",
                    "unit" : "m/min",
                    "value" : 1.2
                  }
                ],

            """
        #expect(shown.stdout.contains(parameters), "\(shown.stdout)")
        let conditions = Self.conditionsBlock([("grade", "Q345B"), ("strand", "2"), ("section", "230x1600")])
        #expect(shown.stdout.contains(conditions), "\(shown.stdout)")

        let trial = try OutputJSON.decode(Shown.self, from: shown).trial
        #expect(trial.parameters.map(\.unit) == ["L/kg", "m/min"])
        #expect(trial.conditions.map { $0["name"] } == ["grade", "strand", "section"])

        // The text of show and list carries them too.
        let text = try database.tackle.succeed("trial", "show", Self.key, "T1")
        #expect(text.stdout.contains("比水量=0.62L/kg casting_speed=1.2m/min"), "\(text.stdout)")
        #expect(text.stdout.contains("grade=Q345B strand=2 section=230x1600"), "\(text.stdout)")
        let list = try database.tackle.succeed("trial", "list", Self.key)
        #expect(list.stdout.contains("CONDITIONS"), "\(list.stdout)")
        #expect(list.stdout.contains("grade=Q345B"), "\(list.stdout)")
        let listed = try database.tackle.succeed("trial", "list", Self.key, "--json")
        #expect(listed.stdout.contains(#""value" : "230x1600""#), "\(listed.stdout)")
    }

    @Test("trial correct --cond replaces all the conditions and leaves the parameters; the history has both")
    func correctConditions() throws {
        let database = try Self.seeded("cli_conditions_correct")
        defer { database.drop() }

        let corrected = try database.tackle.succeed(
            "trial", "correct", Self.key, "T1", "--cond", "grade=Q235B", "--reason", "钢种记错", "--if-version", "1")
        #expect(corrected.stdout.hasPrefix("corrected T1 of \(Self.key) (now version 2)"), "\(corrected)")

        let shown = try database.tackle.succeed("trial", "show", Self.key, "T1", "--json")
        #expect(shown.stdout.contains(Self.conditionsBlock([("grade", "Q235B")])), "\(shown.stdout)")
        let trial = try OutputJSON.decode(Shown.self, from: shown).trial
        #expect(trial.conditions == [["name": "grade", "value": "Q235B"]])
        #expect(trial.parameters.map(\.name) == ["比水量", "casting_speed"])
        #expect(trial.version == 2)

        // A correction without --cond keeps the conditions.
        try database.tackle.succeed("trial", "correct", Self.key, "T1", "--defective", "5", "--reason", "复检")
        let again = try OutputJSON.decode(
            Shown.self, from: try database.tackle.succeed("trial", "show", Self.key, "T1", "--json"))
        #expect(again.trial.conditions == [["name": "grade", "value": "Q235B"]])

        let history = try OutputJSON.decode(
            [OutputJSON.HistoryEntry].self, from: try database.tackle.succeed("history", Self.key, "--json"))
        let update = try #require(history.first { $0.entity == "trial" && $0.reason == "钢种记错" })
        #expect(update.old_values?.contains("Q345B") == true, "\(update)")
        #expect(update.new_values?.contains("Q235B") == true, "\(update)")
    }

    struct Refusal: Sendable, CustomTestStringConvertible {
        var arguments: [String]
        /// What the one line on stderr must mention.
        var mentions: [String]
        var testDescription: String { arguments.joined(separator: " ") }
    }

    /// `trial log` with good values and `extra` options.
    static func log(_ extra: String...) -> [String] {
        [
            "trial", "log", key, "--lever", "二冷水", "--inspected", "320", "--defective", "3", "--from", "2026-05-01",
        ] + extra
    }

    static let refusals: [Refusal] = [
        Refusal(
            arguments: log("--param", "speed=1,1m/min"),
            mentions: ["--param: speed: 1,1 uses a decimal comma; write 1.1"]),
        Refusal(arguments: log("--cond", "grade="), mentions: ["--cond", "condition grade needs a value"]),
        Refusal(arguments: log("--cond", "=x"), mentions: ["--cond", "condition name '' must start with a letter"]),
        Refusal(
            arguments: log("--cond", "grade=Q345B", "--cond", "grade=Q235B"),
            mentions: ["--cond", "condition grade is given twice"]),
        Refusal(
            arguments: log("--param", "比水量=0.62L/kg", "--param", "比水量=0.7L/kg"),
            mentions: ["--param", "parameter 比水量 is given twice"]),
        Refusal(arguments: log("--param", "1比水量=0.62L/kg"), mentions: ["--param", "must start with a letter"]),
        Refusal(
            arguments: ["trial", "correct", key, "T1", "--cond", "grade=", "--reason", "钢种记错"],
            mentions: ["--cond", "condition grade needs a value"]),
        Refusal(
            arguments: ["trial", "correct", key, "T1", "--cond", "strand=3", "--cond", "strand=4", "--reason", "改"],
            mentions: ["--cond", "condition strand is given twice"]),
        Refusal(
            arguments: ["trial", "correct", key, "T1", "--param", "speed=1,15m/min", "--reason", "改"],
            mentions: ["--param: speed: 1,15 uses a decimal comma; write 1.15"]),
    ]

    @Test("bad parameters and conditions: exit 1, one line naming the field, nothing written", arguments: refusals)
    func refused(_ refusal: Refusal) throws {
        let database = try Self.seeded("cli_conditions_bad")
        defer { database.drop() }
        let before = try DatabaseSnapshot.take(of: database)

        let outcome = try database.tackle.run(refusal.arguments)

        #expect(outcome.status == 1, "\(outcome)")
        #expect(outcome.stdout.isEmpty, "\(outcome)")
        let lines = outcome.stderr.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 2 && lines[1].isEmpty, "exactly one line on stderr: \(outcome.stderr)")
        for text in refusal.mentions {
            #expect(outcome.stderr.contains(text), "stderr mentions \(text): \(outcome.stderr)")
        }
        #expect(try DatabaseSnapshot.take(of: database) == before, "the database is exactly as it was")
    }

    @Test("trial show --json gives every interval as an object with lower and upper")
    func intervalsAsObjects() throws {
        let database = try Self.seeded("cli_conditions_intervals")
        defer { database.drop() }
        for arguments in [["trial", "show", Self.key, "T1", "--json"], Self.logArguments + ["--json"]] {
            let outcome = try database.tackle.succeed(arguments)
            let comparison = try OutputJSON.decode(Shown.self, from: outcome).comparison
            let intervals = [comparison.trial_interval, comparison.baseline_interval, comparison.difference_interval]
            for interval in intervals {
                let interval = try #require(interval, "\(outcome.stdout)")
                #expect(interval.keys.sorted() == ["lower", "upper"])
                #expect(try #require(interval["lower"]) <= #require(interval["upper"]))
            }
            // Wilson 95 % of 6/650 = 0.0042372-0.0199911 (see TrialLogOutputTests).
            let trial = try #require(comparison.trial_interval)
            #expect(abs(try #require(trial["lower"]) - 0.004_237_2) < 1e-6, "\(trial)")
            #expect(abs(try #require(trial["upper"]) - 0.019_991_1) < 1e-6, "\(trial)")
        }
    }

    @Test("project show gives every milestone its state as of today: overdue, done on time, done late, open")
    func milestoneStates() throws {
        let database = try TrackerDatabase.create(label: "cli_conditions_milestones")
        defer { database.drop() }
        try database.addPlant()
        try database.openProject(Self.key, due: "2099-12-31")
        try database.setUp("milestone", "add", Self.key, "--title", "二冷水方案", "--due", "2026-04-30")
        try database.setUp("milestone", "add", Self.key, "--title", "轻压下方案", "--due", "2026-05-31")
        try database.setUp("milestone", "done", Self.key, "2", "--on", "2026-05-20")
        try database.setUp("milestone", "add", Self.key, "--title", "保护渣试验", "--due", "2026-06-30")
        try database.setUp("milestone", "done", Self.key, "3", "--on", "2026-07-05")
        try database.setUp("milestone", "add", Self.key, "--title", "总结验收", "--due", "2099-06-30")

        let text = try database.tackle.succeed("project", "show", Self.key).stdout
        let milestones = try #require(text.components(separatedBy: "\nMilestones\n").last)
        let rows = milestones.components(separatedBy: "\n")
        let expected = [
            ("二冷水方案", "overdue"), ("轻压下方案", "done-on-time"), ("保护渣试验", "done-late"), ("总结验收", "open"),
        ]
        for (title, state) in expected {
            let row = try #require(rows.first { $0.contains(title) }, "\(text)")
            #expect(row.hasSuffix(" \(state)"), "\(title) is \(state): \(row)")
        }
    }

    @Test("history shows plant time with its offset: +08:00 in the text, ISO 8601 in --json")
    func historyTimes() throws {
        let database = try Self.seeded("cli_conditions_history")
        defer { database.drop() }

        let entries = try OutputJSON.decode(
            [OutputJSON.HistoryEntry].self, from: try database.tackle.succeed("history", Self.key, "--json"))
        let text = try database.tackle.succeed("history", Self.key).stdout
        // Below the header and its underline, one line per entry, each starting with its time.
        let lines = text.split(separator: "\n").dropFirst(2)
        #expect(lines.count == entries.count, "\(text)")
        let textTime = try Regex(#"^\d{4}-\d\d-\d\d \d\d:\d\d \+08:00  "#)
        for line in lines {
            #expect(line.prefixMatch(of: textTime) != nil, "\(line)")
        }
        #expect(!text.contains("UTC"), "\(text)")

        let isoTime = try Regex(#"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$"#)
        #expect(!entries.isEmpty)
        for entry in entries {
            #expect(entry.at.wholeMatch(of: isoTime) != nil, "\(entry.at)")
            // The wall clock is Shanghai's: read back with its offset, it is the moment just written.
            let instant = try #require(ISO8601DateFormatter().date(from: entry.at), "\(entry.at)")
            #expect(abs(instant.timeIntervalSinceNow) < 600, "\(entry.at) is now")
        }
        let first = try #require(entries.first)
        #expect(text.contains(String(first.at.prefix(16)).replacingOccurrences(of: "T", with: " ") + " +08:00"))

        // Another plant zone shows the same instants with its own offset.
        let utc = try database.tackle.succeed("history", Self.key, "--json", "--time-zone", "UTC")
        let utcEntries = try OutputJSON.decode([OutputJSON.HistoryEntry].self, from: utc)
        let utcTime = try #require(utcEntries.first?.at)
        #expect(utcTime.hasSuffix("+00:00"), "\(utcTime)")
        #expect(ISO8601DateFormatter().date(from: utcTime) == ISO8601DateFormatter().date(from: first.at))
    }
}
