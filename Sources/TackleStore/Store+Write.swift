import LibPQ

extension Store {
    /// Runs a write in one transaction, with the acting person and the reason recorded for the
    /// history triggers (`tackle.actor`, `tackle.actor_fallback`, `tackle.reason`, local to the
    /// transaction).
    ///
    /// The database decides who acts (`tackle_acting_person()`, migration 0007): a login that may act
    /// for others gets `actor`, else ``fallbackActor``, else its login name; any other login acts as
    /// the person mapped to it, and an `actor` naming anybody else is refused with nothing written.
    ///
    /// Any error thrown rolls the whole write back: the database is left exactly as it was.
    ///
    /// - Parameter actor: Who the caller claims to act for; empty for no claim.
    func write<T>(by actor: String, reason: String? = nil, _ body: (PostgresConnection) throws -> T) throws -> T {
        try translatingErrors {
            try connection.withTransaction { connection in
                try connection.execute(
                    """
                    SELECT set_config('tackle.actor', $1, true), set_config('tackle.reason', $2, true),
                           set_config('tackle.actor_fallback', $3, true)
                    """,
                    [actor, reason ?? "", fallbackActor ?? ""]
                )
                return try body(connection)
            }
        }
    }

    /// The internal id of a project, or a not-found error naming the key.
    ///
    /// - Parameter lock: Lock the project row until the transaction ends (serialises numbering).
    func projectID(_ key: String, lock: Bool = false) throws -> Int {
        let rows = try connection.query(
            lock ? "SELECT id FROM project WHERE key = $1 FOR UPDATE" : "SELECT id FROM project WHERE key = $1", [key])
        guard let row = rows.first else {
            throw StoreError(
                .notFound, field: "project", "no project with key \(key); `tackle project list` shows them")
        }
        return try row.decode(Int.self, "id")
    }

    /// The internal id of a person, or a not-found error naming the field.
    func personID(_ employeeNo: String, field: String) throws -> Int {
        let rows = try connection.query("SELECT id FROM person WHERE employee_no = $1", [employeeNo])
        guard let row = rows.first else {
            throw StoreError(
                .notFound, field: field,
                "no person with employee number \(employeeNo); `tackle person list` shows them")
        }
        return try row.decode(Int.self, "id")
    }

    /// The internal id of a unit, or a not-found error naming the field.
    func unitID(_ code: String, field: String) throws -> Int {
        let rows = try connection.query("SELECT id FROM unit WHERE code = $1", [code])
        guard let row = rows.first else {
            throw StoreError(
                .notFound, field: field, "no unit with code \(code); `tackle unit list` shows them")
        }
        return try row.decode(Int.self, "id")
    }
}
