import LibPQ
import TackleDomain

extension Store {
    /// Opens a tackling project; its leader becomes its first member, with the role `leader`.
    ///
    /// One statement, one round trip, atomic by itself: it records the acting person for the
    /// history, looks up the unit and the leader (who must be active), and inserts the project and
    /// the leader's membership, unless the key is taken. Outside a transaction it commits by itself:
    /// a connection lost during it leaves the outcome unknown, as a lost COMMIT does. When nothing
    /// was written, the unit, the leader and the key are looked at in turn for the message.
    ///
    /// - Parameters:
    ///   - project: The checked project.
    ///   - actor: Who is acting, for the history.
    /// - Returns: The project as stored.
    /// - Throws: ``StoreError`` when the key exists or the unit or leader does not.
    @discardableResult
    public func open(project: NewProject, by actor: String) throws -> Project {
        try translatingErrors {
            let commitsItself = !connection.isInTransaction
            let metric = project.metric
            let rows: PostgresRows
            do {
                rows = try connection.query(
                    Self.openStatement,
                    [
                        actor, fallbackActor ?? "", project.key, project.title, project.problem, project.unitCode,
                        project.leaderNo, project.leaderSelection.rawValue, project.status.rawValue,
                        project.openedOn, project.dueOn, metric.name, metric.baseline.defective,
                        metric.baseline.inspected, metric.baselinePeriod.first.firstDay,
                        metric.baselinePeriod.last.lastDay, metric.targetRate,
                    ])
            } catch let error as PostgresError where commitsItself {
                throw PostgresConnection.commitFailure(error)
            }
            guard let row = rows.first else {
                _ = try unitID(project.unitCode, field: "unit")
                _ = try activePersonID(project.leaderNo, field: "leader")
                throw StoreError(.alreadyExists, field: "key", "project key \(project.key) already exists")
            }
            return try Self.project(from: row)
        }
    }

    /// Opens a project: see ``open(project:by:)``. No row back means nothing was written.
    private static let openStatement = """
        WITH acting AS (
            SELECT set_config('tackle.actor', $1, true) AS actor, set_config('tackle.reason', '', true),
                   set_config('tackle.actor_fallback', $2, true)
        ), opened AS (
            INSERT INTO project (key, title, problem, unit_id, leader_id, leader_selection, status, opened_on, due_on,
                                 metric_name, baseline_defective, baseline_inspected, baseline_from, baseline_to,
                                 target_rate)
            SELECT $3, $4, $5, u.id, l.id, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17
            FROM acting, unit u, person l
            WHERE u.code = $6 AND l.employee_no = $7 AND l.active AND NOT EXISTS (SELECT FROM project WHERE key = $3)
            RETURNING *
        ), membership AS (
            INSERT INTO member (project_id, person_id, role, joined_on)
            SELECT id, leader_id, 'leader', opened_on FROM opened
        )
        SELECT p.key, p.title, p.problem, u.code AS unit_code, l.employee_no AS leader_no, l.name AS leader_name,
               p.leader_selection, p.status, p.opened_on, p.due_on, p.closed_on, p.metric_name,
               p.baseline_defective, p.baseline_inspected,
               to_char(p.baseline_from, 'YYYY-MM') AS baseline_from, to_char(p.baseline_to, 'YYYY-MM') AS baseline_to,
               p.target_rate, p.version
        FROM opened p JOIN unit u ON u.id = p.unit_id JOIN person l ON l.id = p.leader_id
        """

    /// Projects, by key, optionally only those in one status.
    public func projects(status: ProjectStatus? = nil) throws -> [Project] {
        try translatingErrors {
            try connection.query(
                Self.projectSelect + " WHERE $1::text IS NULL OR p.status = $1 ORDER BY p.key", [status?.rawValue]
            ).map(Self.project(from:))
        }
    }

    /// One project.
    ///
    /// - Throws: ``StoreError`` `.notFound` naming the key.
    public func project(_ key: String) throws -> Project {
        try translatingErrors {
            guard let row = try connection.query(Self.projectSelect + " WHERE p.key = $1", [key]).first else {
                throw Self.noProject(key)
            }
            return try Self.project(from: row)
        }
    }

