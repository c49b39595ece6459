import Foundation
import LibPQ
import Logging
import TestSupport
import Testing

@Suite("Connection", .database("connection"))
struct ConnectionTests {
    @Test func sessionSettingsAreFixedAtStartup() throws {
        try withTestConnection { connection in
            let rows = try connection.query(
                """
                SELECT current_setting('TimeZone') AS tz, current_setting('DateStyle') AS ds,
                       current_setting('IntervalStyle') AS ivs, current_setting('extra_float_digits') AS efd,
                       current_setting('application_name') AS app, current_setting('client_encoding') AS enc
                """)
            let row = try #require(rows.first)
            #expect(try row.decode(String.self, "tz") == "UTC")
            #expect(try row.decode(String.self, "ds") == "ISO, YMD")
            #expect(try row.decode(String.self, "ivs") == "postgres")
            #expect(try row.decode(String.self, "efd") == "3")
            #expect(try row.decode(String.self, "app") == "tackle")
            #expect(try row.decode(String.self, "enc") == "UTF8")
            #expect(connection.parameterStatus("TimeZone") == "UTC")
            #expect(connection.parameterStatus("no_such_parameter") == nil)
            #expect(connection.serverVersion >= 150_000)
            #expect(connection.backendPID > 0)
        }
    }

    @Test func userOptionsAreKeptAlongsideOurs() throws {
        var pairs = try ConnInfo.parse(try SuiteDatabase.conninfo())
        pairs.append((keyword: "options", value: "-c statement_timeout=1234 -c TimeZone=Asia/Shanghai"))
        try PostgresConnection.withConnection(conninfo: ConnInfo.format(pairs)) { connection in
            let row = try #require(try connection.query("SHOW statement_timeout").first)
            #expect(try row.decode(String.self, at: 0) == "1234ms")
            // Ours come last, so the session time zone stays UTC whatever the user asked for.
            #expect(try connection.query("SHOW TimeZone").first?.decode(String.self, at: 0) == "UTC")
        }
    }

    @Test func overridesApplyAfterTheConnectionString() throws {
        let admin = try TestDatabase.adminConninfo()
        let database = try #require(try ConnInfo.parse(try SuiteDatabase.conninfo()).first { $0.keyword == "dbname" })
        let overrides = ["dbname": database.value, "application_name": "override test"]
        try PostgresConnection.withConnection(conninfo: admin, overrides: overrides) { connection in
            let row = try #require(
                try connection.query("SELECT current_database(), current_setting('application_name')").first)
            #expect(try row.decode(String.self, at: 0) == database.value)
            #expect(try row.decode(String.self, at: 1) == "override test")
        }
    }

    @Test func plainDatabaseNameIsADatabaseNotAConnectionString() throws {
        let settings = try ConnInfo.parse(try SuiteDatabase.conninfo())
        let database = try #require(settings.first { $0.keyword == "dbname" }).value
        var overrides: [String: String] = [:]
        for (keyword, value) in settings where keyword != "dbname" { overrides[keyword] = value }
        try PostgresConnection.withConnection(conninfo: database, overrides: overrides) { connection in
            let name = try connection.query("SELECT current_database()").first?.decode(String.self, at: 0)
            #expect(name == database)
        }
    }

    @Test func connectFailureIsOneLineNamingTheSocket() {
        let started = ContinuousClock.now
        let error = #expect(throws: PostgresError.self) {
            try PostgresConnection.connect(conninfo: "host=/nonexistent-dir port=5999 password=s3cr3t-pw")
        }
        #expect(ContinuousClock.now - started < .seconds(5))
        #expect(error?.code == .connectionFailed)
        let message = error?.message ?? ""
        #expect(message.contains("/nonexistent-dir/.s.PGSQL.5999"))
        #expect(!message.contains("\n"))
        #expect(!message.contains("s3cr3t"))
        #expect(error?.description == message)
    }

    @Test func closeIsIdempotentAndLaterCallsFail() throws {
        let connection = try PostgresConnection.connect(conninfo: try SuiteDatabase.conninfo())
        #expect(connection.isOpen)
        connection.close()
        connection.close()
        #expect(!connection.isOpen)
        #expect(connection.parameterStatus("TimeZone") == nil)
        let error = #expect(throws: PostgresError.self) { try connection.query("SELECT 1") }
        #expect(error?.code == .connectionClosed)
    }

    @Test func terminatedBackendIsLostThenClosed() throws {
        let connection = try PostgresConnection.connect(conninfo: try SuiteDatabase.conninfo())
        defer { connection.close() }
        try withTestConnection { killer in
            let rows = try killer.query("SELECT pg_terminate_backend($1, 5000)", [connection.backendPID])
            #expect(try rows.first?.decode(Bool.self, at: 0) == true)
        }
        let lost = #expect(throws: PostgresError.self) { try connection.query("SELECT 1") }
        #expect(lost?.code == .connectionLost)
        #expect(lost?.message.hasPrefix("the database connection was lost: ") == true)
        #expect(lost?.message.contains("terminating connection due to administrator command") == true)
        #expect(lost?.message.contains("\n") == false)
        #expect(!connection.isOpen)
        let closed = #expect(throws: PostgresError.self) { try connection.execute("SELECT 1") }
        #expect(closed?.code == .connectionClosed)
        #expect(closed?.message.contains("lost earlier") == true)
    }

    @Test func noticesGoToTheLoggerNotStderr() throws {
        let handler = CapturingLogHandler()
        try withTestConnection(logger: .capturing(handler)) { connection in
            try connection.execute("DROP TABLE IF EXISTS no_such_table")
            #expect(connection.isOpen)
        }
        let notice = try #require(handler.events.first { $0.message.description == "postgres notice" })
        #expect(notice.level == .debug)
        #expect(notice.metadata?["db.notice.message"]?.description.contains("no_such_table") == true)
        #expect(notice.metadata?["db.notice.severity"]?.description == "NOTICE")
    }

    @Test func statementsAreLoggedWithoutParameterValues() throws {
        let handler = CapturingLogHandler()
        try withTestConnection(logger: .capturing(handler)) { connection in
            _ = try connection.query("SELECT $1::text", ["secret-value"])
            _ = try? connection.query("SELECT * FROM missing_table")
        }
        let statements = handler.events.compactMap { $0.metadata?["db.statement"]?.description }
        #expect(statements.contains("SELECT $1::text"))
        #expect(!handler.events.contains { "\($0.message) \($0.metadata ?? [:])".contains("secret-value") })
        let failure = try #require(handler.events.first { $0.message.description == "postgres statement failed" })
        #expect(failure.metadata?["db.sqlstate"]?.description == PostgresError.SQLState.undefinedTable)
    }
}
