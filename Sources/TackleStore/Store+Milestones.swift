import LibPQ
import TackleDomain

extension Store {
    /// Plans a milestone; it gets the project's next milestone number.
    ///
    /// - Throws: ``StoreError`` for an unknown project or owner; ``DomainError`` for a blank title.
    @discardableResult
    public func addMilestone(
        to key: String, title: String, dueOn: LocalDate, ownerNo: String?, by actor: String
    ) throws -> Milestone {
        try Keys.checkNotBlank(title, field: "title")
        return try write(by: actor) { connection in
            let (project, locked) = try lockedProject(key)
            try Self.checkMilestoneDue(dueOn, of: locked)
            let owner = try ownerNo.map { try activePersonID($0, field: "owner") }
            // Taking the number from the project row locks it, so concurrent additions get distinct numbers.
            let number = try connection.query(
                """
                UPDATE project SET next_milestone_number = next_milestone_number + 1 WHERE id = $1
                RETURNING next_milestone_number - 1 AS number
                """, [project]
            ).first!.decode(Int.self, "number")
            try connection.execute(
                "INSERT INTO milestone (project_id, number, title, due_on, owner_id) VALUES ($1, $2, $3, $4, $5)",
                [project, number, title, dueOn, owner]
            )
            return try milestone(projectID: project, key: key, number)
        }
    }

    /// Marks a milestone done.
    ///
    /// - Throws: ``StoreError`` when the milestone is unknown or already done.
    @discardableResult
    public func completeMilestone(
        _ key: String, _ number: Int, on date: LocalDate, by actor: String
    ) throws -> Milestone {
        try write(by: actor) { connection in
            let (id, locked) = try lockedProject(key)
            let openedOn = locked.openedOn
            let current = try milestone(projectID: id, key: key, number)
            if let doneOn = current.doneOn {
                throw StoreError(
                    .conflict, field: "milestone", "milestone \(number) of \(key) is already done (on \(doneOn))")
            }
            if let cancelledOn = current.cancelledOn {
                throw StoreError(
                    .conflict, field: "milestone", "milestone \(number) of \(key) was cancelled on \(cancelledOn)")
            }
            if date < openedOn {
                throw StoreError(
                    .invalidInput, field: "on",
                    "milestone \(number) cannot be done (\(date)) before project \(key) opened (\(openedOn))")
            }
            try connection.execute(
                """
                UPDATE milestone SET done_on = $3, version = version + 1 WHERE project_id = $1 AND number = $2
                """,
                [id, number, date]
            )
            return try milestone(projectID: id, key: key, number)
        }
    }

    /// A milestone is due within its project: not before it opened, not after its due date.
    static func checkMilestoneDue(_ dueOn: LocalDate, of project: Project) throws {
        if dueOn < project.openedOn {
            throw StoreError(
                .invalidInput, field: "due",
                "a milestone cannot be due (\(dueOn)) before project \(project.key) opened (\(project.openedOn))"
            )
        }
        if dueOn > project.dueOn {
            throw StoreError(
                .invalidInput, field: "due",
                "\(dueOn) is after project \(project.key) is due (\(project.dueOn)); extend the project first "
                    + "(`tackle project edit \(project.key)` with a new due date and a reason)")
        }
    }

    /// Moves a milestone to another due date, with a reason.
    ///
    /// - Throws: ``StoreError``: a done or cancelled milestone, the same date, a date outside the project.
    @discardableResult
    public func moveMilestone(
        _ key: String, _ number: Int, to dueOn: LocalDate, reason: String, ifVersion: Int? = nil, by actor: String
    ) throws -> Milestone {
        try Keys.checkNotBlank(reason, field: "reason")
        return try write(by: actor, reason: reason) { connection in
            let (id, project) = try lockedProject(key)
            let current = try milestone(projectID: id, key: key, number)
            try Self.checkVersion(ifVersion, current: current.version, what: "milestone \(number) of \(key)")
            if let doneOn = current.doneOn {
                throw StoreError(
                    .conflict, field: "milestone",
                    "milestone \(number) of \(key) is done (on \(doneOn)); it cannot move")
            }
            if let cancelledOn = current.cancelledOn {
                throw StoreError(
                    .conflict, field: "milestone", "milestone \(number) of \(key) was cancelled on \(cancelledOn)")
            }
            guard dueOn != current.dueOn else {
                throw StoreError(
                    .invalidInput, field: "due",
                    "nothing to change: milestone \(number) is already due \(dueOn)")
            }
            try Self.checkMilestoneDue(dueOn, of: project)
            try connection.execute(
                "UPDATE milestone SET due_on = $3, version = version + 1 WHERE project_id = $1 AND number = $2",
                [id, number, dueOn])
            return try milestone(projectID: id, key: key, number)
        }
    }

