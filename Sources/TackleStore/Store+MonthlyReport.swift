import Dispatch
import LibPQ
import TackleDomain

extension Store {
    /// Gathers everything the monthly status and assessment of `month` need, for all projects at once.
    ///
    /// Set-based queries whatever the number of projects: per month, the projects with their
    /// figures, the trials, the milestones; then the rubrics and the talks. Only data dated up to
    /// `asOf` (the month's end, or today while the month runs) counts, so a past month prints the
    /// same however often and whenever it is printed:
    /// - the status is the one in force at that day (dated status changes), and the leader the
    ///   one who led then (the member with the role `leader`);
    /// - projects opened by then and not closed before the month began are listed;
    /// - figures of the month and the month before (monthly and daily records summed), with the
    ///   day, in `timeZone`, the month's figures were first recorded, and of the six months up to
    ///   the month for its trend;
    /// - trials that ended in the month, and those of the last twelve months as trial work;
    /// - milestones, with completions after that day not yet counted; milestones cancelled by then
    ///   count nowhere, nor do voided trials and figures.
    ///
    /// The previous month's facts come along, for the follow-up of the projects called in then,
    /// unless `withFollowUp` is false (the yearly report, which has no follow-up, reads each month once).
    ///
    /// - Parameters:
    ///   - month: The month.
    ///   - asOf: The last day whose data counts; by default the month's last day.
    ///   - timeZone: The plant's time zone, for the day figures were recorded.
    ///   - withFollowUp: Gather the previous month and its talks too.
    ///   - plans: Where to make the month's trial plans while the last statements run, for
    ///     ``MonthlyReport/init(facts:plans:)``; nil to leave them to the report.
    /// - Returns: The facts, for ``MonthlyReport/init(facts:)``.
    public func monthlyReportFacts(
        for month: Month, asOf: LocalDate? = nil, timeZone: String = "Asia/Shanghai", withFollowUp: Bool = true,
        plans: TrialPlans? = nil
    ) throws -> MonthlyReportFacts {
        let reads = MonthlyReportReads(month: month, asOf: asOf, timeZone: timeZone, withFollowUp: withFollowUp)
        // Each result is decoded on a queue of its own while the next statement runs on the server:
        // the server's time and the decoding overlap instead of adding up.
        let reader = MonthlyReportFactsReader(reads: reads, plans: plans)
        let decoding = DispatchQueue(label: "tackle.monthly-report.decoding")
        return try translatingErrors {
            do {
                try withReportSnapshot {
                    for read in reads.reads {
                        let statement = reads.statement(read)
                        let rows = try connection.query(statement.sql, statement.parameters)
                        decoding.async { reader.take(rows, of: read) }
                    }
                }
            } catch {
                decoding.sync {}
                throw error
            }
            return try decoding.sync { try reader.facts() }
        }
    }

    /// The psql script of the statements ``monthlyReportFacts(for:asOf:timeZone:withFollowUp:)``
    /// runs, in the same read-only snapshot, with the same parameters (`PREPARE` and `EXECUTE`):
    /// what `tackle report monthly --print-sql` prints, and what the benchmark times as the
    /// report's floor.
    ///
    /// - Parameters: As ``monthlyReportFacts(for:asOf:timeZone:withFollowUp:)``.
    /// - Returns: The script, for `psql -X -v ON_ERROR_STOP=1`.
    public static func monthlyReportScript(
        for month: Month, asOf: LocalDate? = nil, timeZone: String = "Asia/Shanghai", withFollowUp: Bool = true
    ) -> String {
        let reads = MonthlyReportReads(month: month, asOf: asOf, timeZone: timeZone, withFollowUp: withFollowUp)
        var lines = [
            "-- The statements tackle runs for the monthly report of \(month) (as of \(reads.cutoff)), in one snapshot.",
            MonthlyReportReads.begin + ";",
        ]
        lines += MonthlyReportReads.settings.map { $0 + ";" }
        for (index, read) in reads.reads.enumerated() {
            let name = "tackle_" + String(describing: read).lowercased()
            lines += PsqlScript.prepared(reads.statement(read), name: name, number: index + 1)
        }
        lines.append("COMMIT;")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Runs `body` in the report's read-only snapshot (see ``MonthlyReportReads/begin``): one
    /// round trip to begin it with its settings, one to end it.
    ///
    /// Inside a caller's transaction (the demo's load) the snapshot is the caller's; the settings
    /// then hold for a savepoint's length.
    private func withReportSnapshot(_ body: () throws -> Void) throws {
        let settings = MonthlyReportReads.settings.joined(separator: "; ")
        if connection.isInTransaction {
            try connection.withTransaction { connection in
                try connection.executeScript(settings)
                try body()
            }
            return
        }
        do {
            try connection.executeScript(MonthlyReportReads.begin + "; " + settings)
            try body()
            try connection.executeScript("COMMIT")
        } catch {
            // Nothing was written; a lost connection has ended the transaction on the server anyway.
            if connection.isInTransaction { try? connection.executeScript("ROLLBACK") }
            throw error
        }
    }
}
