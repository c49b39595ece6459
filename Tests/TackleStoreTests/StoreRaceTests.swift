import Foundation
import LibPQ
import Logging
import TackleDomain
import TestSupport
import Testing

@testable import TackleStore

/// Writes that race with another writer of the same project, made deterministic: another
/// transaction holds the project row while the operations start; once every operation is waiting
/// on a lock (or finished), that transaction commits and the operations go on.
///
/// Started from separate processes the same interleavings are possible but rare; here they happen
/// every time, so a store method that checks a rule against a project it has not locked fails.
@Suite("store writes racing another writer of the project")
struct StoreRaceTests {
    static let key = "SLAB-CRACK-2026"
    static let logger = Logger(label: "test")

    /// A migrated database with a plant, a leader and an active project opened on 2026-04-01.
    static func seeded(_ label: String) throws -> DatabaseLocation {
        let conninfo = try TestDatabase.create(label: label)
        let location = DatabaseLocation(conninfo: conninfo, source: .option)
        do {
            _ = try Store.withStore(at: location, logger: logger, requireCurrentSchema: false) { try $0.migrate() }
            _ = try Store.withStore(at: location, logger: logger) { store in
                try store.addUnit(TackleDomain.Unit(code: "CC3", name: "连铸三作业区", kind: .workArea), by: "setup")
                try store.addPerson(
                    Person(employeeNo: "E1001", name: "王磊", unitCode: "CC3", partyMember: true), by: "setup")
                try store.open(
                    project: NewProject(
                        key: key, title: "板坯纵裂攻关", problem: "", unitCode: "CC3", leaderNo: "E1001",
                        leaderSelection: .open, openedOn: try LocalDate(year: 2026, month: 4, day: 1),
                        dueOn: try LocalDate(year: 2026, month: 12, day: 31),
                        metric: try DefectMetric(
                            name: "longitudinal crack rate", baseline: try Proportion(defective: 48, inspected: 1500),
                            baselinePeriod: try MonthRange.parse("2026-01..2026-03"), targetRate: 0.005)),
                    by: "setup")
            }
        } catch {
            try? TestDatabase.drop(conninfo: conninfo)
            throw error
        }
        return location
    }

    static func date(_ text: String) throws -> LocalDate { try LocalDate.parse(text) }

    /// Results that threads hand back to the test.
    final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [Int: Result<Void, any Error>] = [:]

        func set(_ index: Int, _ result: Result<Void, any Error>) {
            lock.withLock { values[index] = result }
        }

        var count: Int { lock.withLock { values.count } }

