internal import CLibPQ
import Logging

extension PostgresConnection {
    /// One statement of a pipeline: SQL text and its bound parameters.
    public struct Statement {
        /// One SQL statement, with `$1`, `$2`, ... for the parameters.
        public var sql: String
        /// The values for `$1`, `$2`, ...; `nil` is SQL NULL.
        public var parameters: [(any PostgresEncodable)?]

        /// Creates a statement.
        public init(_ sql: String, _ parameters: [(any PostgresEncodable)?] = []) {
            self.sql = sql
            self.parameters = parameters
        }
    }

    /// Runs several statements in one round trip and returns each one's rows, in order.
    ///
    /// libpq's pipeline mode: the statements go to the server together, followed by one sync
    /// point, and the server runs them one after another. Outside a transaction they form one
    /// transaction of their own, which commits at the sync point when all succeed; inside one
    /// (``withTransaction(isolation:_:)``) they are part of it. Each statement sees what the ones
    /// before it did and, at the default isolation level, what other transactions committed before
    /// it started: a statement that waits for a row lock sends the next one a fresh view.
    ///
    /// ```swift
    /// let results = try connection.pipeline([
    ///     .init("SELECT id FROM project WHERE key = $1 FOR UPDATE", [key]),
    ///     .init("INSERT INTO trial (project_id, number) SELECT id, 1 FROM project WHERE key = $1", [key]),
    /// ])
    /// ```
    ///
    /// When a statement fails, the ones after it do not run, the transaction they form rolls back
    /// (or, inside a transaction, that transaction can only be rolled back), and its error is
    /// thrown once the server has answered the rest, so the connection stays usable.
    ///
    /// > Warning: Outside a transaction, a connection lost before the answer leaves the outcome
    /// > unknown: the server may have committed at the sync point. Apply
    /// > ``commitFailure(_:)`` to the error then, as for a statement that commits by itself.
    ///
    /// - Parameter statements: The statements, each with its parameters.
    /// - Returns: One ``PostgresRows`` per statement.
    /// - Throws: The first failing statement's ``PostgresError``, as ``query(_:_:)`` throws it.
    public func pipeline(_ statements: [Statement]) throws -> [PostgresRows] {
        let handle = try openHandle()
        guard !statements.isEmpty else { return [] }
        let encoded = try statements.map { try Encoded($0.sql, $0.parameters) }
        let text = statements.map(\.sql).joined(separator: ";\n")
        guard PQenterPipelineMode(handle) == 1 else { throw failure(sql: text, serverError: nil) }
        do {
            for statement in encoded {
                try send(statement, on: handle)
            }
            // The sync point also flushes: everything leaves in one write.
            guard PQpipelineSync(handle) == 1 else { throw failure(sql: text, serverError: nil) }
        } catch {
            // libpq refuses to queue only on a broken connection; never leave one half sent.
            if isOpen { markLost(reason: "a pipeline could not be sent") }
            throw error
        }
        var rows: [PostgresRows] = []
        rows.reserveCapacity(statements.count)
        var firstError: PostgresError?
        for statement in statements {
            guard let result = try nextResult(sql: statement.sql) else {
                throw firstError ?? failure(sql: statement.sql, serverError: nil)
            }
            defer { PQclear(result) }
            switch PQresultStatus(result) {
            case PGRES_TUPLES_OK, PGRES_COMMAND_OK:
                rows.append(Self.rows(copiedFrom: result))
            case PGRES_PIPELINE_ABORTED:
                break
            default:
                firstError = firstError ?? failure(sql: statement.sql, serverError: PostgresError(serverResult: result))
                try giveUpIfEnded(firstError)
            }
            // Each statement's results end with a NULL.
            while let extra = try nextResult(sql: statement.sql) { PQclear(extra) }
        }
        // The sync point: where the transaction the statements form commits, so an error can come
        // here too (a deferred constraint, a session ended while committing).
        while true {
            guard let result = try nextResult(sql: text) else {
                throw firstError ?? failure(sql: text, serverError: nil)
            }
            defer { PQclear(result) }
            if PQresultStatus(result) == PGRES_PIPELINE_SYNC { break }
            firstError = firstError ?? failure(sql: text, serverError: PostgresError(serverResult: result))
            try giveUpIfEnded(firstError)
        }
        leavePipeline(handle)
        if let firstError { throw firstError }
        return rows
    }

    /// Throws `error` when it ended the session (the connection is lost, or the server reported a
    /// FATAL or PANIC error, after which it closes the connection): no more results will come.
    private func giveUpIfEnded(_ error: PostgresError?) throws {
        guard let error else { return }
        if isOpen && error.severity != "FATAL" && error.severity != "PANIC" { return }
        if isOpen { markLost(reason: error.message) }
        throw error
    }

    /// Leaves pipeline mode, once nothing is pending; a connection that cannot is given up.
    private func leavePipeline(_ handle: OpaquePointer) {
        guard isOpen, PQpipelineStatus(handle) != PQ_PIPELINE_OFF else { return }
        if PQexitPipelineMode(handle) != 1 {
            markLost(reason: "a pipeline could not be ended")
        }
    }
}
