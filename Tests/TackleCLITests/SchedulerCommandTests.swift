import Foundation
import LibPQ
import TestSupport
import Testing

/// The scheduled report job as operators run it: real `tackle scheduler run` processes, several at
/// once, killed, stopped by signals, on the demo plant in a real PostgreSQL.
@Suite("tackle scheduler")
struct SchedulerCommandTests {
    /// A migrated database with the demo plant.
    static func demo(_ label: String) throws -> TrackerDatabase {
        let database = try TrackerDatabase.create(label: label)
        do {
            try database.setUp("demo", "load", "--without-archive")
        } catch {
            database.drop()
            throw error
        }
        return database
    }

    /// A demo database and an empty output directory; give both to ``remove(_:_:)`` when done.
    static func demoWithDirectory(_ label: String) throws -> (TrackerDatabase, ReportDirectory) {
        let database = try demo(label)
        do {
            return (database, try ReportDirectory.create(label))
        } catch {
            database.drop()
            throw error
        }
    }

    /// A `--once` pass on 2026-11-01 after the due time, publishing 2026-08 to 2026-10.
    static func passToOctober(_ directory: ReportDirectory) -> [String] {
        [
            "scheduler", "run", "--once", "--now", "2026-11-05T09:00:00+08:00", "--catch-up", "3", "--output-dir",
            directory.path,
        ]
    }

    static func remove(_ database: TrackerDatabase, _ directory: ReportDirectory) {
        database.drop()
        directory.remove()
    }

    /// The published reports: period, instance and content, oldest first.
    static func published(
        _ database: TrackerDatabase
    ) throws -> [(period: String, instance: String, text: String, json: String)] {
        try database.withConnection { connection in
            try connection.query(
                """
                SELECT to_char(period, 'YYYY-MM') AS period, instance, text_report, json_report
                FROM published_report ORDER BY period
                """
            ).map {
                (
                    try $0.decode(String.self, "period"), try $0.decode(String.self, "instance"),
                    try $0.decode(String.self, "text_report"), try $0.decode(String.self, "json_report")
                )
            }
        }
    }

    /// The first month with any data in the database: a project opened, a figure, a trial.
    static func firstDataMonth(_ database: TrackerDatabase) throws -> String {
        try database.withConnection { connection in
            try connection.query(
                """
                SELECT to_char(least((SELECT min(opened_on) FROM project), (SELECT min(period_start) FROM observation),
                                     (SELECT min(started_on) FROM trial)), 'YYYY-MM') AS first
                """
            ).first!.decode(String.self, "first")
        }
    }

    /// How many reports a `--once` pass says it published.
    static func publishedCount(_ outcome: TackleProcess.Outcome) -> Int? {
        guard let match = outcome.stderr.firstMatch(of: /(\d+) report\(s\) published/) else { return nil }
        return Int(match.1)
    }

