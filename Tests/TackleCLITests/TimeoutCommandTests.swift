import Foundation
import LibPQ
import Testing

/// `trial log` against a server that stops answering, a lock another session holds, and timeout
/// settings that are not durations.
@Suite("tackle under timeouts: a frozen server, a held lock, bad settings")
struct TimeoutCommandTests {
    static let key = "SLAB-CRACK-2026"
    static let trialLog = [
        "trial", "log", key, "--lever", "secondary cooling", "--param", "specific_water=0.62L/kg", "--inspected",
        "320", "--defective", "3", "--from", "2026-05-01",
    ]

    /// A tracker with one project, and a session of the test's own holding that project's row
    /// (as a colleague's unfinished `trial log` would), so `trial log` waits for it.
    static func trackerWithHeldProject(_ label: String) throws -> (TrackerDatabase, PostgresConnection) {
        let database = try TrackerDatabase.withProject(key, label: label)
        let holder = try PostgresConnection.connect(conninfo: database.conninfo, applicationName: "shift report tool")
        try holder.executeScript("BEGIN")
        try holder.execute("SELECT id FROM project WHERE key = $1 FOR UPDATE", [key])
        return (database, holder)
    }

    @Test("a backend stopped mid-command: trial log gives up after the statement timeout and its grace, exit 4")
    func frozenBackend() throws {
        let (database, holder) = try Self.trackerWithHeldProject("frozen")
        defer { database.drop() }
        defer { holder.close() }
        var tackle = database.tackle
        tackle.environment["TACKLE_STATEMENT_TIMEOUT"] = "3"
        let job = try tackle.start(Self.trialLog)
        defer { if job.process.isRunning { kill(job.process.processIdentifier, SIGKILL) } }

        // Its session, found by the application name tackle gives it, waits for the held row. (A
        // transaction sees one snapshot of pg_stat_activity: each look is a transaction of its own.)
        let observer = try PostgresConnection.connect(conninfo: database.conninfo)
        defer { observer.close() }
        var backend: Int32?
        let found = try eventually(within: 5) {
            backend = try observer.query(
                """
                SELECT pid FROM pg_stat_activity
                WHERE datname = current_database() AND application_name = 'tackle trial log' AND wait_event_type = 'Lock'
                """
            ).first?.decode(Int32.self, "pid")
            return backend != nil
        }
        let pid = try #require(backend, "trial log's session waits for the lock: \(found)")
        // The tests run as root and the server as `postgres`: the backend can be stopped from here.
        #expect(kill(pid, SIGSTOP) == 0)
        defer { kill(pid, SIGCONT) }

        // Without a client deadline it would wait forever: after 15 s it is killed, and fails below.
        let ended = eventually(within: 15) { !job.process.isRunning }
        #expect(ended, "trial log still waited 15 s after its backend stopped")
        if !ended { kill(job.process.processIdentifier, SIGKILL) }
        let outcome = try job.wait()
        // trial log writes in one statement that commits by itself: a server that stops answering
        // during it may or may not have committed, so the outcome is unknown (exit 4), with the advice.
        #expect(outcome.status == 4, "\(outcome)")
        #expect(
            outcome.stderr
                == "Error: the database connection was lost while committing: the change may or may not have been "
                + "saved; check with `tackle trial list KEY` (or the matching list command) before retrying, or "
                + "retry with the same --request-id\n", "\(outcome)")
        #expect(
            outcome.seconds >= 4.9 && outcome.seconds < 7.5, "3 s statement timeout + 2 s grace: \(outcome.seconds)")

        kill(pid, SIGCONT)
        try holder.executeScript("ROLLBACK")
        #expect(try database.integer("SELECT count(*) AS n FROM trial") == 0, "nothing written")
        try database.tackle.succeed(Self.trialLog)  // and the command works once the lock is gone
    }

    @Test("a lock held past the lock timeout: trial log names the holder and writes nothing")
    func heldLock() throws {
        let (database, holder) = try Self.trackerWithHeldProject("lock")
        defer { database.drop() }
        defer { holder.close() }
        var tackle = database.tackle
        tackle.environment["TACKLE_LOCK_TIMEOUT"] = "2"
        let outcome = try tackle.run(Self.trialLog)
        #expect(outcome.status == 1, "\(outcome)")
        let since = try #require(
            try holder.query(
                "SELECT to_char(xact_start, 'YYYY-MM-DD HH24:MI:SS') FROM pg_stat_activity WHERE pid = pg_backend_pid()"
            )
            .first?.decode(String.self, at: 0))
        #expect(
            outcome.stderr
                == "Error: waited 2 s for a lock held by shift report tool (pid \(holder.backendPID), user postgres, "
                + "since \(since) UTC); try again later or ask them to finish\n", "\(outcome)")
        #expect(outcome.seconds >= 2 && outcome.seconds < 4.5, "\(outcome.seconds)")

        // A lock_timeout in PGOPTIONS wins over TACKLE_LOCK_TIMEOUT, and the message says so.
        tackle.environment["PGOPTIONS"] = "-c lock_timeout=1s"
        tackle.environment["TACKLE_LOCK_TIMEOUT"] = "30"
        let overridden = try tackle.run(Self.trialLog)
        #expect(overridden.status == 1, "\(overridden)")
        #expect(overridden.stderr.hasPrefix("Error: waited 1 s for a lock held by shift report tool"), "\(overridden)")
        #expect(overridden.seconds < 3.5, "\(overridden.seconds)")

        try holder.executeScript("ROLLBACK")
        #expect(try database.integer("SELECT count(*) AS n FROM trial") == 0, "nothing written")
        try database.tackle.succeed(Self.trialLog)  // and the command works once the lock is gone
    }

    @Test(
        "a timeout that is not a duration is refused, naming the variable",
        arguments: [
            ("TACKLE_STATEMENT_TIMEOUT", "soon"), ("TACKLE_LOCK_TIMEOUT", "-1"), ("TACKLE_LOCK_TIMEOUT", "5 sec"),
        ])
    func invalidSetting(variable: String, value: String) throws {
        var tackle = TackleProcess(conninfo: "postgresql:///tackle?host=/nonexistent/tackle-timeouts")
        tackle.environment[variable] = value
        let outcome = try tackle.run("project", "list")
        #expect(outcome.status == 1, "\(outcome)")
        #expect(
            outcome.stderr
                == "Error: \(variable): '\(value)' is not a duration; give seconds (30) or a PostgreSQL duration "
                + "(45s, 2min, 500ms)\n", "\(outcome)")
    }
}
