import LibPQ
import TackleDomain

extension Store {
    /// Adds a person.
    ///
    /// - Throws: ``StoreError`` when the employee number exists or the unit does not; ``DomainError`` for bad input.
    public func addPerson(_ person: Person, by actor: String) throws {
        try Keys.checkCode(person.employeeNo, field: "employee number")
        try Keys.checkNotBlank(person.name, field: "--name")
        try write(by: actor) { connection in
            let unit = try unitID(person.unitCode, field: "--unit")
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
            if let unitCode { _ = try unitID(unitCode, field: "--unit") }
            return try connection.query(
                Self.personSelect + " WHERE $1::text IS NULL OR u.code = $1 ORDER BY p.employee_no", [unitCode]
            ).map(Self.person(from:))
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
        SELECT p.employee_no, p.name, u.code AS unit_code, p.party_member, p.active
        FROM person p JOIN unit u ON u.id = p.unit_id
        """

    static func person(from row: PostgresRow) throws -> Person {
        Person(
            employeeNo: try row.decode(String.self, "employee_no"),
            name: try row.decode(String.self, "name"),
            unitCode: try row.decode(String.self, "unit_code"),
            partyMember: try row.decode(Bool.self, "party_member"),
            active: try row.decode(Bool.self, "active")
        )
    }
}
