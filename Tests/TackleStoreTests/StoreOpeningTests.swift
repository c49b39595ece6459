import LibPQ
import Logging
import TestSupport
import Testing

@testable import TackleStore

#if canImport(Glibc)
import Glibc
#endif

/// A store opened early, on a thread of its own, is used only by a `withStore` that would have
/// opened it the same way, and a failure to open it reaches the user as `withStore`'s own would.
@Suite("Stores opened early")
struct StoreOpeningTests {
    static let logger = Logger(label: "test")

    static func parameters(
        _ location: DatabaseLocation, applicationName: String = "tackle test", requireCurrentSchema: Bool = true
    ) -> StoreOpening.Parameters {
        StoreOpening.Parameters(
            location: location, applicationName: applicationName, timeouts: .standard,
            requireCurrentSchema: requireCurrentSchema)
    }

    /// A new test database and its location; the caller drops it.
    static func database(_ label: String, migrated: Bool) throws -> (conninfo: String, location: DatabaseLocation) {
        let conninfo = try TestDatabase.create(label: label)
        let location = DatabaseLocation(conninfo: conninfo, source: .option)
        if migrated {
            _ = try Store.withStore(at: location, logger: logger, requireCurrentSchema: false) { try $0.migrate() }
        }
        return (conninfo, location)
    }

    /// The backend process id serving the body's store, and whether the check recorded the login.
    static func backend(
        _ location: DatabaseLocation, applicationName: String = "tackle test", opening: StoreOpening?
    ) throws -> (pid: Int, login: DatabaseLogin?) {
        try Store.withStore(
            at: location, applicationName: applicationName, timeouts: .standard, logger: logger, opening: opening
        ) { store in
            (try store.connection.query("SELECT pg_backend_pid() AS pid")[0].decode(Int.self, "pid"), store.login)
        }
    }

    @Test("opened as withStore would open it, the early store is the one used, its schema checked")
    func taken() throws {
        let (conninfo, location) = try Self.database("opening_taken", migrated: true)
        defer { try? TestDatabase.drop(conninfo: conninfo) }

        let opening = try #require(StoreOpening.start(Self.parameters(location), logger: Self.logger))
        // The early connection shows up on the server before withStore is called, and withStore's
        // body runs in that very session, whose schema check ran (the login is known).
        let earlyPID = try #require(
            try Self.waitFor(conninfo, "SELECT pid FROM pg_stat_activity WHERE application_name = 'tackle test'"))
        let early = try Self.backend(location, opening: opening)
        #expect(early.pid == earlyPID)
        #expect(early.login != nil)
        #expect(
            try Self.waitFor(
                conninfo, "SELECT 0 WHERE NOT EXISTS (SELECT FROM pg_stat_activity WHERE pid = \(earlyPID))") == 0,
            "withStore closed the early connection")
        // Taken once: the next withStore opens its own.
        let later = try Self.backend(location, opening: opening)
        #expect(later.pid != early.pid)
    }

    /// Polls `sql` (one integer column) for up to 5 seconds until it returns a row; its value.
    static func waitFor(_ conninfo: String, _ sql: String) throws -> Int? {
        try PostgresConnection.withConnection(conninfo: conninfo) { connection in
            for _ in 0..<500 {
                if let row = try connection.query(sql).first { return try row.decode(Int.self, at: 0) }
                usleep(10_000)
            }
            return nil
        }
    }

    @Test("opened some other way, the early store is closed and withStore opens its own")
    func notTaken() throws {
        let (conninfo, location) = try Self.database("opening_other", migrated: true)
        defer { try? TestDatabase.drop(conninfo: conninfo) }

        let opening = try #require(
            StoreOpening.start(Self.parameters(location, applicationName: "tackle early"), logger: Self.logger))
        let used = try Self.backend(location, applicationName: "tackle test", opening: opening)
        #expect(used.login != nil)
        let gone = try Self.waitFor(
            conninfo,
            "SELECT 0 WHERE NOT EXISTS (SELECT FROM pg_stat_activity WHERE pid = \(used.pid) OR application_name = 'tackle early')"
        )
        #expect(gone == 0, "the early connection and withStore's own are both closed")
    }

    @Test("a database that cannot be reached: withStore throws what connecting there throws")
    func unreachable() throws {
        let location = DatabaseLocation(
            conninfo: "postgresql:///tackle?host=/nonexistent/opening-socket&port=5999", source: .environment)
        let opening = try #require(StoreOpening.start(Self.parameters(location), logger: Self.logger))
        let early = #expect(throws: StoreError.self) { try Self.backend(location, opening: opening) }
        let direct = #expect(throws: StoreError.self) { try Self.backend(location, opening: nil) }
        #expect(early?.code == .databaseUnavailable)
        #expect(early?.message == direct?.message)
        #expect(early?.message.contains("/nonexistent/opening-socket") == true)
    }

    @Test("a schema that does not match: withStore throws the schema check's error, from the early store")
    func schemaBehind() throws {
        let (conninfo, location) = try Self.database("opening_unmigrated", migrated: false)
        defer { try? TestDatabase.drop(conninfo: conninfo) }
        let opening = try #require(StoreOpening.start(Self.parameters(location), logger: Self.logger))
        let early = #expect(throws: StoreError.self) { try Self.backend(location, opening: opening) }
        let direct = #expect(throws: StoreError.self) { try Self.backend(location, opening: nil) }
        #expect(early?.code == .schemaBehind)
        #expect(early?.message == direct?.message)
    }

    @Test("abandoned, the early connection says goodbye: no session is left behind")
    func abandoned() throws {
        let (conninfo, location) = try Self.database("opening_abandoned", migrated: false)
        defer { try? TestDatabase.drop(conninfo: conninfo) }
        let opening = try #require(
            StoreOpening.start(
                Self.parameters(location, applicationName: "tackle abandoned", requireCurrentSchema: false),
                logger: Self.logger))
        let started = try Self.waitFor(
            conninfo, "SELECT pid FROM pg_stat_activity WHERE application_name = 'tackle abandoned'")
        #expect(started != nil, "the early connection was made")
        // Abandoning does not wait for an opening still under way; once it is done, it closes.
        var gone = false
        for _ in 0..<500 where !gone {
            opening.abandon()
            gone = try PostgresConnection.withConnection(conninfo: conninfo) { connection in
                try connection.query(
                    "SELECT count(*) AS n FROM pg_stat_activity WHERE application_name = 'tackle abandoned'")[0]
                    .decode(Int.self, "n") == 0
            }
            if !gone { usleep(10_000) }
        }
        #expect(gone)
    }
}
