import LibPQ
import TackleDomain

/// Decodes the results of the monthly report's reads (``MonthlyReportReads``) into its facts, one
/// result at a time as each arrives, so that decoding one overlaps the server's work on the next.
///
/// The reads come in an order that lets each result be decoded when it arrives: the trials, their
/// earlier outcomes and the milestones before the projects that gather them; the trial work,
/// which comes after the projects, is added to them when it arrives. Once the month's projects are
/// decoded, their trial plans are made (``TrialPlans/prepare(for:)``) while the server runs the
/// last reads.
///
/// Used from one serial queue: ``take(_:of:)`` for each result in the order of
/// ``MonthlyReportReads/reads``, then ``facts()``. The first decoding error is kept and thrown by
/// ``facts()``.
final class MonthlyReportFactsReader: @unchecked Sendable {
    private let reads: MonthlyReportReads
    private let plans: TrialPlans?
    private var failure: (any Error)?
    private var rubrics: [Rubric] = []
    private var work: [Int: [ProjectFacts.TrialWork]] = [:]
    private var trials: [String: [Trial]] = [:]
    private var earlier: [Int: [Proportion]] = [:]
    private var milestones: [MilestoneRow] = []
    private var projects: [ProjectFacts] = []
    /// The id of each of ``projects``, for the trial work that comes after them.
    private var projectIDs: [Int] = []
    private var previousProjects: [ProjectFacts] = []
    private var talks: [Talk] = []

    /// A reader for the results of `reads`.
    ///
    /// - Parameters:
    ///   - reads: The reads whose results it takes.
    ///   - plans: Where to make the month's trial plans ahead, or nil not to.
    init(reads: MonthlyReportReads, plans: TrialPlans? = nil) {
        self.reads = reads
        self.plans = plans
    }

    /// Decodes the result of one read.
    func take(_ rows: PostgresRows, of read: MonthlyReportReads.Read) {
        guard failure == nil else { return }
        do {
            switch read {
            case .rubrics:
                rubrics = try rows.map(Store.rubric(from:))
            case .trialWork:
                work = try Self.trialWork(from: rows)
                let month = reads.month
                for index in projects.indices {
                    projects[index].recentTrials = (work[projectIDs[index]] ?? []).filter {
                        $0.month <= month && $0.month >= month.adding(months: -11)
                    }
                }
            case .monthTrials:
                trials = Dictionary(grouping: try Self.trials(from: rows), by: \.projectKey)
            case .earlierOutcomes:
                for row in rows {
                    earlier[try row.decode(Int.self, at: 0), default: []].append(
                        try Proportion(
                            defective: try row.decode(Int.self, at: 1), inspected: try row.decode(Int.self, at: 2)))
                }
            case .milestones:
                milestones = try Self.milestones(from: rows)
            case .projects:
                projects = try Self.projectFacts(
                    rows, months: reads.months, asOf: reads.cutoff, work: [:], trials: trials, earlier: earlier,
                    milestones: milestones)
                projectIDs = try rows.map { try $0.decode(Int.self, "id") }
                plans?.prepare(for: projects)
            case .previousProjects:
                previousProjects = try Self.projectFacts(
                    rows, months: reads.previousMonths, asOf: reads.month.previous.lastDay, work: work, trials: [:],
                    earlier: [:], milestones: milestones)
            case .talks:
                talks = try rows.map(Store.talk(from:)).filter { $0.heldOn <= reads.cutoff }
            }
        } catch {
            failure = error
        }
    }

