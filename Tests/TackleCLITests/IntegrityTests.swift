import Foundation
import LibPQ
import Testing

/// The record can be trusted or the command refuses: every command checks the migration
/// bookkeeping and the schema's triggers and constraints; a write with a request id happens once;
/// a write whose commit was cut off says its outcome is unknown.
@Suite("integrity: schema checks, request ids, unknown outcomes")
struct IntegrityTests {
    static let key = "SLAB-CRACK-2026"

    /// A database with the plant and one project, ready for `trial log`.
    static func database(_ label: String) throws -> TrackerDatabase {
        try TrackerDatabase.withProject(key, label: label)
    }

    static func trialLog(_ extra: String...) -> [String] {
        [
            "trial", "log", key, "--lever", "secondary cooling", "--param", "specific_water=0.62L/kg",
            "--inspected", "320", "--defective", "3", "--from", "2026-05-01",
        ] + extra
    }

    struct Tampering: Sendable, CustomTestStringConvertible {
        var name: String
        var sql: String
        var testDescription: String { name }
    }

    @Test(
        "edited or missing migration bookkeeping makes unit add exit 3 with db status's message and write nothing",
        arguments: [
            Tampering(
                name: "edited checksum", sql: "UPDATE tackle_migration SET checksum = repeat('0', 64) WHERE version = 2"
            ),
            Tampering(name: "deleted row", sql: "DELETE FROM tackle_migration WHERE version = 3"),
            Tampering(
                name: "deleted newest row",
                sql: "DELETE FROM tackle_migration WHERE version = (SELECT max(version) FROM tackle_migration)"),
        ])
    func migrationBookkeeping(_ tampering: Tampering) throws {
        let database = try TrackerDatabase.create(label: "integrity_bookkeeping")
        defer { database.drop() }
        try database.withConnection { try $0.executeScript(tampering.sql) }
        let status = try database.tackle.run("db", "status")
        #expect(status.status == 3, "\(status)")
        let before = try DatabaseSnapshot.take(of: database)

        let outcome = try database.tackle.run("unit", "add", "ZX1", "--name", "转炉一作业区", "--kind", "work-area")
        #expect(outcome.status == 3, "\(outcome)")
        #expect(outcome.stderr == status.stderr, "the same message as db status")
        #expect(outcome.stdout.isEmpty)
        #expect(try DatabaseSnapshot.take(of: database) == before)

        let list = try database.tackle.run("project", "list")
        #expect(list.status == 3 && list.stderr == status.stderr, "\(list)")
    }

    @Test(
        "a disabled, dropped or replica-only trigger or a dropped constraint makes commands exit 3 and write nothing",
        arguments: [
            Tampering(name: "history trigger disabled", sql: "ALTER TABLE trial DISABLE TRIGGER trial_history"),
            Tampering(
                name: "history trigger replica-only", sql: "ALTER TABLE trial ENABLE REPLICA TRIGGER trial_history"),
            Tampering(name: "append-only trigger dropped", sql: "DROP TRIGGER history_append_only ON history"),
            Tampering(
                name: "archive trigger disabled",
                sql: "ALTER TABLE published_report DISABLE TRIGGER published_report_append_only"),
            Tampering(
                name: "constraint dropped", sql: "ALTER TABLE trial DROP CONSTRAINT trial_defective_within_inspected"),
            Tampering(name: "foreign-key triggers disabled", sql: "ALTER TABLE trial DISABLE TRIGGER ALL"),
        ])
    func tamperedCatalogue(_ tampering: Tampering) throws {
        let database = try Self.database("integrity_catalogue")
        defer { database.drop() }
        try database.withConnection { try $0.executeScript(tampering.sql) }
        let before = try DatabaseSnapshot.take(of: database)

        let outcome = try database.tackle.run(Self.trialLog())
        #expect(outcome.status == 3, "\(outcome)")
        #expect(outcome.stderr.contains("the record can no longer be trusted"), "\(outcome)")
        #expect(outcome.stderr.split(separator: "\n").count == 1, "one line: \(outcome)")
        #expect(outcome.stdout.isEmpty)
        #expect(try DatabaseSnapshot.take(of: database) == before)
        #expect(try database.integer("SELECT count(*) AS n FROM trial") == 0)

        let list = try database.tackle.run("project", "list")
        #expect(list.status == 3, "\(list)")
    }

