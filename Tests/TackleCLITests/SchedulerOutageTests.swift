import Foundation
import LibPQ
import Testing

/// The scheduled job while its PostgreSQL goes away and comes back: a cluster of the test's own
/// (`scripts/pg-cluster`, `test-outage`) is stopped under a running `tackle scheduler run`.
extension HeavyOrTimed {
    @Suite("tackle scheduler through a PostgreSQL outage")
    struct SchedulerOutageTests {
        @Test(
            "PostgreSQL stopped for 10 seconds under a job with default settings: it survives and publishes within 5 s of the server's return"
        )
        func outage() throws {
            let cluster = PrivateCluster(name: "test-outage")
            let admin = try cluster.start()
            defer { try? cluster.stop() }
            try PostgresConnection.withConnection(conninfo: admin) { connection in
                try connection.executeScript("DROP DATABASE IF EXISTS tackle_outage WITH (FORCE)")
                try connection.executeScript("CREATE DATABASE tackle_outage")
            }
            let database = TrackerDatabase(conninfo: try cluster.url("tackle_outage"))
            try database.setUp("db", "migrate")
            try database.setUp("demo", "load", "--without-archive")
            let directory = try ReportDirectory.create("outage")
            defer { directory.remove() }

            // October's report falls due 10 seconds after the job starts: during the outage. The retry
            // settings are the defaults (backoff up to 30 s), which must not delay the recovery.
            let job = try database.tackle.start([
                "scheduler", "run", "--now", "2026-11-05T07:59:50+08:00", "--catch-up", "2", "--output-dir",
                directory.path, "--instance", "outage",
            ])
            defer { if job.process.isRunning { kill(job.process.processIdentifier, SIGKILL) } }
            let periods = { try SchedulerCommandTests.published(database).map(\.period) }
            #expect(try eventually(within: 20) { try periods() == ["2026-08", "2026-09"] }, "the first pass")

            try cluster.stop()
            let down = Date()
            #expect(throws: PostgresError.self, "the server is down") {
                try PostgresConnection.withConnection(conninfo: database.conninfo) { _ in }
            }
            usleep(UInt32(max(0, 10 - Date().timeIntervalSince(down)) * 1_000_000))
            #expect(job.process.isRunning, "the job survives the outage")
            // `start` returns once the server accepts connections (pg_isready), a little after it does.
            try cluster.start()
            let ready = Date()

            let published = eventually(within: 30) {
                (try? periods()) == ["2026-08", "2026-09", "2026-10"]
                    && (FileManager.default.contents(atPath: directory.path + "/index.html").map {
                        String(decoding: $0, as: UTF8.self).contains("2026-10.html")
                    } ?? false)  // the pass has finished: the board's index, its last file, lists October
            }
            let recovery = Date().timeIntervalSince(ready)
            print("scheduler outage: October published and its files written \(recovery) s after the server was ready")
            #expect(published, "October is published once the server is back")
            #expect(recovery <= 5, "published \(recovery) s after the server was ready")
            #expect(job.process.isRunning)
            kill(job.process.processIdentifier, SIGTERM)
            let outcome = try job.wait()
            #expect(outcome.status == 0, "\(outcome)")
            let lines = outcome.stderr.split(separator: "\n")
            #expect(lines.filter { $0.contains("database unavailable; retrying") }.count == 1, "\(outcome)")
            #expect(lines.contains { $0.contains("database is reachable again") }, "\(outcome)")
            #expect(lines.contains { $0.contains("published monthly report") && $0.contains("report.period=2026-10") })
            try SchedulerCommandTests.expectFilesComplete(directory, database)
        }
    }
}