    /// The facts, once every read's result is taken.
    ///
    /// - Throws: The first error decoding a result threw.
    func facts() throws -> MonthlyReportFacts {
        if let failure { throw failure }
        let month = reads.month
        return MonthlyReportFacts(
            month: month, asOf: reads.cutoff, projects: projects, rubric: Store.rubric(for: month, in: rubrics),
            previousProjects: previousProjects, previousRubric: Store.rubric(for: month.previous, in: rubrics),
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
    ///   - trials: The trials that ended in the month, by project key.
    ///   - earlier: The outcomes of the earlier trials, by project id.
    ///   - milestones: The milestones, to be seen as of `asOf`.
    private static func projectFacts(
        _ projects: PostgresRows, months: [Month], asOf: LocalDate, work: [Int: [ProjectFacts.TrialWork]],
        trials: [String: [Trial]], earlier: [Int: [Proportion]], milestones: [MilestoneRow]
    ) throws -> [ProjectFacts] {
        guard let month = months.last, let first = projects.first else { return [] }
        // Thousands of rows: each column looked up by name once.
        let column = try ColumnIndex(first)
        let id = try column("id")
        let key = try column("key")
        let (title, unitCode, leaderNo, leaderName) = try (
            column("title"), column("unit_code"), column("leader_no"), column("leader_name")
        )
        let (statusThen, changedOn, openedOn, dueOn) = try (
            column("status_then"), column("changed_on"), column("opened_on"), column("due_on")
        )
        let (metricName, baselineDefective, baselineInspected) = try (
            column("metric_name"), column("baseline_defective"), column("baseline_inspected")
        )
        let (baselineFrom, baselineTo, targetRate, recordedOn, baselineChanged) = try (
            column("baseline_from"), column("baseline_to"), column("target_rate"), column("recorded_on"),
            column("baseline_changed")
        )
        let sums = try months.indices.map { index in
            (inspected: try column("m\(index)_inspected"), defective: try column("m\(index)_defective"))
        }
        func figures(_ row: PostgresRow, _ index: Int) throws -> Proportion? {
            // sum() of integer columns is bigint; NULL when the period has no rows.
            guard let inspected = try row.decode(Int?.self, at: sums[index].inspected),
                let defective = try row.decode(Int?.self, at: sums[index].defective)
            else { return nil }
            return try Proportion(defective: defective, inspected: inspected)
        }

        var milestonesByProject: [String: [Milestone]] = [:]
        for milestone in milestones {
            if let seen = milestone.seen(asOf: asOf) { milestonesByProject[seen.projectKey, default: []].append(seen) }
        }
        var baselinePeriods: [String: Month] = [:]
        func baselineMonth(_ row: PostgresRow, _ index: Int) throws -> Month {
            let text = try row.decode(String.self, at: index)
            if let month = baselinePeriods[text] { return month }
            let month = try Month.parse(text)
            baselinePeriods[text] = month
            return month
        }
        let last = months.count - 1
        return try projects.map { row in
            let projectID = try row.decode(Int.self, at: id)
            let key = try row.decode(String.self, at: key)
            let status = try ProjectStatus.parse(try row.decode(String.self, at: statusThen))
            return ProjectFacts(
                key: key,
                title: try row.decode(String.self, at: title),
                unitCode: try row.decode(String.self, at: unitCode),
                leaderNo: try row.decode(String.self, at: leaderNo),
                leaderName: try row.decode(String.self, at: leaderName),
                status: status,
                openedOn: try row.decode(LocalDate.self, at: openedOn),
                dueOn: try row.decode(LocalDate.self, at: dueOn),
                closedOn: status.isFinished ? try row.decode(LocalDate.self, at: changedOn) : nil,
                metricName: try row.decode(String.self, at: metricName),
                baseline: try Proportion(
                    defective: try row.decode(Int.self, at: baselineDefective),
                    inspected: try row.decode(Int.self, at: baselineInspected)),
                baselinePeriod: try MonthRange(
                    first: try baselineMonth(row, baselineFrom), last: try baselineMonth(row, baselineTo)),
                targetRate: try row.decode(Double.self, at: targetRate),
                monthFigures: try figures(row, last),
                previousMonthFigures: try figures(row, last - 1),
                trials: trials[key] ?? [],
                milestones: milestonesByProject[key] ?? [],
                figuresRecordedOn: try row.decode(LocalDate?.self, at: recordedOn),
                recentTrials: (work[projectID] ?? []).filter {
                    $0.month <= month && $0.month >= month.adding(months: -11)
                },
                baselineChangedInMonth: try row.decode(Bool.self, at: baselineChanged),
                earlierTrialOutcomes: earlier[projectID] ?? [],
                recentMonths: try months.indices.compactMap { index in
                    try figures(row, index).map { ProjectFacts.MonthFigures(month: months[index], counts: $0) }
                }
            )
        }
    }

    /// The trials of ``MonthlyReportReads/Read/monthTrials``, as ``trial(from:)`` reads them.
    ///
    /// Thousands of rows at plant scale: each column looked up by name once, and the JSON columns
    /// (parameters, conditions, heats) decoded in one document per column, not one per row.
    private static func trials(from rows: PostgresRows) throws -> [Trial] {
        guard let first = rows.first else { return [] }
        let column = try ColumnIndex(first)
        func batch<T: Decodable>(_ name: String, as type: T.Type) throws -> [T] {
            let index = try column(name)
            var text = "["
            for (position, row) in rows.enumerated() {
                if position > 0 { text += "," }
                text += try row.decode(PostgresJSON.self, at: index).rawValue
            }
            text += "]"
            return try PostgresJSON(rawValue: text).decode([T].self)
        }
        let parameters = try batch("parameters", as: [TrialParameter].self)
        let conditions = try batch("conditions", as: [TrialCondition].self)
        let heats = try batch("heats", as: [String].self)
        let (projectKey, number, lever, hypothesis) = try (
            column("project_key"), column("number"), column("lever"), column("hypothesis")
        )
        let (startedOn, endedOn, defective, inspected) = try (
            column("started_on"), column("ended_on"), column("defective"), column("inspected")
        )
        let (note, conclusion, version, voidedAt, voidReason) = try (
            column("note"), column("conclusion"), column("version"), column("voided_at"), column("void_reason")
        )
        return try rows.indices.map { position in
            let row = rows[position]
            return Trial(
                projectKey: try row.decode(String.self, at: projectKey),
                number: try row.decode(Int.self, at: number),
                lever: try row.decode(String.self, at: lever),
                hypothesis: try row.decode(String.self, at: hypothesis),
                startedOn: try row.decode(LocalDate.self, at: startedOn),
                endedOn: try row.decode(LocalDate.self, at: endedOn),
                parameters: parameters[position],
                conditions: conditions[position],
                outcome: try Proportion(
                    defective: try row.decode(Int.self, at: defective),
                    inspected: try row.decode(Int.self, at: inspected)),
                heats: heats[position],
                note: try row.decode(String.self, at: note),
                conclusion: try row.decode(String.self, at: conclusion),
                version: try row.decode(Int.self, at: version),
                voidedAt: try row.decode(String?.self, at: voidedAt),
                voidReason: try row.decode(String?.self, at: voidReason)
            )
        }
    }

    /// A milestone as ``MonthlyReportReads/milestonesSQL`` reads it, before it is seen as of a day.
    private struct MilestoneRow {
        var milestone: Milestone
        var projectOpenedOn: LocalDate

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

    /// The milestones of ``MonthlyReportReads/milestonesSQL``.
    private static func milestones(from rows: PostgresRows) throws -> [MilestoneRow] {
        guard let first = rows.first else { return [] }
        let column = try ColumnIndex(first)
        let (projectKey, number, title, dueOn, ownerNo) = try (
            column("project_key"), column("number"), column("title"), column("due_on"), column("owner_no")
        )
        let (ownerName, doneOn, cancelledOn, version, openedOn) = try (
            column("owner_name"), column("done_on"), column("cancelled_on"), column("version"), column("opened_on")
        )
        return try rows.map { row in
            MilestoneRow(
                milestone: Milestone(
                    projectKey: try row.decode(String.self, at: projectKey),
                    number: try row.decode(Int.self, at: number),
                    title: try row.decode(String.self, at: title),
                    dueOn: try row.decode(LocalDate.self, at: dueOn),
                    ownerNo: try row.decode(String?.self, at: ownerNo),
                    ownerName: try row.decode(String?.self, at: ownerName),
                    doneOn: try row.decode(LocalDate?.self, at: doneOn),
                    cancelledOn: try row.decode(LocalDate?.self, at: cancelledOn),
                    version: try row.decode(Int.self, at: version)),
                projectOpenedOn: try row.decode(LocalDate.self, at: openedOn))
        }
    }

    /// Trial work by project id and month, from the rows of ``MonthlyReportReads/trialWorkSQL``.
    private static func trialWork(from rows: PostgresRows) throws -> [Int: [ProjectFacts.TrialWork]] {
        guard let first = rows.first else { return [:] }
        let column = try ColumnIndex(first)
        let (projectID, monthColumn, ended, concluded) = try (
            column("project_id"), column("month"), column("ended"), column("concluded")
        )
        var months: [String: Month] = [:]
        var work: [Int: [ProjectFacts.TrialWork]] = [:]
        for row in rows {
            let text = try row.decode(String.self, at: monthColumn)
            let month = try months[text] ?? Month.parse(text)
            months[text] = month
            work[try row.decode(Int.self, at: projectID), default: []].append(
                ProjectFacts.TrialWork(
                    month: month, ended: try row.decode(Int.self, at: ended),
                    concluded: try row.decode(Int.self, at: concluded)))
        }
        return work
    }

    /// The positions of a result's columns, looked up by name once for all its rows.
    private struct ColumnIndex {
        let positions: [String: Int]

        init(_ row: PostgresRow) throws {
            var positions: [String: Int] = [:]
            for (position, column) in row.columns.enumerated() where positions[column.name] == nil {
                positions[column.name] = position
            }
            self.positions = positions
        }

        func callAsFunction(_ name: String) throws -> Int {
            guard let position = positions[name] else {
                throw PostgresError(code: .decoding, message: "the result has no column \"\(name)\"")
            }
            return position
        }
    }
}
