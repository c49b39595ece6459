import Foundation
import LibPQ
import TestSupport
import Testing

/// The backup and the restore drill as the README describes them: `scripts/backup` and `scripts/restore` run
/// against the test server, and the restored database read back through the real `tackle`.
@Suite("scripts/backup and scripts/restore")
struct BackupRestoreTests {
    static let backup = ExternalTool(url: PrivateCluster.repositoryRoot.appendingPathComponent("scripts/backup"))
    static let restore = ExternalTool(url: PrivateCluster.repositoryRoot.appendingPathComponent("scripts/restore"))

    /// What the plant reads, each command run on the original and on the restored database.
    static let readings: [[String]] = [
        ["db", "status"],
        ["report", "monthly", "--month", "2026-10"],
        ["report", "monthly", "--month", "2026-10", "--format", "json"],
        ["report", "monthly", "--month", "2026-10", "--lang", "en"],
        ["report", "archive", "list"],
        ["report", "archive", "list", "--json"],
        ["report", "archive", "show", "2026-08"],
        ["report", "archive", "show", "2026-10", "--format", "json"],
        ["report", "archive", "show", "2026-10", "--revision", "1"],
        ["project", "list", "--json"],
        ["trial", "list", "SLAB-CRACK-2026", "--json"],
    ]

    @Test("the drill: the demo backed up, restored into a new database, reads back the same, byte for byte")
    func drill() throws {
        let original = try TrackerDatabase.create(label: "backup_original")
        defer { original.drop() }
        try original.setUp("demo", "load")
        let directory = try ReportDirectory.create("backup")
        defer { directory.remove() }

        let made = try Self.backup.run(["--database", original.conninfo, "--dir", directory.path, "--keep", "3"])
        #expect(made.status == 0, "\(made)")
        #expect(made.stderr.isEmpty, "\(made)")
        let file = made.text.trimmingCharacters(in: .newlines)
        let name = try original.databaseName()
        #expect(file.hasPrefix("\(directory.path)/\(name)-"))
        #expect(file.wholeMatch(of: /.*-[0-9]{8}T[0-9]{6}Z\.dump/) != nil, "\(file)")
        #expect(try directory.names().filter { !$0.hasPrefix(".") } == [URL(fileURLWithPath: file).lastPathComponent])
        #expect(try directory.names().filter { $0.contains(".tmp") }.isEmpty, "no temporary file is left")
        let mode = try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int
        #expect(mode == 0o600, "a backup holds the plant's data: only its owner reads it")

        // The drill restores into a new, empty database.
        let restored = TrackerDatabase(conninfo: try TestDatabase.create(label: "backup_restored"))
        defer { restored.drop() }
        let restoring = try Self.restore.run([file, "--database", restored.conninfo])
        #expect(restoring.status == 0, "\(restoring)")
        #expect(restoring.text == "restored \(file) into \(try restored.databaseName())\n")

        let status = try restored.tackle.run("db", "status")
        #expect(status.status == 0, "\(status)")
        #expect(status.stdout.contains("database is up to date"), "\(status)")
        var readings = Self.readings
        let keys = try OutputJSON.decode(
            [ProjectKey].self, from: try original.tackle.succeed("project", "list", "--json"))
        #expect(keys.count == 6)
        for key in keys.map(\.key) {
            readings += [["history", key], ["history", key, "--json"]]
        }
        for arguments in readings {
            let before = try original.tackle.run(arguments)
            let after = try restored.tackle.run(arguments)
            #expect(before.status == 0 && !before.stdout.isEmpty, "original: \(arguments): \(before)")
            #expect(after.status == before.status, "restored: \(arguments): \(after)")
            #expect(
                after.stdout == before.stdout, "tackle \(arguments.joined(separator: " ")) differs after the restore")
        }
        // Every row of every table, the history and the archive's reports included.
        let snapshot = try DatabaseSnapshot.take(of: original)
        #expect(try DatabaseSnapshot.take(of: restored) == snapshot)

