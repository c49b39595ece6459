import Foundation
import LibPQ
import TestSupport
import Testing

@Suite("tackle db")
struct DBCommandTests {
    @Test("migrate on an empty database applies everything; again does nothing; status exits 0")
    func migrateAndStatus() throws {
        let conninfo = try TestDatabase.create(label: "cli_db")
        defer { try? TestDatabase.drop(conninfo: conninfo) }
        let tackle = TackleProcess(conninfo: conninfo)

        let before = try tackle.run("db", "status")
        #expect(before.status == 3, "pending migrations: \(before)")
        #expect(before.stdout.contains("pending  0001_bookkeeping.sql"))
        #expect(before.stderr.contains("tackle db migrate"))

        let first = try tackle.succeed("db", "migrate")
        #expect(first.stdout.contains("applied 0001_bookkeeping.sql"))
        let second = try tackle.succeed("db", "migrate")
        #expect(second.stdout.contains("nothing to apply"))

        let after = try tackle.succeed("db", "status")
        #expect(after.stdout.contains("applied  0001_bookkeeping.sql"))
        #expect(after.stdout.contains("up to date"))
    }

    @Test("four migrators started at once all succeed and record every migration once")
    func concurrentMigrators() throws {
        let conninfo = try TestDatabase.create(label: "cli_concurrent")
        defer { try? TestDatabase.drop(conninfo: conninfo) }
        let tackle = TackleProcess(conninfo: conninfo)
        let running = try (0..<4).map { _ in try tackle.start(["db", "migrate"]) }
        let outcomes = try running.map { try $0.wait() }
        for outcome in outcomes {
            #expect(outcome.status == 0, "\(outcome)")
        }
        let applying = outcomes.filter { $0.stdout.contains("applied ") }
        #expect(applying.count == 1, "exactly one migrator applied the files")
        try PostgresConnection.withConnection(conninfo: conninfo) { connection in
            let rows = try connection.query(
                "SELECT count(*) AS n, count(DISTINCT version) AS versions FROM tackle_migration")
            let row = try #require(rows.first)
            #expect(try row.decode(Int.self, "n") == row.decode(Int.self, "versions"))
            #expect(try row.decode(Int.self, "n") >= 1)
        }
    }

    @Test("an applied migration that no longer matches is refused, naming the file")
    func changedMigrationRefused() throws {
        let conninfo = try TestDatabase.create(label: "cli_changed")
        defer { try? TestDatabase.drop(conninfo: conninfo) }
        let tackle = TackleProcess(conninfo: conninfo)
        try tackle.succeed("db", "migrate")
        // The same as editing the file after it was applied: the recorded checksum differs.
        try PostgresConnection.withConnection(conninfo: conninfo) { connection in
            _ = try connection.execute("UPDATE tackle_migration SET checksum = repeat('0', 64) WHERE version = 1")
        }
        for command in [["db", "migrate"], ["db", "status"]] {
            let outcome = try tackle.start(command).wait()
            #expect(outcome.status == 3, "\(outcome)")
            #expect(outcome.stderr.contains("0001_bookkeeping.sql"))
            #expect(outcome.stderr.contains("changed"))
        }
    }

    @Test("a database with a migration this tackle does not know is refused")
    func unknownMigrationRefused() throws {
        let conninfo = try TestDatabase.create(label: "cli_unknown")
        defer { try? TestDatabase.drop(conninfo: conninfo) }
        let tackle = TackleProcess(conninfo: conninfo)
        try tackle.succeed("db", "migrate")
        try PostgresConnection.withConnection(conninfo: conninfo) { connection in
            _ = try connection.execute(
                "INSERT INTO tackle_migration (version, name, checksum) VALUES (9999, 'from_the_future', repeat('a', 64))"
            )
        }
        let outcome = try tackle.run("db", "migrate")
        #expect(outcome.status == 3, "\(outcome)")
        #expect(outcome.stderr.contains("newer than the code"))
        #expect(outcome.stderr.contains("9999"))
    }

    @Test("no server: db status fails within 5 seconds with one line naming where and why")
    func unreachable() throws {
        let tackle = TackleProcess(conninfo: "postgresql:///tackle?host=/nonexistent/tackle-socket&port=5999")
        let outcome = try tackle.run("db", "status")
        #expect(outcome.status == 2, "\(outcome)")
        #expect(outcome.seconds < 5)
        #expect(outcome.stdout.isEmpty)
        let lines = outcome.stderr.split(separator: "\n")
        #expect(lines.count == 1, "one line: \(outcome.stderr)")
        #expect(outcome.stderr.contains("/nonexistent/tackle-socket"))
        #expect(outcome.stderr.contains("TACKLE_DATABASE_URL"))
    }

    @Test("--database takes precedence over TACKLE_DATABASE_URL")
    func databaseOptionWins() throws {
        let conninfo = try TestDatabase.create(label: "cli_precedence")
        defer { try? TestDatabase.drop(conninfo: conninfo) }
        let tackle = TackleProcess(conninfo: "postgresql:///x?host=/nonexistent/elsewhere")
        let outcome = try tackle.run("db", "migrate", "--database", conninfo)
        #expect(outcome.status == 0, "\(outcome)")
    }
}
