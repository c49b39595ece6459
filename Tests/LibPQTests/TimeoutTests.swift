import Foundation
import Logging
import TestSupport
import Testing

@testable import LibPQ

@Suite("Timeouts", .database("timeouts"))
struct TimeoutTests {
    @Test(
        "durations read as PostgreSQL reads a time setting, a bare number in the unit asked for",
        arguments: [
            ("30", 1000.0, 30_000), ("2.5", 1000, 2500), ("45s", 1000, 45_000), ("2min", 1000, 120_000),
            ("500ms", 1000, 500), ("1.5 s", 1000, 1500), (" 1h", 1000, 3_600_000), ("1d", 1, 86_400_000),
            ("0", 1000, 0), ("1234", 1, 1234), ("1500us", 1, 2),
        ])
    func durations(text: String, bareUnit: Double, milliseconds: Int) {
        #expect(PostgresConnection.Timeouts.milliseconds(parsing: text, bareUnitMilliseconds: bareUnit) == milliseconds)
    }

    @Test(
        "what is not a duration is refused",
        arguments: ["", "soon", "-5", "5 sec", "5S", "1e3", "s", ".", "30s later", "99999999999"])
    func notDurations(text: String) {
        #expect(PostgresConnection.Timeouts.milliseconds(parsing: text, bareUnitMilliseconds: 1000) == nil)
    }

    @Test("a setting is found in options in every form the server takes; the last one counts")
    func settingsInOptions() {
        let setting = PostgresConnection.Timeouts.setting
        #expect(setting("statement_timeout", "-c statement_timeout=5s") == "5s")
        #expect(setting("statement_timeout", "-cstatement_timeout=5s -c TimeZone=UTC") == "5s")
        #expect(setting("statement_timeout", "--statement-timeout=7s") == "7s")
        #expect(setting("statement_timeout", "-c statement_timeout=1 -c Statement_Timeout=2") == "2")
        #expect(setting("lock_timeout", "-c application_name=a\\ b -c lock_timeout=3s") == "3s")
        #expect(setting("statement_timeout", "-c lock_timeout=3s") == nil)
        #expect(setting("statement_timeout", "") == nil)
    }

    @Test("defaults come before the connection string, so its own settings win; timeouts before the user's options")
    func keywordOrder() throws {
        let keywords = try PostgresConnection.connectionKeywords(
            conninfo: "host=/nowhere connect_timeout=9 options='-c lock_timeout=1s'", overrides: [:],
            applicationName: "tackle test",
            timeouts: .init(statementMilliseconds: 4000, lockMilliseconds: 2000, graceMilliseconds: 1000))
        let names = keywords.map(\.0)
        let dbname = try #require(names.firstIndex(of: "dbname"))
        for keyword in ["connect_timeout", "keepalives", "keepalives_idle", "keepalives_interval", "keepalives_count"] {
            let index = try #require(names.firstIndex(of: keyword), "\(keyword) has a default")
            #expect(index < dbname, "\(keyword) must not override the connection string")
        }
        #expect(keywords.contains { $0 == ("fallback_application_name", "tackle test") })
        let options = try #require(keywords.last { $0.0 == "options" }?.1)
        #expect(options.hasPrefix("-c statement_timeout=4000 -c lock_timeout=2000 -c lock_timeout=1s -c TimeZone=UTC"))
    }

    @Test("the session runs with the timeouts asked for, and the user's options win over them")
    func sessionTimeouts() throws {
        /// The session's statement and lock timeouts as the server shows them.
        func settings(_ connection: PostgresConnection) throws -> [String] {
            let row = try #require(
                try connection.query(
                    "SELECT current_setting('statement_timeout') AS s, current_setting('lock_timeout') AS l"
                ).first)
            return [try row.decode(String.self, "s"), try row.decode(String.self, "l")]
        }
        let (defaults, defaultDeadline) = try withTestConnection { (try settings($0), $0.answerDeadline) }
        #expect(defaults == ["30s", "10s"])
        #expect(defaultDeadline == 32_000)
        let asked = PostgresConnection.Timeouts(statementMilliseconds: 4500, lockMilliseconds: 1500)
        let conninfo = try SuiteDatabase.conninfo()
        let (standard, deadline) = try PostgresConnection.withConnection(conninfo: conninfo, timeouts: asked) {
            (try settings($0), $0.answerDeadline)
        }
        #expect(standard == ["4500ms", "1500ms"])
        #expect(deadline == 6500)

        var pairs = try ConnInfo.parse(conninfo)
        pairs.append((keyword: "options", value: "-c statement_timeout=1234 -c lock_timeout=0"))
        let (overridden, overriddenDeadline) = try PostgresConnection.withConnection(
            conninfo: ConnInfo.format(pairs), timeouts: asked
        ) { (try settings($0), $0.answerDeadline) }
        #expect(overridden == ["1234ms", "0"])
        #expect(overriddenDeadline == 1234 + 2000, "the client waits for the statement timeout in force")

        pairs.append((keyword: "options", value: "-c statement_timeout=0"))
        let unlimited = try PostgresConnection.withConnection(conninfo: ConnInfo.format(pairs), timeouts: asked) {
            $0.answerDeadline
        }
        #expect(unlimited == nil, "no statement timeout: the client waits as long as it takes")
    }

    @Test("a stopped backend: the query gives up after the statement timeout and its grace, and the connection closes")
    func stoppedBackend() throws {
        let timeouts = PostgresConnection.Timeouts(
            statementMilliseconds: 1000, lockMilliseconds: 1000, graceMilliseconds: 1000)
        let connection = try PostgresConnection.connect(conninfo: try SuiteDatabase.conninfo(), timeouts: timeouts)
        defer { connection.close() }
        #expect(try connection.query("SELECT 1").count == 1)
        // The server runs as `postgres` and the tests as root: the backend can be stopped from here.
        #expect(kill(connection.backendPID, SIGSTOP) == 0)
        defer { kill(connection.backendPID, SIGCONT) }
        // Without a client deadline the query would wait forever: resume the backend after 10 s so
        // that the test fails instead of hanging.
        let pid = connection.backendPID
        DispatchQueue.global().asyncAfter(deadline: .now() + 10) { kill(pid, SIGCONT) }
        let started = ContinuousClock.now
        let error = #expect(throws: PostgresError.self) { try connection.query("SELECT 1") }
        let waited = ContinuousClock.now - started
        #expect(error?.code == .connectionLost)
        #expect(error?.message == "the database server did not answer within 2 s; the connection was closed")
        #expect(waited >= .milliseconds(1900) && waited < .milliseconds(3500), "\(waited)")
        #expect(!connection.isOpen)
        #expect(throws: PostgresError.self) { try connection.query("SELECT 1") }
    }

    @Test("a statement past the statement timeout is cancelled by the server, and the connection stays usable")
    func serverCancelsFirst() throws {
        let timeouts = PostgresConnection.Timeouts(
            statementMilliseconds: 1000, lockMilliseconds: 1000, graceMilliseconds: 500)
        try PostgresConnection.withConnection(conninfo: try SuiteDatabase.conninfo(), timeouts: timeouts) {
            connection in
            let error = #expect(throws: PostgresError.self) { try connection.query("SELECT pg_sleep(3)") }
            #expect(error?.code == .server)
            #expect(error?.sqlState == PostgresError.SQLState.queryCanceled)
            #expect(connection.isOpen)
            let rows = try connection.query("SELECT 1")
            #expect(rows.count == 1)
        }
    }
}
