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
        try Keys.checkNotBlank(title, field: "--title")
        return try write(by: actor) { connection in
            let project = try projectID(key)
            let openedOn = try self.project(key).openedOn
            if dueOn < openedOn {
                throw StoreError(
                    .invalidInput, field: "--due",
                    "--due: a milestone cannot be due (\(dueOn)) before project \(key) opened (\(openedOn))")
            }
            let owner = try ownerNo.map { try personID($0, field: "--owner") }
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
            return try milestone(key, number)
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
            let current = try milestone(key, number)
            if let doneOn = current.doneOn {
                throw StoreError(
                    .conflict, field: "milestone", "milestone \(number) of \(key) is already done (on \(doneOn))")
            }
            let openedOn = try project(key).openedOn
            if date < openedOn {
                throw StoreError(
                    .invalidInput, field: "--on",
                    "--on: milestone \(number) cannot be done (\(date)) before project \(key) opened (\(openedOn))")
            }
            try connection.execute(
                "UPDATE milestone SET done_on = $3 WHERE project_id = (SELECT id FROM project WHERE key = $1) AND number = $2",
                [key, number, date]
            )
            return try milestone(key, number)
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
        SELECT p.key AS project_key, m.number, m.title, m.due_on, o.employee_no AS owner_no, o.name AS owner_name, m.done_on
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
            doneOn: try row.decode(LocalDate?.self, "done_on")
        )
    }
}