    @Test("the message names the disabled trigger and its table and says how to re-enable it")
    func disabledTriggerMessage() throws {
        let database = try Self.database("integrity_message")
        defer { database.drop() }
        try database.withConnection { try $0.executeScript("ALTER TABLE trial DISABLE TRIGGER trial_history") }
        let outcome = try database.tackle.run(Self.trialLog())
        #expect(outcome.status == 3, "\(outcome)")
        #expect(outcome.stderr.contains("trigger trial_history on table trial is disabled"), "\(outcome)")
        #expect(outcome.stderr.contains("ALTER TABLE trial ENABLE TRIGGER trial_history"), "\(outcome)")
        #expect(outcome.stderr.contains("restore"), "\(outcome)")
        let status = try database.tackle.run("db", "status")
        #expect(status.status == 3 && status.stderr == outcome.stderr, "db status says the same: \(status)")
        #expect(!status.stdout.contains("up to date"))

        try database.withConnection { try $0.executeScript("ALTER TABLE trial ENABLE TRIGGER trial_history") }
        try database.tackle.succeed(Self.trialLog())
    }

    @Test("a request id replayed writes nothing and prints the first result", arguments: [false, true])
    func replay(json: Bool) throws {
        let database = try Self.database("integrity_replay")
        defer { database.drop() }
        let id = UUID().uuidString
        let arguments = Self.trialLog("--request-id", id) + (json ? ["--json"] : [])
        let first = try database.tackle.succeed(arguments)
        #expect(first.stdout.contains(json ? "\"number\" : 1" : "logged T1"), "\(first)")
        let after = try DatabaseSnapshot.take(of: database)

        let again = try database.tackle.succeed(arguments)
        #expect(again.stdout == first.stdout)
        #expect(again.stderr.contains("request \(id.lowercased()) was already done at"), "\(again)")
        #expect(again.stderr.contains("nothing written"))
        #expect(try DatabaseSnapshot.take(of: database) == after)
        #expect(try database.integer("SELECT count(*) AS n FROM trial") == 1)

        // The environment variable is the same key.
        var viaEnvironment = database.tackle
        viaEnvironment.environment["TACKLE_REQUEST_ID"] = id
        let third = try viaEnvironment.succeed(Self.trialLog() + (json ? ["--json"] : []))
        #expect(third.stdout == first.stdout)
        #expect(try DatabaseSnapshot.take(of: database) == after)

        // Without an id, the same command logs a second trial.
        let other = try database.tackle.succeed(Self.trialLog())
        #expect(other.stdout.contains("logged T2"))
    }

