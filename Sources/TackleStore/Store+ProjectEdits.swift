import LibPQ
import TackleDomain

extension Store {
    /// The project locked until the transaction ends, with its internal id: one round trip.
    ///
    /// Every write to a project resolves its key here once and passes the id down.
    ///
    /// - Throws: ``StoreError`` `.notFound` naming the key.
    func lockedProject(_ key: String) throws -> (id: Int, project: Project) {
        guard
            let row = try connection.query(
                Self.projectWithIDSelect + " WHERE p.key = $1 FOR UPDATE OF p",
                [key]
            ).first
        else {
            throw StoreError(
                .notFound, field: "project", "no project with key \(key); `tackle project list` shows them")
        }
        return (try row.decode(Int.self, "id"), try Self.project(from: row))
    }

    /// ``projectSelect`` with the internal id, for writes that go on by id.
    static let projectWithIDSelect = "SELECT p.id, " + projectSelect.dropFirst("SELECT ".count)

    /// Refuses when someone changed the record since the version the user saw.
    static func checkVersion(_ expected: Int?, current: Int, what: String) throws {
        if let expected, expected != current {
            throw StoreError(
                .conflict, field: "if-version",
                "\(what) is at version \(current), not \(expected): someone changed it meanwhile; "
                    + "look again (`tackle project show`) and repeat the edit")
        }
    }

    /// Edits a project: title, problem, sponsoring unit, due date (延期), target, or the baseline
    /// with its period (re-baselining), with a reason recorded in the history.
    ///
    /// - Parameters:
    ///   - key: The project.
    ///   - changes: What changes; the rest stays.
    ///   - reason: Why, required.
    ///   - ifVersion: Refuse unless the project is at this version.
    ///   - actor: Who is acting.
    /// - Returns: The project as stored.
    /// - Throws: ``StoreError``/``DomainError``: nothing to change, a stale version, an unknown
    ///   unit, a due date before a milestone still to do, a target not below the baseline.
    @discardableResult
    public func editProject(
        _ key: String, changes: ProjectChanges, reason: String, ifVersion: Int? = nil, by actor: String
    ) throws -> Project {
        try Keys.checkNotBlank(reason, field: "reason")
        return try write(by: actor, reason: reason) { connection in
            let (id, current) = try lockedProject(key)
            try Self.checkVersion(ifVersion, current: current.version, what: "project \(key)")
            var edited = try changes.apply(to: current)
            if edited.dueOn < current.dueOn,
                let late = try connection.query(
                    """
                    SELECT number, due_on FROM milestone
                    WHERE project_id = $1 AND due_on > $2 AND done_on IS NULL AND cancelled_on IS NULL
                    ORDER BY due_on DESC, number LIMIT 1
                    """, [id, edited.dueOn]
                ).first
            {
                throw StoreError(
                    .invalidInput, field: "due",
                    "milestone \(try late.decode(Int.self, "number")) is due "
                        + "\(try late.decode(LocalDate.self, "due_on")), after \(edited.dueOn); move it first")
            }
            let unit = edited.unitCode == current.unitCode ? nil : try unitID(edited.unitCode, field: "unit")
            let metric = edited.metric
            let version = try connection.query(
                """
                UPDATE project SET title = $2, problem = $3, unit_id = coalesce($4, unit_id), due_on = $5,
                       target_rate = $6, baseline_defective = $7, baseline_inspected = $8, baseline_from = $9,
                       baseline_to = $10, version = version + 1
                WHERE id = $1 RETURNING version
                """,
                [
                    id, edited.title, edited.problem, unit, edited.dueOn, metric.targetRate,
                    metric.baseline.defective, metric.baseline.inspected, metric.baselinePeriod.first.firstDay,
                    metric.baselinePeriod.last.lastDay,
                ]
            ).first?.decode(Int.self, "version")
            edited.version = version ?? current.version + 1
            return edited
        }
    }

    /// Hands a project to a new leader from a day on (负责人变更).
    ///
    /// The old leader's leadership ends that day; the old leader stays a member unless
    /// `oldLeaderLeaves`. The new leader's current membership, if any, becomes the leadership. The
    /// report of each month names the leader of that month.
    ///
    /// - Throws: ``StoreError``: an unknown or inactive person, the same leader, a day before the
    ///   project opened or before the current leader took over.
    @discardableResult
    public func changeLeader(
        of key: String, to employeeNo: String, on date: LocalDate, reason: String, selection: LeaderSelection? = nil,
        oldLeaderLeaves: Bool = false, ifVersion: Int? = nil, by actor: String
    ) throws -> Project {
        try Keys.checkNotBlank(reason, field: "reason")
        return try write(by: actor, reason: reason) { connection in
            let (id, current) = try lockedProject(key)
            try Self.checkVersion(ifVersion, current: current.version, what: "project \(key)")
            let newLeader = try activePersonID(employeeNo, field: "leader")
            guard employeeNo != current.leaderNo else {
                throw StoreError(.invalidInput, field: "leader", "\(employeeNo) already leads \(key)")
            }
            if date < current.openedOn {
                throw StoreError(
                    .invalidInput, field: "on", "\(date) is before \(key) opened (\(current.openedOn))")
            }
            let since = try connection.query(
                """
                SELECT max(m.joined_on) AS since FROM member m JOIN person pe ON pe.id = m.person_id
                WHERE m.project_id = $1 AND pe.employee_no = $2 AND m.role = 'leader' AND m.left_on IS NULL
                """, [id, current.leaderNo]
            ).first?.decode(LocalDate?.self, "since")
            if let since, date < since {
                throw StoreError(
                    .invalidInput, field: "on",
                    "\(date) is before \(current.leaderNo) took over \(key) (\(since))")
            }
            let oldLeader = try personID(current.leaderNo, field: "leader")
            try connection.execute(
                """
                UPDATE member SET left_on = $3
                WHERE project_id = $1 AND person_id IN ($2, $4) AND left_on IS NULL
                """, [id, oldLeader, date, newLeader]
            )
            if !oldLeaderLeaves {
                try connection.execute(
                    "INSERT INTO member (project_id, person_id, role, joined_on) VALUES ($1, $2, 'member', $3)",
                    [id, oldLeader, date])
            }
            try connection.execute(
                "INSERT INTO member (project_id, person_id, role, joined_on) VALUES ($1, $2, 'leader', $3)",
                [id, newLeader, date])
            try connection.execute(
                """
                UPDATE project SET leader_id = $2, leader_selection = coalesce($3, leader_selection),
                       version = version + 1
                WHERE id = $1
                """, [id, newLeader, selection?.rawValue])
            guard
                let row = try connection.query(Self.projectWithIDSelect + " WHERE p.id = $1", [id]).first
            else { return current }
            return try Self.project(from: row)
        }
    }

    /// The internal id of an active person, or an error naming the field: unknown, or inactive.
    func activePersonID(_ employeeNo: String, field: String) throws -> Int {
        guard
            let row = try connection.query(
                "SELECT id, active FROM person WHERE employee_no = $1", [employeeNo]
            ).first
        else {
            throw StoreError(
                .notFound, field: field,
                "no person with employee number \(employeeNo); `tackle person list` shows them")
        }
        guard try row.decode(Bool.self, "active") else {
            throw StoreError(
                .invalidInput, field: field,
                "\(employeeNo) is inactive; mark the person active first (`tackle person edit`)")
        }
        return try row.decode(Int.self, "id")
    }
}
