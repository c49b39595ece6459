import LibPQ
import TestSupport
import Testing

/// A fresh database with the tracker schema for one test, and the `tackle` that uses it.
///
/// Everything is set up through the real executable (`tackle db migrate`, `tackle unit add`, ...)
/// so a test starts from what a user would have; direct SQL is only used to look.
struct TrackerDatabase {
    let conninfo: String
    let tackle: TackleProcess

    init(conninfo: String) {
        self.conninfo = conninfo
        self.tackle = TackleProcess(conninfo: conninfo)
    }

    /// Creates an empty database and migrates it with `tackle db migrate`.
    static func create(label: String) throws -> TrackerDatabase {
        let database = TrackerDatabase(conninfo: try TestDatabase.create(label: label))
        let migrated = try database.tackle.run("db", "migrate")
        guard migrated.status == 0 else {
            try? TestDatabase.drop(conninfo: database.conninfo)
            throw SetupFailure(description: "tackle db migrate failed: \(migrated)")
        }
        return database
    }

    /// Creates a migrated database and seeds it with `seed`, dropping it when seeding fails.
    ///
    /// - Parameters:
    ///   - label: The test's label, part of the database name.
    ///   - seed: What the test starts from, set up through the real `tackle`.
    static func create(label: String, seededBy seed: (TrackerDatabase) throws -> Void) throws -> TrackerDatabase {
        let database = try create(label: label)
        do {
            try seed(database)
        } catch {
            database.drop()
            throw error
        }
        return database
    }

    /// A migrated database with the plant and the project `key` open (``addPlant()``,
    /// ``openProject(_:)``), dropped when that fails.
    static func withProject(_ key: String, label: String) throws -> TrackerDatabase {
        try create(label: label) { database in
            try database.addPlant()
            try database.openProject(key)
        }
    }

    /// Creates a database as a copy of `template` (which must have no open connections).
    static func copy(of template: TrackerDatabase, label: String) throws -> TrackerDatabase {
        let admin = try TestDatabase.adminConninfo()
        let source = try template.databaseName()
        let name = "tackle_test_\(label)_\(String(UInt32.random(in: .min ... .max), radix: 16))"
        try PostgresConnection.withConnection(conninfo: admin) { connection in
            // Names are built from [a-z0-9_] only (test labels and hex), never from input.
            try connection.executeScript("CREATE DATABASE \(name) TEMPLATE \(source)")
        }
        var pairs = try ConnInfo.parse(admin).filter { $0.keyword != "dbname" }
        pairs.append((keyword: "dbname", value: name))
        return TrackerDatabase(conninfo: ConnInfo.format(pairs))
    }

    /// Drops the database; failures are ignored (scripts/test drops leftovers before each run).
    func drop() {
        try? TestDatabase.drop(conninfo: conninfo)
    }

    func databaseName() throws -> String {
        try ConnInfo.parse(conninfo).last { $0.keyword == "dbname" }?.value ?? ""
    }

    /// Runs `body` on a direct connection to the database.
    func withConnection<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        try PostgresConnection.withConnection(conninfo: conninfo, body)
    }

    /// One integer from a query (`SELECT count(*) AS n ...`).
    func integer(_ sql: String, _ parameters: [(any PostgresEncodable)?] = []) throws -> Int {
        try withConnection { connection in
            guard let row = try connection.query(sql, parameters).first else {
                throw SetupFailure(description: "no row from: \(sql)")
            }
            return try row.decode(Int.self, "n")
        }
    }

    /// Runs a setup command and throws (failing the test) unless it exits 0.
    @discardableResult
    func setUp(_ arguments: String...) throws -> TackleProcess.Outcome {
        let outcome = try tackle.run(arguments)
        guard outcome.status == 0 else {
            throw SetupFailure(description: "setup step tackle \(arguments.joined(separator: " ")) failed: \(outcome)")
        }
        return outcome
    }

    /// The plant the examples of the brief use: work area CC3 and three people.
    func addPlant() throws {
        try setUp("unit", "add", "CC3", "--name", "连铸三作业区", "--kind", "work-area")
        try setUp("person", "add", "E1001", "--name", "王磊", "--unit", "CC3", "--party-member")
        try setUp("person", "add", "E1002", "--name", "李娜", "--unit", "CC3")
        try setUp("person", "add", "E1003", "--name", "张伟", "--unit", "CC3")
    }

    /// Opens a project with the domain brief's baseline, 48 cracked slabs of 1500, target 0.5 %.
    func openProject(_ key: String, opened: String = "2026-04-01", due: String = "2026-12-31") throws {
        try setUp(
            "project", "open", key, "--title", "板坯纵裂攻关", "--unit", "CC3", "--leader", "E1001",
            "--metric", "longitudinal crack rate", "--baseline", "48/1500", "--baseline-period", "2026-01..2026-03",
            "--target", "0.5%", "--due", due, "--opened", opened, "--selection", "open",
            "--problem", "纵裂是本年度重点质量问题")
    }

    /// Logs a trial of `defective` of `inspected` slabs in early May 2026.
    func logTrial(_ key: String, inspected: Int, defective: Int, from: String = "2026-05-01") throws {
        try setUp(
            "trial", "log", key, "--lever", "secondary cooling", "--param", "specific_water=0.62L/kg",
            "--inspected", String(inspected), "--defective", String(defective), "--from", from)
    }

    struct SetupFailure: Error, CustomStringConvertible {
        var description: String
    }
}