        func all(_ count: Int) -> [Result<Void, any Error>?] {
            lock.withLock { (0..<count).map { values[$0] } }
        }
    }

    /// Runs `hold` in a transaction; while it is open, starts each operation on its own store on
    /// its own thread, waits until each is blocked on a lock or done, then commits `hold`.
    ///
    /// - Returns: How each operation ended.
    static func whileHolding(
        _ location: DatabaseLocation, _ hold: String, _ parameters: [(any PostgresEncodable)?],
        run operations: [@Sendable (Store) throws -> Void]
    ) throws -> [Result<Void, any Error>?] {
        let results = Results()
        let group = DispatchGroup()
        try PostgresConnection.withConnection(conninfo: location.conninfo) { holder in
            try holder.withTransaction { holder in
                try holder.execute(hold, parameters)
                for (index, operation) in operations.enumerated() {
                    group.enter()
                    DispatchQueue.global().async {
                        defer { group.leave() }
                        results.set(
                            index, Result { try Store.withStore(at: location, logger: logger) { try operation($0) } })
                    }
                }
                try waitForLockWaits(operations.count, results: results, location: location)
            }
        }
        #expect(group.wait(timeout: .now() + 30) == .success, "the operations finished after the commit")
        return results.all(operations.count)
    }

    /// Waits until `count` operations are waiting on a lock or have finished (at most 10 seconds).
    static func waitForLockWaits(_ count: Int, results: Results, location: DatabaseLocation) throws {
        try PostgresConnection.withConnection(conninfo: location.conninfo) { observer in
            let deadline = Date().addingTimeInterval(10)
            while Date() < deadline {
                let waiting =
                    try observer.query(
                        """
                        SELECT count(*) AS n FROM pg_stat_activity
                        WHERE datname = current_database() AND wait_event_type = 'Lock'
                        """
                    ).first?.decode(Int.self, "n") ?? 0
                if waiting + results.count >= count { return }
                usleep(5_000)
            }
            Issue.record("the operations neither waited on a lock nor finished within 10 seconds")
        }
    }

    /// The SQL of a close in progress: what `project set-status ... completed --on 2026-06-30` writes.
    static let closing = """
        UPDATE project SET status = 'completed', closed_on = '2026-06-30', version = version + 1 WHERE key = $1
        """

    @Test("a trial logged while the project is being closed is checked against the closing date")
    func trialLogDuringClose() throws {
        let location = try Self.seeded("race_log_close")
        defer { try? TestDatabase.drop(conninfo: location.conninfo ?? "") }
        let results = try Self.whileHolding(
            location, Self.closing, [Self.key],
            run: [
                { store in
                    let trial = try NewTrial(
                        lever: "secondary cooling", startedOn: try Self.date("2026-07-01"),
                        endedOn: try Self.date("2026-07-05"), parameters: [],
                        outcome: try Proportion(defective: 1, inspected: 100))
                    try store.logTrial(trial, in: Self.key, by: "tester")
                }
            ])
        let error = try #require(throws: StoreError.self) { try results[0]?.get() }
        #expect(error.field == "to")
        #expect(error.message.contains("after project \(Self.key) closed (2026-06-30)"))
        let trials = try Store.withStore(at: location, logger: Self.logger) { try $0.trials(of: Self.key) }
        #expect(trials.isEmpty, "no trial dated after the closing was written")
    }

    @Test("a trial corrected while the project is being closed is checked against the closing date")
    func trialCorrectionDuringClose() throws {
        let location = try Self.seeded("race_correct_close")
        defer { try? TestDatabase.drop(conninfo: location.conninfo ?? "") }
        _ = try Store.withStore(at: location, logger: Self.logger) { store in
            try store.logTrial(
                try NewTrial(
                    lever: "secondary cooling", startedOn: try Self.date("2026-06-20"),
                    endedOn: try Self.date("2026-06-25"), parameters: [],
                    outcome: try Proportion(defective: 1, inspected: 100)),
                in: Self.key, by: "tester")
        }
        let results = try Self.whileHolding(
            location, Self.closing, [Self.key],
            run: [
                { store in
                    try store.correctTrial(
                        Self.key, 1, with: TrialCorrection(endedOn: try Self.date("2026-07-05")), expectedVersion: 1,
                        reason: "结束日期录错", by: "tester")
                }
            ])
        let error = try #require(throws: StoreError.self) { try results[0]?.get() }
        #expect(error.field == "to")
        let trial = try Store.withStore(at: location, logger: Self.logger) { try $0.trial(Self.key, 1) }
        #expect(trial.endedOn == (try Self.date("2026-06-25")))
        #expect(trial.version == 1)
    }

    @Test("a close while a trial is being logged is checked against that trial")
    func closeDuringTrialLog() throws {
        let location = try Self.seeded("race_close_log")
        defer { try? TestDatabase.drop(conninfo: location.conninfo ?? "") }
        // What `trial log` writes (it locks the project first): T1 running 2026-07-01..2026-07-10.
        let logging = """
            WITH locked AS (SELECT id FROM project WHERE key = $1 FOR UPDATE)
            INSERT INTO trial (project_id, number, lever, started_on, ended_on, inspected, defective)
            SELECT id, 1, 'secondary cooling', '2026-07-01', '2026-07-10', 100, 1 FROM locked
            """
        let results = try Self.whileHolding(
            location, logging, [Self.key],
            run: [
                { store in
                    try store.setStatus(
                        of: Self.key, to: .completed, on: try Self.date("2026-06-30"), reason: "结题", by: "tester")
                }
            ])
        let error = try #require(throws: StoreError.self) { try results[0]?.get() }
        #expect(error.field == "on")
        #expect(error.message.contains("T1"))
        let project = try Store.withStore(at: location, logger: Self.logger) { try $0.project(Self.key) }
        #expect(project.status == .active)
        #expect(project.closedOn == nil)
    }

    @Test("a month recorded monthly and daily at the same time keeps only one of the two")
    func monthlyAndDailyAtOnce() throws {
        let location = try Self.seeded("race_month_day")
        defer { try? TestDatabase.drop(conninfo: location.conninfo ?? "") }
        let counts = try Proportion(defective: 2, inspected: 100)
        // Another writer of the project (any tackle write that locks it) holds the row meanwhile.
        let results = try Self.whileHolding(
            location, "SELECT id FROM project WHERE key = $1 FOR UPDATE", [Self.key],
            run: [
                { store in
                    try store.recordObservation(
                        Self.key, granularity: .month, periodStart: try Self.date("2026-06-01"), counts: counts,
                        by: "tester")
                },
                { store in
                    try store.recordObservation(
                        Self.key, granularity: .day, periodStart: try Self.date("2026-06-15"), counts: counts,
                        by: "tester")
                },
            ])
        let succeeded = results.filter { if case .success? = $0 { true } else { false } }
        #expect(succeeded.count == 1, "exactly one of the two is recorded: \(results)")
        let observations = try Store.withStore(at: location, logger: Self.logger) { try $0.observations(of: Self.key) }
        #expect(observations.count == 1, "June is recorded monthly or daily, not both: \(observations)")
    }
}
