import LibPQ
import TackleDomain

extension Store {
    /// Adds a unit.
    ///
    /// - Parameters:
    ///   - unit: The unit; its parent, when named, must exist.
    ///   - actor: Who is acting, for the history.
    /// - Throws: ``StoreError`` when the code exists or the parent does not; ``DomainError`` for bad input.
    public func addUnit(_ unit: TackleDomain.Unit, by actor: String) throws {
        try Keys.checkCode(unit.code, field: "code", allowDot: true)
        try Keys.checkNotBlank(unit.name, field: "name")
        try write(by: actor) { connection in
            let parentID = try unit.parentCode.map { try unitID($0, field: "parent") }
            if try !connection.query("SELECT 1 FROM unit WHERE code = $1", [unit.code]).isEmpty {
                throw StoreError(.alreadyExists, field: "code", "unit \(unit.code) already exists")
            }
            try connection.execute(
                "INSERT INTO unit (code, name, kind, parent_id) VALUES ($1, $2, $3, $4)",
                [unit.code, unit.name, unit.kind.rawValue, parentID]
            )
        }
    }

    /// All units, by code.
    public func units() throws -> [TackleDomain.Unit] {
        try translatingErrors {
            try connection.query(
                """
                SELECT u.code, u.name, u.kind, parent.code AS parent_code
                FROM unit u LEFT JOIN unit parent ON parent.id = u.parent_id
                ORDER BY u.code
                """
            ).map { row in
                TackleDomain.Unit(
                    code: try row.decode(String.self, "code"),
                    name: try row.decode(String.self, "name"),
                    kind: try UnitKind.parse(try row.decode(String.self, "kind")),
                    parentCode: try row.decode(String?.self, "parent_code")
                )
            }
        }
    }
}
