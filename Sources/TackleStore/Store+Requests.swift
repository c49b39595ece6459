import FoundationEssentials
import LibPQ

extension Store {
    /// What a write carrying a request id did.
    public enum RequestOutcome: Sendable, Equatable {
        /// The write ran now; its result is recorded with the request id.
        case done(result: String)
        /// The request id was already recorded: nothing was written now.
        ///
        /// `result` is what the first write recorded; `at` is when it committed (UTC, ISO 8601).
        case replayed(result: String, at: String)
    }

    /// Runs a write at most once per request id: the idempotency key of `--request-id`.
    ///
    /// One transaction: its first statement records the id (`INSERT ... ON CONFLICT DO NOTHING`),
    /// then `body` writes (its own transactions become savepoints of this one), then its result is
    /// stored with the id, and all of it commits together. A retry with the same id, after a lost
    /// connection or a crash, finds the id only if the first write committed, and then writes
    /// nothing and returns the first result. Two runs at once with one id queue on the id's row;
    /// the second sees the first's result.
    ///
    /// - Parameters:
    ///   - id: The request id.
    ///   - command: What is being run (the subcommand and its arguments); the same id with another
    ///     command is refused.
    ///   - body: The write; it returns the result to record (what the command prints).
    /// - Returns: ``RequestOutcome/done(result:)`` with what `body` returned, or
    ///   ``RequestOutcome/replayed(result:at:)`` with what the first write returned.
    /// - Throws: ``StoreError`` `.conflict` with field `request-id` when the id was used for another
    ///   command; what `body` throws (nothing is recorded then, so a retry runs again).
    public func withRequest(
        _ id: UUID, command: String, _ body: (Store) throws -> String
    ) throws -> RequestOutcome {
        try translatingErrors {
            try connection.withTransaction { connection in
                if let earlier = try claim(id, command: command, on: connection) {
                    guard earlier.command == command else {
                        throw StoreError(
                            .conflict, field: "request-id",
                            "request \(id.uuidString.lowercased()) was already used at \(earlier.at) for another "
                                + "command (\(earlier.command)); nothing was written: give each write its own id")
                    }
                    // Nothing was inserted: ending the transaction writes nothing.
                    return .replayed(result: earlier.result ?? "", at: earlier.at)
                }
                let result = try body(self)
                try connection.execute("UPDATE request SET result = $2 WHERE id = $1", [id, result])
                return .done(result: result)
            }
        }
    }

    /// A request recorded earlier.
    private struct EarlierRequest {
        var command: String
        var result: String?
        var at: String
    }

    /// Records the request id, or returns the request recorded with it before.
    private func claim(_ id: UUID, command: String, on connection: PostgresConnection) throws -> EarlierRequest? {
        let rows = try connection.query(
            """
            WITH claimed AS (
                INSERT INTO request (id, command) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING RETURNING id
            )
            SELECT EXISTS (SELECT FROM claimed) AS claimed, r.command, r.result,
                   to_char(r.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS at
            FROM (VALUES (1)) AS one (n) LEFT JOIN request r ON r.id = $1
            """,
            [id, command]
        )
        guard let row = rows.first, try !row.decode(Bool.self, "claimed") else { return nil }
        if let earlier = try Self.earlierRequest(from: row) { return earlier }
        // The other write with this id committed while this statement waited on its row, after this
        // statement's snapshot was taken: read it again with a new one.
        guard
            let row = try connection.query(
                """
                SELECT command, result, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS at
                FROM request WHERE id = $1
                """, [id]
            ).first, let earlier = try Self.earlierRequest(from: row)
        else {
            throw StoreError(.database, "request \(id.uuidString.lowercased()) is recorded but cannot be read")
        }
        return earlier
    }

    private static func earlierRequest(from row: PostgresRow) throws -> EarlierRequest? {
        guard let command = try row.decode(String?.self, "command") else { return nil }
        return EarlierRequest(
            command: command, result: try row.decode(String?.self, "result"), at: try row.decode(String.self, "at"))
    }
}