        // The board is derived: written afresh from the restored archive, it is the same files.
        let boards = try [original, restored].map { database in
            let board = try ReportDirectory.create("backup_board")
            defer { board.remove() }
            try database.setUp(
                "scheduler", "run", "--once", "--now", "2026-12-01T09:00:00+08:00", "--catch-up", "1",
                "--output-dir", board.path, "--instance", "drill")
            return try board.names().map { name in
                (name, FileManager.default.contents(atPath: "\(board.path)/\(name)") ?? Data())
            }
        }
        #expect(boards[0].count > 20, "the demo's archive has 3 months of sheets and project pages")
        #expect(boards[0].map(\.0) == boards[1].map(\.0))
        for ((name, before), (_, after)) in zip(boards[0], boards[1]) {
            #expect(before == after, "\(name) differs when written from the restored database")
        }

        // Writing goes on where it stood: the identity sequences are in the dump (else a duplicate key), and
        // the trial numbering and what it prints are the same.
        let trial = [
            "trial", "log", "SLAB-CRACK-2026", "--lever", "secondary cooling", "--param", "specific_water=0.62L/kg",
            "--inspected", "300", "--defective", "2", "--from", "2026-11-02",
        ]
        let next = try original.tackle.succeed(trial)
        #expect(try restored.tackle.succeed(trial).stdout == next.stdout)