    /// Cancels a milestone that is no longer part of the plan; it stays listed, counts nowhere.
    ///
    /// - Throws: ``StoreError``: a done or already cancelled milestone.
    @discardableResult
    public func cancelMilestone(
        _ key: String, _ number: Int, on date: LocalDate, reason: String, by actor: String
    ) throws -> Milestone {
        try Keys.checkNotBlank(reason, field: "reason")
        return try write(by: actor, reason: reason) { connection in
            let (id, _) = try lockedProject(key)
            let current = try milestone(projectID: id, key: key, number)
            if let doneOn = current.doneOn {
                throw StoreError(
                    .conflict, field: "milestone",
                    "milestone \(number) of \(key) is done (on \(doneOn)); it cannot be cancelled")
            }
            if let cancelledOn = current.cancelledOn {
                throw StoreError(
                    .conflict, field: "milestone",
                    "milestone \(number) of \(key) was already cancelled on \(cancelledOn)")
            }
            try connection.execute(
                """
                UPDATE milestone SET cancelled_on = $3, cancel_reason = $4, version = version + 1
                WHERE project_id = $1 AND number = $2
                """, [id, number, date, reason])
            return try milestone(projectID: id, key: key, number)
        }
    }

    /// The milestones of a project, by number.
    public func milestones(of key: String) throws -> [Milestone] {
        try translatingErrors {
            _ = try projectID(key)
            return try connection.query(Self.milestoneSelect + " WHERE p.key = $1 ORDER BY m.number", [key])
                .map(Self.milestone(from:))
        }
    }

    /// One milestone of a project already resolved (and locked) by its id: no second key lookup.
    func milestone(projectID: Int, key: String, _ number: Int) throws -> Milestone {
        guard
            let row = try connection.query(
                Self.milestoneSelect + " WHERE m.project_id = $1 AND m.number = $2", [projectID, number]
            ).first
        else {
            throw StoreError(.notFound, field: "milestone", "\(key) has no milestone \(number)")
        }
        return try Self.milestone(from: row)
    }

    /// One milestone.
    public func milestone(_ key: String, _ number: Int) throws -> Milestone {
        try translatingErrors {
            _ = try projectID(key)
            guard
                let row = try connection.query(
                    Self.milestoneSelect + " WHERE p.key = $1 AND m.number = $2", [key, number]
                )
                .first
            else {
                throw StoreError(.notFound, field: "milestone", "\(key) has no milestone \(number)")
            }
            return try Self.milestone(from: row)
        }
    }

    static let milestoneSelect = """
        SELECT p.key AS project_key, m.number, m.title, m.due_on, o.employee_no AS owner_no, o.name AS owner_name, m.done_on,
               m.cancelled_on, m.cancel_reason, m.version
        FROM milestone m JOIN project p ON p.id = m.project_id LEFT JOIN person o ON o.id = m.owner_id
        """

    static func milestone(from row: PostgresRow) throws -> Milestone {
        Milestone(
            projectKey: try row.decode(String.self, "project_key"),
            number: try row.decode(Int.self, "number"),
            title: try row.decode(String.self, "title"),
            dueOn: try row.decode(LocalDate.self, "due_on"),
            ownerNo: try row.decode(String?.self, "owner_no"),
            ownerName: try row.decode(String?.self, "owner_name"),
            doneOn: try row.decode(LocalDate?.self, "done_on"),
            cancelledOn: try row.decode(LocalDate?.self, "cancelled_on"),
            cancelReason: try row.decode(String?.self, "cancel_reason"),
            version: try row.decode(Int.self, "version")
        )
    }
}