    /// Moves a project to another status, with a reason recorded in the history.
    ///
    /// Completing or cancelling sets the closing date; going back to active from on-hold keeps none.
    /// A project cannot close before it opened, nor before a logged trial ended (trials fall within
    /// their project).
    ///
    /// - Parameters:
    ///   - key: The project.
    ///   - status: The new status; the lifecycle must allow the move.
    ///   - date: The day the change takes effect (the closing date when finishing): a past month's
    ///     report shows the status in force at its end. Not before the opening or the last change.
    ///   - reason: Why, required.
    ///   - actor: Who is acting.
    /// - Returns: The project as stored.
    @discardableResult
    public func setStatus(
        of key: String, to status: ProjectStatus, on date: LocalDate, reason: String, by actor: String
    ) throws -> Project {
        try Keys.checkNotBlank(reason, field: "reason")
        return try write(by: actor, reason: reason) { connection in
            // Locked, so no trial can be logged or corrected between the check of its dates and the close.
            let (id, current) = try lockedProject(key)
            try current.status.checkTransition(to: status)
            if date < current.openedOn {
                throw StoreError(
                    .invalidInput, field: "on",
                    "a project's status cannot change (\(date)) before it opened (\(current.openedOn))")
            }
            if let last = try lastStatusChange(of: id), date < last {
                throw StoreError(
                    .invalidInput, field: "on",
                    "the last status change of \(key) is dated \(last); a later change cannot be dated "
                        + "before it (\(date))")
            }
            if status.isFinished, let late = try lastTrial(of: id, endingAfter: date) {
                throw StoreError(
                    .invalidInput, field: "on",
                    "a project cannot close (\(date)) before its trial T\(late.number) ended (\(late.endedOn)); "
                        + "close it on or after that day, or correct the trial's dates first")
            }
            // The status-change trigger dates the change by this setting, so past months stay past.
            try connection.execute("SELECT set_config('tackle.status_on', $1, true)", [date.description])
            try connection.execute(
                "UPDATE project SET status = $2, closed_on = $3, version = version + 1 WHERE id = $1",
                [id, status.rawValue, status.isFinished ? date : nil]
            )
            var changed = current
            changed.status = status
            changed.closedOn = status.isFinished ? date : nil
            changed.version += 1
            return changed
        }
    }

    /// The day of a project's latest status change, if any.
    private func lastStatusChange(of projectID: Int) throws -> LocalDate? {
        try connection.query(
            "SELECT max(effective_on) AS last FROM project_status_change WHERE project_id = $1", [projectID]
        ).first?.decode(LocalDate?.self, "last")
    }

    /// The trial of a project that ends last after `date`, if any.
    private func lastTrial(of projectID: Int, endingAfter date: LocalDate) throws -> (number: Int, endedOn: LocalDate)?
    {
        guard
            let row = try connection.query(
                """
                SELECT number, ended_on FROM trial
                WHERE project_id = $1 AND ended_on > $2 AND voided_at IS NULL
                ORDER BY ended_on DESC, number LIMIT 1
                """, [projectID, date]
            ).first
        else { return nil }
        return (try row.decode(Int.self, "number"), try row.decode(LocalDate.self, "ended_on"))
    }

    static let projectSelect = """
        SELECT p.key, p.title, p.problem, u.code AS unit_code, l.employee_no AS leader_no, l.name AS leader_name,
               p.leader_selection, p.status, p.opened_on, p.due_on, p.closed_on, p.metric_name,
               p.baseline_defective, p.baseline_inspected,
               to_char(p.baseline_from, 'YYYY-MM') AS baseline_from, to_char(p.baseline_to, 'YYYY-MM') AS baseline_to,
               p.target_rate, p.version
        FROM project p JOIN unit u ON u.id = p.unit_id JOIN person l ON l.id = p.leader_id
        """

    static func project(from row: PostgresRow) throws -> Project {
        let baseline = try Proportion(
            defective: try row.decode(Int.self, "baseline_defective"),
            inspected: try row.decode(Int.self, "baseline_inspected"))
        let period = try MonthRange(
            first: try Month.parse(try row.decode(String.self, "baseline_from")),
            last: try Month.parse(try row.decode(String.self, "baseline_to")))
        return Project(
            key: try row.decode(String.self, "key"),
            title: try row.decode(String.self, "title"),
            problem: try row.decode(String.self, "problem"),
            unitCode: try row.decode(String.self, "unit_code"),
            leaderNo: try row.decode(String.self, "leader_no"),
            leaderName: try row.decode(String.self, "leader_name"),
            leaderSelection: try LeaderSelection.parse(try row.decode(String.self, "leader_selection")),
            status: try ProjectStatus.parse(try row.decode(String.self, "status")),
            openedOn: try row.decode(LocalDate.self, "opened_on"),
            dueOn: try row.decode(LocalDate.self, "due_on"),
            closedOn: try row.decode(LocalDate?.self, "closed_on"),
            metric: try DefectMetric(
                name: try row.decode(String.self, "metric_name"), baseline: baseline, baselinePeriod: period,
                targetRate: try row.decode(Double.self, "target_rate")),
            version: try row.decode(Int.self, "version")
        )
    }
}
