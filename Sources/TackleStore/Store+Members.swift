import LibPQ
import TackleDomain

extension Store {
    /// Adds a person to a project.
    ///
    /// - Parameters:
    ///   - employeeNo: The person.
    ///   - key: The project.
    ///   - role: The role in the project.
    ///   - joinedOn: The day the person joins.
    ///   - actor: Who is acting.
    /// - Returns: The membership.
    /// - Throws: ``StoreError`` when the project or person is unknown, or the person is already a current member.
    @discardableResult
    public func addMember(
        _ employeeNo: String, to key: String, role: MemberRole, joinedOn: LocalDate, by actor: String
    ) throws -> Member {
        try write(by: actor) { connection in
            let (project, locked) = try lockedProject(key)
            let openedOn = locked.openedOn
            if joinedOn < openedOn {
                throw StoreError(
                    .invalidInput, field: "on",
                    "\(employeeNo) cannot join (\(joinedOn)) before project \(key) opened (\(openedOn))")
            }
            if role == .leader {
                throw StoreError(
                    .invalidInput, field: "role",
                    "\(key) is led by \(locked.leaderNo); a project has one leader: "
                        + "`tackle project change-leader \(key) \(employeeNo)` hands it over")
            }
            let person = try activePersonID(employeeNo, field: "employee number")
            let current = try connection.query(
                "SELECT 1 FROM member WHERE project_id = $1 AND person_id = $2 AND left_on IS NULL", [project, person])
            if !current.isEmpty {
                throw StoreError(
                    .alreadyExists, field: "employee number", "\(employeeNo) is already a member of \(key)")
            }
            let name =
                try connection.query(
                    """
                    WITH added AS (
                        INSERT INTO member (project_id, person_id, role, joined_on) VALUES ($1, $2, $3, $4)
                        RETURNING person_id
                    )
                    SELECT pe.name FROM added JOIN person pe ON pe.id = added.person_id
                    """, [project, person, role.rawValue, joinedOn]
                ).first?.decode(String.self, "name") ?? employeeNo
            return Member(employeeNo: employeeNo, name: name, role: role, joinedOn: joinedOn, leftOn: nil)
        }
    }

    /// Records a member leaving a project on a day (the LEFT column of `member list`).
    ///
    /// The leader cannot leave: hand the project over first. The day is not before the member
    /// joined.
    @discardableResult
    public func removeMember(
        _ employeeNo: String, from key: String, on date: LocalDate, reason: String?, by actor: String
    ) throws -> Member {
        try write(by: actor, reason: reason) { connection in
            let (project, current) = try lockedProject(key)
            if employeeNo == current.leaderNo {
                throw StoreError(
                    .invalidInput, field: "employee number",
                    "\(employeeNo) leads \(key); hand it over first (`tackle project change-leader`)")
            }
            guard
                let row = try connection.query(
                    """
                    SELECT m.id, m.joined_on, m.role, pe.name FROM member m JOIN person pe ON pe.id = m.person_id
                    WHERE m.project_id = $1 AND pe.employee_no = $2 AND m.left_on IS NULL
                    """, [project, employeeNo]
                ).first
            else {
                throw StoreError(.notFound, field: "employee number", "\(employeeNo) is not a current member of \(key)")
            }
            let joinedOn = try row.decode(LocalDate.self, "joined_on")
            if date < joinedOn {
                throw StoreError(
                    .invalidInput, field: "on", "\(employeeNo) joined \(key) on \(joinedOn), after \(date)")
            }
            try connection.execute(
                "UPDATE member SET left_on = $2 WHERE id = $1", [try row.decode(Int.self, "id"), date])
            return Member(
                employeeNo: employeeNo, name: try row.decode(String.self, "name"),
                role: try MemberRole.parse(try row.decode(String.self, "role")), joinedOn: joinedOn, leftOn: date)
        }
    }

    /// The members of a project, current ones first, then by joining date.
    public func members(of key: String) throws -> [Member] {
        try translatingErrors {
            let project = try projectID(key)
            return try connection.query(
                """
                SELECT pe.employee_no, pe.name, m.role, m.joined_on, m.left_on
                FROM member m JOIN person pe ON pe.id = m.person_id
                WHERE m.project_id = $1
                ORDER BY m.left_on IS NOT NULL, m.joined_on, pe.employee_no
                """, [project]
            ).map { row in
                Member(
                    employeeNo: try row.decode(String.self, "employee_no"),
                    name: try row.decode(String.self, "name"),
                    role: try MemberRole.parse(try row.decode(String.self, "role")),
                    joinedOn: try row.decode(LocalDate.self, "joined_on"),
                    leftOn: try row.decode(LocalDate?.self, "left_on")
                )
            }
        }
    }
}