        // A database that holds tables is not restored over without --replace; with it, it is the backup again.
        let refused = try Self.restore.run([file, "--database", restored.conninfo])
        #expect(refused.status == 1, "\(refused)")
        #expect(refused.text.isEmpty)
        #expect(refused.stderr.hasPrefix("restore: \(try restored.databaseName()) is not empty"), "\(refused)")
        #expect(refused.stderr.filter { $0 == "\n" }.count == 1, "one line: \(refused)")
        #expect(try DatabaseSnapshot.take(of: restored) != snapshot, "the trial logged above is still there")
        let replaced = try Self.restore.run([file, "--database", restored.conninfo, "--replace"])
        #expect(replaced.status == 0, "\(replaced)")
        #expect(try DatabaseSnapshot.take(of: restored) == snapshot)
    }

    @Test("--keep 2 after three backups leaves the newest two of this database, and every other file")
    func retention() throws {
        let database = try TrackerDatabase.create(label: "backup_keep")
        defer { database.drop() }
        let directory = try ReportDirectory.create("backup_keep")
        defer { directory.remove() }
        let name = try database.databaseName()
        let others = [
            "notes.txt", "other_db-20200101T000000Z.dump", "\(name)-20200101T000000Z.dump.bak", "\(name)-copy.dump",
            "\(name)-2020-01-01.dump",
        ]
        for other in others {
            #expect(FileManager.default.createFile(atPath: "\(directory.path)/\(other)", contents: Data("x".utf8)))
        }
        // An older backup of this database, by its name: the first to go.
        let oldest = "\(name)-20200101T000000Z.dump"
        #expect(FileManager.default.createFile(atPath: "\(directory.path)/\(oldest)", contents: Data("x".utf8)))

        var made: [String] = []
        for _ in 0..<3 {
            let outcome = try Self.backup.run(["--database", database.conninfo, "--dir", directory.path, "--keep", "2"])
            #expect(outcome.status == 0, "\(outcome)")
            made.append(URL(fileURLWithPath: outcome.text.trimmingCharacters(in: .newlines)).lastPathComponent)
        }
        #expect(Set(made).count == 3, "each backup has a name of its own: \(made)")
        #expect(made == made.sorted(), "names sort by time: \(made)")
        let left = try directory.names().filter { !$0.hasPrefix(".") }
        #expect(left == (others + made.suffix(2)).sorted())
        #expect(!left.contains(oldest))
    }

    @Test("a dump that fails exits 1 with one line and leaves no file")
    func failures() throws {
        let directory = try ReportDirectory.create("backup_fail")
        defer { directory.remove() }
        var pairs = try ConnInfo.parse(try TestDatabase.adminConninfo()).filter { $0.keyword != "dbname" }
        pairs.append((keyword: "dbname", value: "tackle_test_no_such_db"))

        let missing = try Self.backup.run([
            "--database", ConnInfo.format(pairs), "--dir", "\(directory.path)/backups",
        ])
        #expect(missing.status == 1, "\(missing)")
        #expect(missing.text.isEmpty)
        #expect(missing.stderr.hasPrefix("backup: cannot connect to the database: "), "\(missing)")
        #expect(missing.stderr.contains("tackle_test_no_such_db"), "\(missing)")
        #expect(missing.stderr.filter { $0 == "\n" }.count == 1, "one line: \(missing)")
        #expect(!FileManager.default.fileExists(atPath: "\(directory.path)/backups"))

        // A database without tackle's schema is dumped, found wanting, and the dump removed.
        let empty = try TestDatabase.create(label: "backup_empty")
        defer { try? TestDatabase.drop(conninfo: empty) }
        let foreign = try Self.backup.run(["--database", empty, "--dir", directory.path])
        #expect(foreign.status == 1, "\(foreign)")
        #expect(foreign.stderr.contains("holds no tackle schema"), "\(foreign)")
        #expect(foreign.stderr.filter { $0 == "\n" }.count == 1, "one line: \(foreign)")
        #expect(try directory.names().filter { $0.hasSuffix(".dump") || $0.contains(".tmp") }.isEmpty)

        let usage = try Self.backup.run(["--keep", "0", "--dir", directory.path])
        #expect(usage.status == 2, "\(usage)")
        #expect(usage.stderr.hasPrefix("backup: --keep must be a whole number of at least 1"), "\(usage)")
    }

    @Test("a restore onto a server without a role the backup names restores nothing and names the role")
    func missingRole() throws {
        let admin = try TestDatabase.adminConninfo()
        // Built from [a-z0-9_] only, never from input.
        let role = "tackle_test_backup_owner_\(String(UInt32.random(in: .min ... .max), radix: 16))"
        try PostgresConnection.withConnection(conninfo: admin) { try $0.executeScript("CREATE ROLE \(role)") }
        defer {
            try? PostgresConnection.withConnection(conninfo: admin) {
                try $0.executeScript("DROP ROLE IF EXISTS \(role)")
            }
        }
        let original = try TrackerDatabase.create(label: "backup_role")
        defer { original.drop() }
        try original.withConnection { try $0.executeScript("ALTER TABLE history OWNER TO \(role)") }
        let directory = try ReportDirectory.create("backup_role")
        defer { directory.remove() }
        let made = try Self.backup.run(["--database", original.conninfo, "--dir", directory.path])
        #expect(made.status == 0, "\(made)")
        // The role goes with the only database that used it, as on a new server that lacks it.
        original.drop()
        try PostgresConnection.withConnection(conninfo: admin) { try $0.executeScript("DROP ROLE \(role)") }

        let target = TrackerDatabase(conninfo: try TestDatabase.create(label: "backup_role_target"))
        defer { target.drop() }
        let restoring = try Self.restore.run([
            made.text.trimmingCharacters(in: .newlines), "--database", target.conninfo,
        ])
        #expect(restoring.status == 1, "\(restoring)")
        #expect(
            restoring.stderr
                == "restore: nothing restored into \(try target.databaseName()): role \"\(role)\" does not exist "
                + "on this server; create tackle's roles first (README, \"Backups and restore\")\n")
        #expect(try target.integer("SELECT count(*) AS n FROM pg_tables WHERE schemaname = 'public'") == 0)
    }

    private struct ProjectKey: Decodable {
        var key: String
    }
}
