import LibPQ
import Logging
import TackleDomain
import TestSupport
import Testing

@testable import TackleStore

@Suite("Migrations")
struct MigratorTests {
    let logger = Logger(label: "test")

    private func migration(_ fileName: String, _ sql: String) throws -> Migration {
        try Migration(fileName: fileName, bytes: Array(sql.utf8))
    }

    @Test("the migrations compiled in are exactly the files of sql/")
    func embeddedMatchesDisk() throws {
        let embedded = Migration.embedded
        #expect(!embedded.isEmpty)
        #expect(embedded.first?.version == 1)
        #expect(embedded.map(\.version) == Array(1...embedded.count), "versions are 1, 2, 3, ... with no gaps")
        let onDisk = try SQLDirectory.read()
        #expect(embedded.map(\.fileName) == onDisk.map(\.fileName))
        #expect(embedded.map(\.checksum) == onDisk.map { SHA256.hex($0.bytes) })
    }

    @Test(
        "file names must be NNNN_name.sql", arguments: ["0001.sql", "bookkeeping.sql", "0000_zero.sql", "0001_x.txt"])
    func badNames(fileName: String) {
        #expect(throws: StoreError.self) { try migration(fileName, "SELECT 1") }
    }

    @Test("migrate applies in order, records checksums, and a second run does nothing")
    func appliesOnce() throws {
        let conninfo = try TestDatabase.create(label: "migrate")
        defer { try? TestDatabase.drop(conninfo: conninfo) }
        try PostgresConnection.withConnection(conninfo: conninfo) { connection in
            let migrator = Migrator(logger: logger)
            #expect(try migrator.status(on: connection).pending.count == Migration.embedded.count)
            let applied = try migrator.migrate(on: connection)
            #expect(applied.map(\.version) == Migration.embedded.map(\.version))
            #expect(try migrator.migrate(on: connection).isEmpty)
            let status = try migrator.status(on: connection)
            #expect(status.isUpToDate)
            #expect(status.problem == nil)
            let rows = try connection.query("SELECT version, checksum FROM tackle_migration ORDER BY version")
            #expect(try rows.map { try $0.decode(String.self, "checksum") } == Migration.embedded.map(\.checksum))
        }
    }

    @Test("an applied migration whose file changed is refused, naming the file, and nothing is applied")
    func changedFileRefused() throws {
        let conninfo = try TestDatabase.create(label: "changed")
        defer { try? TestDatabase.drop(conninfo: conninfo) }
        let first = Migration.embedded[0]
        let extra = try migration("0002_widgets.sql", "CREATE TABLE widget (id int);")
        try PostgresConnection.withConnection(conninfo: conninfo) { connection in
            try Migrator(migrations: [first], logger: logger).migrate(on: connection)
            var edited = first
            edited = try migration(first.fileName, first.sql + "\n-- an edit\n")
            let migrator = Migrator(migrations: [edited, extra], logger: logger)
            let error = try #require(throws: StoreError.self) { try migrator.migrate(on: connection) }
            #expect(error.code == .migrationChanged)
            #expect(error.message.contains(first.fileName))
            let widget = try connection.query("SELECT to_regclass('widget') IS NULL AS absent")
            #expect(try widget.first?.decode(Bool.self, "absent") == true, "the pending migration was not applied")
        }
    }

    @Test("a database holding an unknown migration is refused as newer than the code")
    func unknownMigrationRefused() throws {
        let conninfo = try TestDatabase.create(label: "unknown")
        defer { try? TestDatabase.drop(conninfo: conninfo) }
        try PostgresConnection.withConnection(conninfo: conninfo) { connection in
            let future = try migration("0099_future.sql", "CREATE TABLE future (id int);")
            try Migrator(migrations: Migration.embedded + [future], logger: logger).migrate(on: connection)
            let error = try #require(throws: StoreError.self) {
                try Migrator(logger: logger).migrate(on: connection)
            }
            #expect(error.code == .schemaAhead)
            #expect(error.message.contains("99"))
            #expect(try Migrator(logger: logger).status(on: connection).unknown.map(\.version) == [99])
        }
    }

    @Test("a migration whose SQL fails is named, and nothing of the run is kept")
    func failingMigrationRollsBack() throws {
        let conninfo = try TestDatabase.create(label: "failing")
        defer { try? TestDatabase.drop(conninfo: conninfo) }
        try PostgresConnection.withConnection(conninfo: conninfo) { connection in
            let good = try migration("0002_good.sql", "CREATE TABLE good (id int);")
            let bad = try migration("0003_bad.sql", "CREATE TABLE bad (id int REFERENCES nowhere (id));")
            let migrator = Migrator(migrations: Migration.embedded.prefix(1) + [good, bad], logger: logger)
            let error = try #require(throws: StoreError.self) { try migrator.migrate(on: connection) }
            #expect(error.message.contains("0003_bad.sql"))
            let rows = try connection.query("SELECT to_regclass('tackle_migration') IS NULL AS none_applied")
            #expect(try rows.first?.decode(Bool.self, "none_applied") == true)
        }
    }

    @Test("other commands refuse a database whose schema is behind, and say to migrate")
    func storeRequiresCurrentSchema() throws {
        let conninfo = try TestDatabase.create(label: "behind")
        defer { try? TestDatabase.drop(conninfo: conninfo) }
        let location = DatabaseLocation(conninfo: conninfo, source: .option)
        let error = try #require(throws: StoreError.self) {
            try Store.withStore(at: location, logger: logger) { _ in }
        }
        #expect(error.code == .schemaBehind)
        #expect(error.message.contains("tackle db migrate"))
        let applied = try Store.withStore(at: location, logger: logger, requireCurrentSchema: false) { store in
            try store.migrate()
        }
        #expect(applied.count == Migration.embedded.count)
        try Store.withStore(at: location, logger: logger) { _ in }
    }
}
