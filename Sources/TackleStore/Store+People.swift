import LibPQ
import TackleDomain

extension Store {
    /// Adds a person.
    ///
    /// - Throws: ``StoreError`` when the employee number exists or the unit does not; ``DomainError`` for bad input.
    public func addPerson(_ person: Person, by actor: String) throws {
        try Keys.checkCode(person.employeeNo, field: "employee number")
        try Keys.checkNotBlank(person.name, field: "name")
        try write(by: actor) { connection in
            let unit = try unitID(person.unitCode, field: "unit")
            if try !connection.query("SELECT 1 FROM person WHERE employee_no = $1", [person.employeeNo]).isEmpty {
                throw StoreError(.alreadyExists, field: "employee number", "person \(person.employeeNo) already exists")
            }
            try connection.execute(
                "INSERT INTO person (employee_no, name, unit_id, party_member, active) VALUES ($1, $2, $3, $4, $5)",
                [person.employeeNo, person.name, unit, person.partyMember, person.active]
            )
        }
    }

    /// People, by employee number, optionally only those of one unit.
    public func people(unitCode: String? = nil) throws -> [Person] {
        try translatingErrors {
            if let unitCode { _ = try unitID(unitCode, field: "unit") }
            return try connection.query(
                Self.personSelect + " WHERE $1::text IS NULL OR u.code = $1 ORDER BY p.employee_no", [unitCode]
            ).map(Self.person(from:))
        }
    }

    /// Edits a person: name, unit, party membership, active or not, database login, with a reason.
    ///
    /// An inactive person stays on record and in past projects, but cannot join a project, own a
    /// milestone or take over a project. A login maps a database login to the person: a login that
    /// may not act for others acts as this person (see ``DatabaseLogin``). Only the owner's logins
    /// (and superusers) may change it; the database refuses a writer.
    ///
    /// - Parameter login: The new login; an empty string clears it; nil keeps it.
    /// - Throws: ``StoreError``: an unknown person or unit, a login mapped to someone else, or nothing to change.
    @discardableResult
    public func editPerson(
        _ employeeNo: String, name: String? = nil, unitCode: String? = nil, partyMember: Bool? = nil,
        active: Bool? = nil, login: String? = nil, reason: String, by actor: String
    ) throws -> Person {
        try Keys.checkNotBlank(reason, field: "reason")
        if let name { try Keys.checkNotBlank(name, field: "name") }
        if let login, !login.isEmpty { try Keys.checkNotBlank(login, field: "login") }
        return try write(by: actor, reason: reason) { connection in
            guard
                let row = try connection.query(
                    Self.personSelect + " WHERE p.employee_no = $1 FOR UPDATE OF p", [employeeNo]
                ).first
            else {
                throw StoreError(.notFound, field: "employee number", "no person with employee number \(employeeNo)")
            }
            let current = try Self.person(from: row)
            var edited = current
            edited.name = name ?? current.name
            edited.unitCode = unitCode ?? current.unitCode
            edited.partyMember = partyMember ?? current.partyMember
            edited.active = active ?? current.active
            if let login { edited.login = login.isEmpty ? nil : login }
            guard edited != current else {
                throw StoreError(
                    .invalidInput, field: "employee number",
                    "employee number: nothing to change: \(employeeNo) already has these values")
            }
            let unit = try unitID(edited.unitCode, field: "unit")
            try connection.execute(
                "UPDATE person SET name = $2, unit_id = $3, party_member = $4, active = $5 WHERE employee_no = $1",
                [employeeNo, edited.name, unit, edited.partyMember, edited.active])
            // A separate statement: writers may not update the login column, so only a change of it
            // needs the owner's privilege.
            if edited.login != current.login {
                try connection.execute(
                    "UPDATE person SET login = $2 WHERE employee_no = $1", [employeeNo, edited.login])
            }
            return edited
        }
    }

    /// One person.
    ///
    /// - Throws: ``StoreError`` `.notFound` naming the employee number.
    public func person(_ employeeNo: String) throws -> Person {
        try translatingErrors {
            guard let row = try connection.query(Self.personSelect + " WHERE p.employee_no = $1", [employeeNo]).first
            else {
                throw StoreError(.notFound, field: "employee number", "no person with employee number \(employeeNo)")
            }
            return try Self.person(from: row)
        }
    }

    static let personSelect = """
        SELECT p.employee_no, p.name, u.code AS unit_code, p.party_member, p.active, p.login
        FROM person p JOIN unit u ON u.id = p.unit_id
        """

    static func person(from row: PostgresRow) throws -> Person {
        Person(
            employeeNo: try row.decode(String.self, "employee_no"),
            name: try row.decode(String.self, "name"),
            unitCode: try row.decode(String.self, "unit_code"),
            partyMember: try row.decode(Bool.self, "party_member"),
            active: try row.decode(Bool.self, "active"),
            login: try row.decode(String?.self, "login")
        )
    }
}