    @Test("report publish with a request id publishes one revision; replayed, it writes its files again")
    func publishReplay() throws {
        let database = try Self.database("integrity_publish")
        defer { database.drop() }
        let directory = try ReportDirectory.create("integrity_publish")
        defer { directory.remove() }
        let publish = [
            "report", "publish", "--month", "2026-10", "--output-dir", directory.path, "--request-id",
            UUID().uuidString,
        ]
        let first = try database.tackle.succeed(publish)
        #expect(first.stderr.contains("published 2026-10 revision 1"), "\(first)")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        let contents = try files.map { try Data(contentsOf: URL(fileURLWithPath: directory.path + "/" + $0)) }
        let after = try DatabaseSnapshot.take(of: database)
        // As if the first run had died after its commit, before writing its files.
        for file in files { try FileManager.default.removeItem(atPath: directory.path + "/" + file) }

        let again = try database.tackle.succeed(publish)
        #expect(again.stderr.contains("was already done at"), "\(again)")
        #expect(again.stderr.contains("published 2026-10 revision 1"), "\(again)")
        #expect(try DatabaseSnapshot.take(of: database) == after)
        #expect(try database.integer("SELECT count(*) AS n FROM published_report") == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == files)
        #expect(
            try files.map { try Data(contentsOf: URL(fileURLWithPath: directory.path + "/" + $0)) } == contents)
    }

    @Test("two runs at once with one request id log one trial and print the same")
    func concurrentReplay() throws {
        let database = try Self.database("integrity_concurrent")
        defer { database.drop() }
        let arguments = Self.trialLog("--request-id", UUID().uuidString)
        let running = try (0..<4).map { _ in try database.tackle.start(arguments) }
        let outcomes = try running.map { try $0.wait() }
        for outcome in outcomes {
            #expect(outcome.status == 0, "\(outcome)")
            #expect(outcome.stdout == outcomes[0].stdout)
        }
        #expect(outcomes.filter { $0.stderr.contains("already done") }.count == 3)
        #expect(try database.integer("SELECT count(*) AS n FROM trial") == 1)
    }

    @Test("a request id used for another command is refused, naming --request-id, and writes nothing")
    func sameIDOtherCommand() throws {
        let database = try Self.database("integrity_other")
        defer { database.drop() }
        let id = UUID().uuidString
        try database.tackle.succeed(Self.trialLog("--request-id", id))
        let before = try DatabaseSnapshot.take(of: database)

        for arguments in [
            ["unit", "add", "ZX1", "--name", "转炉一作业区", "--kind", "work-area", "--request-id", id],
            Self.trialLog("--request-id", id, "--note", "another trial"),
        ] {
            let outcome = try database.tackle.run(arguments)
            #expect(outcome.status == 1, "\(outcome)")
            #expect(outcome.stderr.hasPrefix("Error: --request-id: "), "\(outcome)")
            #expect(outcome.stderr.contains("another command"), "\(outcome)")
            #expect(outcome.stdout.isEmpty)
            #expect(try DatabaseSnapshot.take(of: database) == before)
        }
    }

    @Test("a malformed request id is refused, naming --request-id", arguments: ["42", "not-a-uuid", "{}"])
    func malformedID(_ text: String) throws {
        let database = try Self.database("integrity_malformed")
        defer { database.drop() }
        let before = try DatabaseSnapshot.take(of: database)
        let outcome = try database.tackle.run(Self.trialLog("--request-id", text))
        #expect(outcome.status == 1, "\(outcome)")
        #expect(outcome.stderr.hasPrefix("Error: --request-id: "), "\(outcome)")
        #expect(outcome.stderr.contains("is not a UUID"))
        #expect(try DatabaseSnapshot.take(of: database) == before)
    }

    @Test("a connection lost while committing exits 4 saying the outcome is unknown", arguments: [false, true])
    func lostCommit(withRequestID: Bool) throws {
        let database = try Self.database("integrity_lost")
        defer { database.drop() }
        // A deferred constraint trigger runs during COMMIT (an explicit one, or the implicit one at
        // the end of a statement that commits by itself): this one ends its own session there.
        try database.withConnection { connection in
            try connection.executeScript(
                """
                CREATE FUNCTION end_session() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM pg_terminate_backend(pg_backend_pid());
                    PERFORM pg_sleep(5);
                    RETURN NULL;
                END $$;
                CREATE CONSTRAINT TRIGGER trial_lost_at_commit AFTER INSERT ON trial
                    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION end_session();
                """)
        }
        let id = UUID().uuidString
        let arguments = Self.trialLog() + (withRequestID ? ["--request-id", id] : [])
        let outcome = try database.tackle.run(arguments)
        #expect(outcome.status == 4, "\(outcome)")
        #expect(
            outcome.stderr.contains(
                "the database connection was lost while committing: the change may or may not have been saved"),
            "\(outcome)")
        #expect(outcome.stderr.contains("`tackle trial list KEY`"))
        #expect(outcome.stderr.contains("--request-id"))
        #expect(outcome.stderr.split(separator: "\n").count == 1, "one line: \(outcome)")
        #expect(outcome.stdout.isEmpty)

        // Here the session ended before the commit: a retry with the same id logs the trial once.
        try database.withConnection { try $0.executeScript("DROP TRIGGER trial_lost_at_commit ON trial") }
        #expect(try database.integer("SELECT count(*) AS n FROM trial") == 0)
        let retry = try database.tackle.succeed(arguments)
        #expect(retry.stdout.contains("logged T1"))
        if withRequestID {
            let again = try database.tackle.succeed(arguments)
            #expect(again.stdout == retry.stdout)
            #expect(try database.integer("SELECT count(*) AS n FROM trial") == 1)
        }
    }
}
