import Foundation
import LibPQ
import Testing

/// Input a terminal or a fuzzer can produce but no plant engineer means: bytes that are not UTF-8,
/// control characters and escape sequences, unknown time zones. Each is refused with exit code 1
/// and ONE line on stderr that names the option and shows no raw control character, and nothing is
/// written.
@Suite("untrusted input is refused, named and shown escaped", .badInputTemplate)
struct UntrustedInputTests {
    static let key = BadInputTests.key

    /// A refusal: exit 1, nothing on stdout, one line on stderr starting `Error: ` with no control
    /// character in it, mentioning `mentions`; the database exactly as it was.
    static func expectRefused(
        _ outcome: TackleProcess.Outcome, mentioning mentions: [String], in database: TrackerDatabase,
        unchangedFrom before: DatabaseSnapshot, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        #expect(outcome.status == 1, "\(outcome)", sourceLocation: sourceLocation)
        #expect(outcome.stdout.isEmpty, "\(outcome)", sourceLocation: sourceLocation)
        #expect(outcome.stderr.hasPrefix("Error: "), "\(outcome)", sourceLocation: sourceLocation)
        #expect(outcome.stderr.hasSuffix("\n"), "\(outcome)", sourceLocation: sourceLocation)
        let line = outcome.stderr.dropLast()
        #expect(
            !line.unicodeScalars.contains { $0.properties.generalCategory == .control },
            "one line, no raw control character: \(outcome.stderr.debugDescription)", sourceLocation: sourceLocation)
        for text in mentions {
            #expect(outcome.stderr.contains(text), "mentions \(text): \(outcome)", sourceLocation: sourceLocation)
        }
        #expect(try DatabaseSnapshot.take(of: database) == before, "nothing written", sourceLocation: sourceLocation)
    }

    /// A copy of the bad-input template, its snapshot, and a cleanup.
    static func database(_ label: String) throws -> (TrackerDatabase, DatabaseSnapshot) {
        let template = try #require(BadInputTemplate.current, "the suite trait provides the template")
        let database = try TrackerDatabase.copy(of: template, label: label)
        do {
            return (database, try DatabaseSnapshot.take(of: database))
        } catch {
            database.drop()
            throw error
        }
    }

    // MARK: Bytes that are not UTF-8

    struct RawCase: Sendable, CustomTestStringConvertible {
        var name: String
        /// The arguments, each as `printf %b` escapes (`\0377` for the byte 0xFF).
        var arguments: [String]
        var environment: [String: String] = [:]
        /// The exact line on stderr.
        var message: String
        var testDescription: String { name }
    }

    static let rawCases: [RawCase] = [
        RawCase(
            name: "unit name of two bytes that are not UTF-8",
            arguments: ["unit", "add", "ZX1", "--name", #"\0377\0376"#, "--kind", "work-area"],
            message: "Error: --name: the value is not valid UTF-8 (byte 0xFF at position 1)"),
        RawCase(
            name: "a truncated sequence after valid Chinese, joined with =",
            arguments: ["unit", "add", "ZX1", #"--name=连铸\0344\0270"#, "--kind", "work-area"],
            message: "Error: --name: the value is not valid UTF-8 (byte 0xE4 at position 7)"),
        RawCase(
            name: "an overlong encoding in a project title",
            arguments: BadInputTests.projectOpen(["--title": #"a\0300\0257"#]),
            message: "Error: --title: the value is not valid UTF-8 (byte 0xC0 at position 2)"),
        RawCase(
            name: "a positional argument (the unit code)",
            arguments: ["unit", "add", #"Z\0377"#, "--name", "x", "--kind", "work-area"],
            message: "Error: argument 3: the value is not valid UTF-8 (byte 0xFF at position 2)"),
        RawCase(
            name: "TACKLE_ACTOR, which the history records",
            arguments: ["unit", "add", "ZX1", "--name", "x", "--kind", "work-area"],
            environment: ["TACKLE_ACTOR": #"w\0377"#],
            message: "Error: TACKLE_ACTOR: the value is not valid UTF-8 (byte 0xFF at position 2)"),
    ]

    @Test("an argument that is not UTF-8 is refused naming the option, before anything runs", arguments: rawCases)
    func notUTF8(_ input: RawCase) throws {
        let (database, before) = try Self.database("cli_raw")
        defer { database.drop() }

        let outcome = try Self.runWithBytes(input.arguments, environment: input.environment, on: database)

        try Self.expectRefused(outcome, mentioning: [input.message], in: database, unchangedFrom: before)
        #expect(outcome.stderr == input.message + "\n")
    }

    @Test("the same path with valid UTF-8 bytes stores the text exactly (the check refuses only what it must)")
    func validBytesAreStored() throws {
        let (database, _) = try Self.database("cli_raw_ok")
        defer { database.drop() }
        let outcome = try Self.runWithBytes(
            [
                "unit", "add", "ZX1", "--name", #"\0350\0277\0236\0351\0223\0270 \0360\0237\0224\0245"#, "--kind",
                "work-area",
            ],
            on: database)
        #expect(outcome.status == 0, "\(outcome)")
        let name = try database.withConnection { connection in
            try connection.query("SELECT name FROM unit WHERE code = 'ZX1'").first?.decode(String.self, "name")
        }
        #expect(name == "连铸 🔥")
    }

    /// Runs tackle with arguments that Foundation's `String` arguments cannot carry: `/bin/sh`
    /// turns each `printf %b` escape into its byte and `exec`s tackle with the result.
    static func runWithBytes(
        _ arguments: [String], environment: [String: String] = [:], on database: TrackerDatabase
    ) throws -> TackleProcess.Outcome {
        let exports = environment.keys.sorted().map { #"export \#($0)="$(printf '%b' '\#(environment[$0]!)')";"# }
        let script =
            exports.joined()
            + #"bin=$1; shift; for word do set -- "$@" "$(printf '%b' "$word")"; shift; done; exec "$bin" "$@""#
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script, "sh", TackleProcess.executable.path] + arguments
        var env = ProcessInfo.processInfo.environment
        for key in env.keys where key.hasPrefix("PG") || key.hasPrefix("TACKLE_") {
            env[key] = nil
        }
        env["TACKLE_DATABASE_URL"] = database.conninfo
        env["TACKLE_ACTOR"] = "tester"
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        let started = Date()
        try process.run()
        // Both outputs are short (one line): reading one pipe after the other cannot block.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return TackleProcess.Outcome(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self), seconds: Date().timeIntervalSince(started))
    }

    // MARK: Control characters

    struct ControlCase: Sendable, CustomTestStringConvertible {
        var name: String
        var arguments: [String]
        var mentions: [String]
        var testDescription: String { name }
    }

    static let rule = "control characters other than tab and newline"

    static let controlCases: [ControlCase] = [
        ControlCase(
            name: "ESC and a colour sequence in a unit name",
            arguments: ["unit", "add", "ZX1", "--name", "连铸\u{1B}[31m四", "--kind", "work-area"],
            mentions: ["--name", rule, "found \\u001b at character 3"]),
        ControlCase(
            name: "a carriage return in a person's name (overwrites the line on a terminal)",
            arguments: ["person", "add", "E2001", "--name", "赵敏\rE1001 王磊", "--unit", "CC3"],
            mentions: ["--name", rule, "\\u000d"]),
        ControlCase(
            name: "a window-title sequence in a project title",
            arguments: BadInputTests.projectOpen(["--title": "角横裂\u{1B}]0;pwned\u{07}攻关"]),
            mentions: ["--title", rule, "\\u001b"]),
        ControlCase(
            name: "a C1 control (CSI) in a milestone title",
            arguments: ["milestone", "add", key, "--title", "方案\u{9B}2J", "--due", "2026-08-31"],
            mentions: ["--title", rule, "\\u009b"]),
        ControlCase(
            name: "backspaces in a lever",
            arguments: [
                "trial", "log", key, "--lever", "cooling\u{08}\u{08}", "--inspected", "320", "--defective", "3",
                "--from", "2026-05-01",
            ],
            mentions: ["--lever", rule, "\\u0008"]),
        ControlCase(
            name: "DEL in a reason",
            arguments: ["project", "set-status", key, "on-hold", "--reason", "暂停\u{7F}"],
            mentions: ["--reason", rule, "\\u007f"]),
        ControlCase(
            name: "ESC in a project key",
            arguments: BadInputTests.projectOpen(["key": "NEW\u{1B}[2J"]),
            mentions: ["key", "'NEW\\u001b[2J'", "upper-case"]),
        // Values that are echoed in a message are shown escaped, whatever the rule they break.
        ControlCase(
            name: "a count with an escape sequence",
            arguments: BadInputTests.trialLog(inspected: "5\u{1B}[2J"),
            mentions: ["--inspected", "'5\\u001b[2J'", "whole number"]),
        ControlCase(
            name: "a count with a newline stays on one line",
            arguments: BadInputTests.trialLog(inspected: "5\nError: forged"),
            mentions: ["--inspected", "'5\\u000aError: forged'"]),
        ControlCase(
            name: "an unknown project with a bidi override",
            arguments: BadInputTests.trialLog("NO-SUCH\u{202E}"),
            mentions: ["NO-SUCH\\u202e"]),
    ]

    @Test("a control character is refused naming the field and the rule, shown escaped", arguments: controlCases)
    func controlCharacters(_ input: ControlCase) throws {
        let (database, before) = try Self.database("cli_ctl")
        defer { database.drop() }

        let outcome = try database.tackle.run(input.arguments)

        try Self.expectRefused(outcome, mentioning: input.mentions, in: database, unchangedFrom: before)
    }

    @Test("tab and newline are allowed in names and stored exactly as typed")
    func tabAndNewlineAllowed() throws {
        let (database, _) = try Self.database("cli_ctl_ok")
        defer { database.drop() }
        try database.tackle.succeed("unit", "add", "ZX1", "--name", "连铸\t四作业区", "--kind", "work-area")
        try database.tackle.succeed(
            "milestone", "add", Self.key, "--title", "第一行\n第二行", "--due", "2026-08-31")
        let stored = try database.withConnection { connection in
            (
                try connection.query("SELECT name FROM unit WHERE code = 'ZX1'").first?.decode(String.self, "name"),
                try connection.query("SELECT title FROM milestone WHERE title LIKE '第一行%'").first?.decode(
                    String.self, "title")
            )
        }
        #expect(stored.0 == "连铸\t四作业区")
        #expect(stored.1 == "第一行\n第二行")
    }

    @Test("a usage error quoting what was typed shows it escaped, exit 64")
    func usageErrorEscaped() throws {
        let outcome = try TackleProcess(conninfo: nil).run(["unit", "list", "--colour\u{1B}[31m"])
        #expect(outcome.status == 64, "\(outcome)")
        #expect(outcome.stderr.hasPrefix("Error: "), "\(outcome)")
        #expect(outcome.stderr.contains("--colour\\u001b[31m"), "\(outcome)")
        #expect(!outcome.stderr.unicodeScalars.contains("\u{1B}"), "\(outcome.stderr.debugDescription)")
    }

    // MARK: Time zones

    @Test(
        "an unknown time zone is refused by every command that takes one, naming where it came from",
        arguments: [
            (["report", "monthly", "--month", "2026-05", "--time-zone", "Mars/Phobos"], [:], "--time-zone"),
            // With --opened given, project open never needs the clock: the zone is refused all the same.
            (BadInputTests.projectOpen() + ["--time-zone", "Mars/Phobos"], [:], "--time-zone"),
            (
                ["member", "add", key, "E1003", "--on", "2026-05-01", "--time-zone", "Asia/../Asia/Shanghai"], [:],
                "--time-zone"
            ),
            (["milestone", "list", key, "--time-zone", "/usr/share/zoneinfo/Asia/Shanghai"], [:], "--time-zone"),
            (["report", "monthly", "--month", "2026-05", "--time-zone", "zone.tab"], [:], "--time-zone"),
            (["milestone", "list", key], ["TACKLE_TIME_ZONE": "Mars/Phobos"], "TACKLE_TIME_ZONE"),
        ] as [([String], [String: String], String)])
    func unknownTimeZone(_ arguments: [String], _ environment: [String: String], _ field: String) throws {
        let (database, before) = try Self.database("cli_tz")
        defer { database.drop() }
        var tackle = database.tackle
        tackle.environment = environment

        let outcome = try tackle.run(arguments)

        try Self.expectRefused(
            outcome, mentioning: ["Error: \(field): ", "is not a time zone", "Asia/Shanghai"], in: database,
            unchangedFrom: before)
    }
}