    /// Checks that every published month has both files, byte for byte as archived, and that no
    /// temporary file is left.
    static func expectFilesComplete(
        _ directory: ReportDirectory, _ database: TrackerDatabase, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let reports = try published(database)
        for report in reports {
            #expect(
                directory.contents(report.period, "txt") == report.text, "\(report.period).txt",
                sourceLocation: sourceLocation)
            #expect(
                directory.contents(report.period, "json") == report.json, "\(report.period).json",
                sourceLocation: sourceLocation)
        }
        let expected = reports.flatMap { ["tackle-status-\($0.period).json", "tackle-status-\($0.period).txt"] }
        // The board's HTML files are checked in SchedulerBoardTests; here the reports and no temporary file.
        #expect(
            try directory.names().filter { !$0.hasSuffix(".html") } == expected.sorted(), "only complete report files",
            sourceLocation: sourceLocation)
    }

    /// Holds an uncommitted archive row for `month`, so that a scheduler publishing it waits on the
    /// row lock, in the middle of its pass; `body` runs meanwhile, then the row is rolled back.
    static func holdingMonth<T>(_ month: String, in database: TrackerDatabase, _ body: () throws -> T) throws -> T {
        try database.withConnection { connection in
            try connection.executeScript("BEGIN")
            try connection.execute(
                """
                INSERT INTO published_report (period, instance, data_cutoff, time_zone, text_report, json_report,
                                              text_sha256, json_sha256)
                VALUES ($1::date, 'test-lock', ($1::date + interval '1 month - 1 day')::date, 'UTC', '', '{}',
                        repeat('0', 64), repeat('0', 64))
                """, ["\(month)-01"])
            defer { try? connection.executeScript("ROLLBACK") }
            return try body()
        }
    }

    /// Sends `signal` to a running job and waits for it; returns how it ended and how many seconds
    /// that took.
    static func stop(_ job: TackleProcess.Running, with signal: Int32) throws -> (TackleProcess.Outcome, Double) {
        let signalled = Date()
        kill(job.process.processIdentifier, signal)
        let outcome = try job.wait()
        return (outcome, Date().timeIntervalSince(signalled))
    }

    /// True while a `tackle` session of the database waits for a lock.
    static func schedulerIsWaitingOnLock(_ database: TrackerDatabase) throws -> Bool {
        try database.integer(
            """
            SELECT count(*) AS n FROM pg_stat_activity
            WHERE datname = current_database() AND application_name = 'tackle scheduler run'
              AND wait_event_type = 'Lock'
            """) > 0
    }

    @Test("three --once passes at the same moment publish each of the 24 due months exactly once, files complete")
    func threeInstancesAtOnce() throws {
        let (database, directory) = try Self.demoWithDirectory("sched_three")
        defer { Self.remove(database, directory) }
        let first = try Self.firstDataMonth(database)
        let due = months(from: first, count: 24)
        // 24 months after the first data, past the 06:00 due time of the 1st.
        let now = months(from: first, count: 25).last! + "-05T09:00:00+08:00"

        let running = try ["plant-a", "plant-b", "plant-c"].map { instance in
            try database.tackle.start([
                "scheduler", "run", "--once", "--now", now, "--output-dir", directory.path, "--instance", instance,
            ])
        }
        let outcomes = try running.map { try $0.wait() }
        for outcome in outcomes {
            #expect(outcome.status == 0, "\(outcome)")
            #expect(outcome.stdout.isEmpty, "data goes to files; messages to stderr")
        }
        #expect(outcomes.compactMap(Self.publishedCount).reduce(0, +) == 24, "between them, 24 publications")

        let reports = try Self.published(database)
        #expect(reports.map(\.period) == due, "each due month once, oldest \(first)")
        #expect(Set(reports.map(\.instance)).isSubset(of: ["plant-a", "plant-b", "plant-c"]))
        try Self.expectFilesComplete(directory, database)

        // The archived report is what `tackle report monthly` prints for that month.
        for month in ["2026-05", "2026-10"] {
            let text = try database.tackle.succeed("report", "monthly", "--month", month, "--lang", "zh")
            let json = try database.tackle.succeed("report", "monthly", "--month", month, "--format", "json")
            #expect(directory.contents(month, "txt") == text.stdout)
            #expect(directory.contents(month, "json") == json.stdout)
            let shown = try database.tackle.succeed("report", "archive", "show", month)
            #expect(shown.stdout == text.stdout)
            let shownJSON = try database.tackle.succeed("report", "archive", "show", month, "--format", "json")
            #expect(shownJSON.stdout == json.stdout)
        }
        let list = try database.tackle.succeed("report", "archive", "list", "--json")
        let entries = try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]] ?? []
        #expect(entries.compactMap { $0["period"] as? String } == due)
        #expect(entries.allSatisfy { ($0["text_sha256"] as? String)?.count == 64 })
        #expect((entries.first?["data_cutoff"] as? String)?.hasPrefix("\(first)-") == true, "\(list)")

        // A later pass finds everything done.
        let again = try database.tackle.succeed(
            "scheduler", "run", "--once", "--now", now, "--output-dir", directory.path)
        #expect(Self.publishedCount(again) == 0)
        #expect(try Self.published(database).count == 24)
    }

    @Test("a pass rewrites a missing or truncated file from the archive and clears a stale temporary file")
    func repairsFiles() throws {
        let (database, directory) = try Self.demoWithDirectory("sched_repair")
        defer { Self.remove(database, directory) }
        let once = Self.passToOctober(directory)
        try database.tackle.succeed(once)
        let before = try database.integer("SELECT count(*) AS n FROM published_report")
        #expect(before == 3)

        // As after a crash between the archive's commit and the rename, or a careless operator.
        try FileManager.default.removeItem(atPath: directory.file("2026-09", "txt"))
        let truncated = directory.contents("2026-10", "json")!.prefix(100)
        try Data(truncated.utf8).write(to: URL(fileURLWithPath: directory.file("2026-10", "json")))
        let stale = directory.path + "/.tackle-status-2026-10.json.4242.1.tmp"
        try Data("half a rep".utf8).write(to: URL(fileURLWithPath: stale))
        try FileManager.default.setAttributes(
            [.modificationDate: Date().addingTimeInterval(-3600)], ofItemAtPath: stale)

        let repair = try database.tackle.succeed(once)
        #expect(Self.publishedCount(repair) == 0)
        #expect(repair.stderr.contains("2 month(s) of files written"), "\(repair)")
        #expect(repair.stderr.contains("rewrote report files from the archive"), "\(repair)")
        #expect(try database.integer("SELECT count(*) AS n FROM published_report") == before, "nothing republished")
        try Self.expectFilesComplete(directory, database)
    }

    @Test("catch-up publishes at most --catch-up months, oldest first; a wider bound fills in the older ones")
    func catchUpBound() throws {
        let (database, directory) = try Self.demoWithDirectory("sched_catch_up")
        defer { Self.remove(database, directory) }
        let now = "2026-12-05T08:00:00+08:00"  // exactly due: November is the newest due month
        let narrow = try database.tackle.succeed(
            "scheduler", "run", "--once", "--now", now, "--catch-up", "4", "--output-dir", directory.path)
        #expect(Self.publishedCount(narrow) == 4)
        #expect(try Self.published(database).map(\.period) == ["2026-08", "2026-09", "2026-10", "2026-11"])

        let wide = try database.tackle.succeed(
            "scheduler", "run", "--once", "--now", now, "--catch-up", "6", "--output-dir", directory.path)
        #expect(Self.publishedCount(wide) == 2)
        #expect(try Self.published(database).map(\.period) == months(from: "2026-06", count: 6))
        try Self.expectFilesComplete(directory, database)

        // A minute before its due time (the 5th, 08:00) December is not due; at 08:00 it is.
        let early = try database.tackle.succeed(
            "scheduler", "run", "--once", "--now", "2027-01-05T07:59:00+08:00", "--catch-up", "1", "--output-dir",
            directory.path)
        #expect(Self.publishedCount(early) == 0)
        let onTime = try database.tackle.succeed(
            "scheduler", "run", "--once", "--now", "2027-01-05T08:00:00+08:00", "--catch-up", "1", "--output-dir",
            directory.path)
        #expect(Self.publishedCount(onTime) == 1)
        #expect(try Self.published(database).last?.period == "2026-12")
    }

    @Test("a database without data publishes nothing and writes no file")
    func nothingToPublish() throws {
        let database = try TrackerDatabase.create(label: "sched_empty")
        defer { database.drop() }
        let directory = try ReportDirectory.create("empty")
        defer { directory.remove() }
        let outcome = try database.tackle.succeed("scheduler", "run", "--once", "--output-dir", directory.path)
        #expect(Self.publishedCount(outcome) == 0)
        #expect(try directory.names().isEmpty)
    }

    @Test("SIGKILL in the middle of publishing leaves no half report; the next pass publishes the month once")
    func killedMidPublish() throws {
        let (database, directory) = try Self.demoWithDirectory("sched_kill")
        defer { Self.remove(database, directory) }
        let once = Self.passToOctober(directory)
        try Self.holdingMonth("2026-09", in: database) {
            let victim = try database.tackle.start(once + ["--instance", "victim"])
            let blocked = try eventually(within: 20) { try Self.schedulerIsWaitingOnLock(database) }
            #expect(blocked, "the pass reached 2026-09 and waits to insert it")
            // 2026-08 was published and its files written before the pass reached 2026-09.
            #expect(try Self.published(database).map(\.period) == ["2026-08"])
            kill(victim.process.processIdentifier, SIGKILL)
            let outcome = try victim.wait()
            #expect(outcome.status == SIGKILL, "Foundation reports the killing signal as the status: \(outcome)")
        }
        #expect(try Self.published(database).map(\.period) == ["2026-08"], "nothing of the killed publication is kept")
        try Self.expectFilesComplete(directory, database)

        let next = try database.tackle.succeed(once + ["--instance", "survivor"])
        #expect(Self.publishedCount(next) == 2)
        let reports = try Self.published(database)
        #expect(reports.map(\.period) == ["2026-08", "2026-09", "2026-10"])
        #expect(reports.map(\.instance) == ["victim", "survivor", "survivor"])
        try Self.expectFilesComplete(directory, database)
    }

    @Test("SIGTERM while a pass waits on the database ends the job within 2 seconds, exit 0, nothing half-published")
    func sigtermMidPass() throws {
        let (database, directory) = try Self.demoWithDirectory("sched_term_busy")
        defer { Self.remove(database, directory) }
        let run = [
            "scheduler", "run", "--now", "2026-11-05T09:00:00+08:00", "--catch-up", "3", "--output-dir", directory.path,
        ]
        try Self.holdingMonth("2026-09", in: database) {
            let job = try database.tackle.start(run)
            #expect(try eventually(within: 20) { try Self.schedulerIsWaitingOnLock(database) })
            let (outcome, seconds) = try Self.stop(job, with: SIGTERM)
            #expect(outcome.status == 0, "\(outcome)")
            #expect(seconds < 2, "stopped \(seconds) s after SIGTERM")
            #expect(outcome.stderr.contains("abandoned a pass"), "\(outcome)")
        }
        #expect(try Self.published(database).map(\.period) == ["2026-08"])
        try Self.expectFilesComplete(directory, database)
    }

    @Test(
        "SIGTERM or SIGINT of an idle job: exit 0 within 2 seconds, every file complete", arguments: [SIGTERM, SIGINT])
    func signalWhenIdle(_ signal: Int32) throws {
        let (database, directory) = try Self.demoWithDirectory("sched_signal_\(signal)")
        defer { Self.remove(database, directory) }
        let job = try database.tackle.start([
            "scheduler", "run", "--now", "2026-11-05T09:00:00+08:00", "--catch-up", "5", "--output-dir", directory.path,
        ])
        let published = try eventually(within: 20) {
            try database.integer("SELECT count(*) AS n FROM published_report") == 5
                && (try directory.names().filter { $0.hasPrefix("tackle-status-") }.count) == 10
                && (try directory.names().contains("index.html"))
        }
        #expect(published, "the first pass publishes the five due months")
        usleep(300_000)  // into the idle sleep
        let (outcome, seconds) = try Self.stop(job, with: signal)
        #expect(outcome.status == 0, "\(outcome)")
        #expect(seconds < 2, "stopped \(seconds) s after the signal")
        #expect(outcome.stdout.isEmpty)
        // One info line per publication, none for the idle pass, and the stop.
        let lines = outcome.stderr.split(separator: "\n")
        #expect(lines.filter { $0.contains("published monthly report") }.count == 5, "\(outcome)")
        #expect(lines.filter { $0.contains("report.period=2026-10") && $0.contains("report.duration_ms=") }.count == 1)
        #expect(lines.last?.contains("scheduler stopped") == true, "\(outcome)")
        #expect(lines.count == 7, "started, five publications, stopped: \(outcome)")
        try Self.expectFilesComplete(directory, database)
    }

    @Test("with migrations pending the job refuses to start, saying so, exit 3", arguments: [true, false])
    func pendingMigrations(once: Bool) throws {
        let conninfo = try TestDatabase.create(label: "sched_pending")
        defer { try? TestDatabase.drop(conninfo: conninfo) }
        let directory = try ReportDirectory.create("pending")
        defer { directory.remove() }
        let tackle = TackleProcess(conninfo: conninfo)
        let outcome = try tackle.run(["scheduler", "run", "--output-dir", directory.path] + (once ? ["--once"] : []))
        #expect(outcome.status == 3, "\(outcome)")
        #expect(outcome.stderr.contains("run `tackle db migrate`"), "\(outcome)")
        #expect(!outcome.stderr.contains("scheduler started"), "it never started")
        #expect(try directory.names().isEmpty)
    }

    @Test("an unreachable database: --once exits 2 within 5 s; the service keeps retrying and stops on SIGTERM")
    func unreachable() throws {
        let tackle = TackleProcess(conninfo: "postgresql:///tackle?host=/nonexistent/tackle-sched&connect_timeout=2")
        let directory = try ReportDirectory.create("unreachable")
        defer { directory.remove() }
        let once = try tackle.run("scheduler", "run", "--once", "--output-dir", directory.path)
        #expect(once.status == 2, "\(once)")
        #expect(once.seconds < 5)
        #expect(once.stderr.split(separator: "\n").count == 1, "\(once)")
        #expect(once.stderr.contains("TACKLE_DATABASE_URL"), "says where it tried: \(once)")

        let job = try tackle.start(["scheduler", "run", "--output-dir", directory.path, "--retry-max-seconds", "0.5"])
        sleep(3)
        #expect(job.process.isRunning, "it does not exit while the database is away")
        kill(job.process.processIdentifier, SIGTERM)
        let outcome = try job.wait()
        #expect(outcome.status == 0, "\(outcome)")
        let warnings = outcome.stderr.split(separator: "\n").filter { $0.contains("database unavailable") }
        #expect(warnings.count == 1, "logged once, not at every retry: \(outcome)")
    }

    @Test(
        "bad settings are refused naming the option, and nothing is published",
        arguments: [
            (["--due-day", "31"], "--due-day"), (["--due-time", "6am"], "--due-time"),
            (["--now", "tomorrow"], "--now"),
            (["--catch-up", "0"], "--catch-up"), (["--time-zone", "Mars/Olympus"], "--time-zone"),
        ])
    func badSettings(_ arguments: [String], _ field: String) throws {
        let (database, directory) = try Self.demoWithDirectory("sched_bad")
        defer { Self.remove(database, directory) }
        let outcome = try database.tackle.run(
            ["scheduler", "run", "--once", "--output-dir", directory.path] + arguments)
        #expect(outcome.status == 1, "\(outcome)")
        #expect(outcome.stderr.hasPrefix("Error: \(field)"), "\(outcome)")
        #expect(try database.integer("SELECT count(*) AS n FROM published_report") == 0)
    }

    @Test("report archive show: an unpublished month and a malformed month are refused, naming it")
    func archiveShowRefusals() throws {
        let database = try TrackerDatabase.create(label: "sched_archive_show")
        defer { database.drop() }
        let missing = try database.tackle.run("report", "archive", "show", "2026-05")
        #expect(missing.status == 1)
        #expect(missing.stderr == "Error: no report for 2026-05 has been published\n", "\(missing)")
        let malformed = try database.tackle.run("report", "archive", "show", "2026-13")
        #expect(malformed.status == 1)
        #expect(malformed.stderr.contains("month"), "\(malformed)")
        let list = try database.tackle.succeed("report", "archive", "list", "--json")
        #expect(list.stdout.filter { !$0.isWhitespace } == "[]", "\(list)")
    }
}
