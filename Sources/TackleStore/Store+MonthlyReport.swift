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
    /// - Returns: The facts, for ``MonthlyReport/init(facts:)``.
    public func monthlyReportFacts(
        for month: Month, asOf: LocalDate? = nil, timeZone: String = "Asia/Shanghai", withFollowUp: Bool = true
    ) throws -> MonthlyReportFacts {
        let reads = MonthlyReportReads(month: month, asOf: asOf, timeZone: timeZone, withFollowUp: withFollowUp)
        return try translatingErrors {
            var results: [MonthlyReportReads.Read: PostgresRows] = [:]
            try withReportSnapshot {
                for read in reads.reads {
                    let statement = reads.statement(read)
                    results[read] = try connection.query(statement.sql, statement.parameters)
                }
            }
            return try facts(of: reads, from: results)
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

    /// The facts, from the results of every read.
    private func facts(
        of reads: MonthlyReportReads, from results: [MonthlyReportReads.Read: PostgresRows]
    ) throws -> MonthlyReportFacts {
        func rows(_ read: MonthlyReportReads.Read) -> [PostgresRow] { results[read].map(Array.init) ?? [] }
        let month = reads.month
        let previous = month.previous
        let rubrics = try rows(.rubrics).map(Self.rubric(from:))
        let work = try Self.trialWork(from: rows(.trialWork))
        let milestones = try rows(.milestones).map(MilestoneRow.init)
        let projects = try Self.projectFacts(
            rows(.projects), months: reads.months, asOf: reads.cutoff, work: work,
            trials: try rows(.monthTrials).map(Self.trial(from:)), earlier: rows(.earlierOutcomes),
            milestones: milestones)
        let previousProjects =
            reads.withFollowUp
            ? try Self.projectFacts(
                rows(.previousProjects), months: reads.previousMonths, asOf: previous.lastDay, work: work,
                trials: [], earlier: [], milestones: milestones) : []
        let talks = try rows(.talks).map(Self.talk(from:)).filter { $0.heldOn <= reads.cutoff }
        return MonthlyReportFacts(
            month: month, asOf: reads.cutoff, projects: projects, rubric: Self.rubric(for: month, in: rubrics),
            previousProjects: previousProjects, previousRubric: Self.rubric(for: previous, in: rubrics),
            talks: talks)
    }

    /// The facts of every project listed in the last of `months`, as of `asOf`.
    ///
    /// For the previous month's follow-up (which needs its ranking and who was called in, not its
    /// trials' verdicts), `months` are that month and the one before, and there are no `trials`
    /// nor `earlier` outcomes: the month's trials count only as trial work (so no verdicts and no
    /// plans).
    ///
    /// - Parameters:
    ///   - projects: The rows of ``MonthlyReportReads/projects(months:asOf:timeZone:)``.
    ///   - months: The months summed, oldest first; the last is the month.
    ///   - asOf: The last day whose data counts.
    ///   - work: The trial work by project id and month, covering at least the twelve months up to the month.
    ///   - trials: The trials that ended in the month.
    ///   - earlier: The rows of ``MonthlyReportReads/earlierOutcomesSQL``.
    ///   - milestones: The milestones, to be seen as of `asOf`.
    private static func projectFacts(
        _ projects: [PostgresRow], months: [Month], asOf: LocalDate, work: [Int: [ProjectFacts.TrialWork]],
        trials: [Trial], earlier: [PostgresRow], milestones: [MilestoneRow]
    ) throws -> [ProjectFacts] {
        guard let month = months.last else { return [] }
        var keys: [Int: String] = [:]
        for row in projects { keys[try row.decode(Int.self, "id")] = try row.decode(String.self, "key") }
        var earlierByProject: [String: [Proportion]] = [:]
        for row in earlier {
            guard let key = keys[try row.decode(Int.self, at: 0)] else { continue }
            earlierByProject[key, default: []].append(
                try Proportion(defective: try row.decode(Int.self, at: 1), inspected: try row.decode(Int.self, at: 2)))
        }
        let trialsByProject = Dictionary(grouping: trials, by: \.projectKey)
        var milestonesByProject: [String: [Milestone]] = [:]
        for milestone in milestones {
            if let seen = milestone.seen(asOf: asOf) { milestonesByProject[seen.projectKey, default: []].append(seen) }
        }
        let last = months.count - 1
        return try projects.map { row in
            let key = try row.decode(String.self, "key")
            let status = try ProjectStatus.parse(try row.decode(String.self, "status_then"))
            return ProjectFacts(
                key: key,
                title: try row.decode(String.self, "title"),
                unitCode: try row.decode(String.self, "unit_code"),
                leaderNo: try row.decode(String.self, "leader_no"),
                leaderName: try row.decode(String.self, "leader_name"),
                status: status,
                openedOn: try row.decode(LocalDate.self, "opened_on"),
                dueOn: try row.decode(LocalDate.self, "due_on"),
                closedOn: status.isFinished ? try row.decode(LocalDate.self, "changed_on") : nil,
                metricName: try row.decode(String.self, "metric_name"),
                baseline: try Proportion(
                    defective: try row.decode(Int.self, "baseline_defective"),
                    inspected: try row.decode(Int.self, "baseline_inspected")),
                baselinePeriod: try MonthRange(
                    first: try Month.parse(try row.decode(String.self, "baseline_from")),
                    last: try Month.parse(try row.decode(String.self, "baseline_to"))),
                targetRate: try row.decode(Double.self, "target_rate"),
                monthFigures: try Self.figures(row, "m\(last)"),
                previousMonthFigures: try Self.figures(row, "m\(last - 1)"),
                trials: trialsByProject[key] ?? [],
                milestones: milestonesByProject[key] ?? [],
                figuresRecordedOn: try row.decode(LocalDate?.self, "recorded_on"),
                recentTrials: (work[try row.decode(Int.self, "id")] ?? []).filter {
                    $0.month <= month && $0.month >= month.adding(months: -11)
                },
                baselineChangedInMonth: try row.decode(Bool.self, "baseline_changed"),
                earlierTrialOutcomes: earlierByProject[key] ?? [],
                recentMonths: try months.indices.compactMap { index in
                    try Self.figures(row, "m\(index)").map {
                        ProjectFacts.MonthFigures(month: months[index], counts: $0)
                    }
                }
            )
        }
    }

    /// A milestone as ``MonthlyReportReads/milestonesSQL`` reads it, before it is seen as of a day.
    private struct MilestoneRow {
        var milestone: Milestone
        var projectOpenedOn: LocalDate

        init(_ row: PostgresRow) throws {
            milestone = Milestone(
                projectKey: try row.decode(String.self, "project_key"),
                number: try row.decode(Int.self, "number"),
                title: try row.decode(String.self, "title"),
                dueOn: try row.decode(LocalDate.self, "due_on"),
                ownerNo: try row.decode(String?.self, "owner_no"),
                ownerName: try row.decode(String?.self, "owner_name"),
                doneOn: try row.decode(LocalDate?.self, "done_on"),
                cancelledOn: try row.decode(LocalDate?.self, "cancelled_on"),
                version: try row.decode(Int.self, "version"))
            projectOpenedOn = try row.decode(LocalDate.self, "opened_on")
        }

        /// The milestone as of the end of `day`: nil when its project had not opened or it was
        /// cancelled by then; a completion after `day` not yet counted. A milestone the report
        /// lists is never cancelled.
        func seen(asOf day: LocalDate) -> Milestone? {
            guard projectOpenedOn <= day else { return nil }
            if let cancelledOn = milestone.cancelledOn, cancelledOn <= day { return nil }
            var seen = milestone
            seen.cancelledOn = nil
            if let doneOn = seen.doneOn, doneOn > day { seen.doneOn = nil }
            return seen
        }
    }

    /// Trial work by project id and month, from the rows of ``MonthlyReportReads/trialWorkSQL``.
    private static func trialWork(from rows: [PostgresRow]) throws -> [Int: [ProjectFacts.TrialWork]] {
        var work: [Int: [ProjectFacts.TrialWork]] = [:]
        for row in rows {
            work[try row.decode(Int.self, "project_id"), default: []].append(
                ProjectFacts.TrialWork(
                    month: try Month.parse(try row.decode(String.self, "month")),
                    ended: try row.decode(Int.self, "ended"), concluded: try row.decode(Int.self, "concluded")))
        }
        return work
    }

    /// The summed counts of a period, or nil when nothing was recorded for it.
    private static func figures(_ row: PostgresRow, _ prefix: String) throws -> Proportion? {
        // sum() of integer columns is bigint; NULL when the period has no rows.
        guard let inspected = try row.decode(Int?.self, "\(prefix)_inspected"),
            let defective = try row.decode(Int?.self, "\(prefix)_defective")
        else { return nil }
        return try Proportion(defective: defective, inspected: inspected)
    }
}
