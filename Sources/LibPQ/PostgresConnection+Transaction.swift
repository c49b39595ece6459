internal import CLibPQ
import Logging

extension PostgresConnection {
    /// The isolation level of a transaction; see the PostgreSQL manual, "Transaction Isolation".
    public enum IsolationLevel: Sendable {
        /// Each statement sees data committed before it began (PostgreSQL's default).
        case readCommitted
        /// Every statement sees the snapshot taken at the transaction's first statement.
        case repeatableRead
        /// As if transactions ran one after another; be ready to retry on
        /// ``PostgresError/SQLState/serializationFailure``.
        case serializable

        var sql: String {
            switch self {
            case .readCommitted: "READ COMMITTED"
            case .repeatableRead: "REPEATABLE READ"
            case .serializable: "SERIALIZABLE"
            }
        }
    }

    /// Runs `body` in a transaction: commits when it returns, rolls back when it throws.
    ///
    /// The error `body` throws is rethrown unchanged after the rollback. Called inside another
    /// transaction (nested, or after a manual `BEGIN`), it uses a savepoint instead, so the inner
    /// work can fail alone while the outer transaction goes on.
    ///
    /// ```swift
    /// let id = try connection.withTransaction { connection in
    ///     let id = try connection.query("INSERT INTO trial (...) VALUES (...) RETURNING id", [...])
    ///     try connection.execute("INSERT INTO trial_event (...) VALUES (...)", [...])
    ///     return id
    /// }
    /// ```
    ///
    /// > Warning: If `body` catches a server error and returns normally, the transaction cannot
    /// > commit (PostgreSQL has aborted it): it is rolled back and an error with SQLSTATE `25P02`
    /// > is thrown rather than pretending it committed. If the connection is lost during `COMMIT`,
    /// > whether the transaction committed is unknown: the error's code is
    /// > ``PostgresError/Code/commitOutcomeUnknown``, and only reading the data again can tell.
    ///
    /// - Parameters:
    ///   - isolation: The isolation level, or `nil` for the session default. Only allowed on the
    ///     outermost transaction.
    ///   - body: The work to do; it receives this connection.
    /// - Returns: What `body` returns.
    /// - Throws: What `body` throws, or a ``PostgresError`` when `BEGIN` or `COMMIT` fails (for
    ///   example ``PostgresError/SQLState/serializationFailure`` at commit).
    @discardableResult
    public func withTransaction<Result>(
        isolation: IsolationLevel? = nil, _ body: (PostgresConnection) throws -> Result
    ) throws -> Result {
        let handle = try openHandle()
        let isNested = PQtransactionStatus(handle) != PQTRANS_IDLE
        if isNested, isolation != nil {
            throw PostgresError(
                code: .invalidArgument,
                message: "the isolation level can only be set on the outermost transaction")
        }
        let savepoint = "tackle_savepoint_\(transactionDepth)"
        if isNested {
            try ensureNotAborted()
            try executeScript("SAVEPOINT \(savepoint)")
        } else {
            try executeScript(isolation.map { "BEGIN ISOLATION LEVEL \($0.sql)" } ?? "BEGIN")
        }
        transactionDepth += 1
        defer { transactionDepth -= 1 }

        let result: Result
        do {
            result = try body(self)
        } catch {
            rollBack(to: isNested ? savepoint : nil)
            throw error
        }

        do {
            try ensureNotAborted()
        } catch {
            rollBack(to: isNested ? savepoint : nil)
            throw error
        }
        if isNested {
            try executeScript("RELEASE SAVEPOINT \(savepoint)")
        } else {
            do {
                try executeScript("COMMIT")
            } catch let error as PostgresError {
                throw Self.commitFailure(error)
            }
        }
        return result
    }

    /// The error to report when `COMMIT` fails: a connection lost on the way (the server may have
    /// committed before it went away, or not) becomes ``PostgresError/Code/commitOutcomeUnknown``;
    /// any other failure (a deferred constraint, a serialization failure) rolled back for sure and
    /// is reported as it is.
    ///
    /// ``withTransaction(isolation:_:)`` applies it to its `COMMIT`. Apply it also to a write sent
    /// as one statement outside a transaction, which commits by itself at its end.
    ///
    /// - Parameter error: The error the commit (or the self-committing statement) threw.
    /// - Returns: The error to throw.
    public static func commitFailure(_ error: PostgresError) -> PostgresError {
        // A FATAL or PANIC report ends the session too, whether or not libpq has noticed yet.
        guard error.code == .connectionLost || error.severity == "FATAL" || error.severity == "PANIC" else {
            return error
        }
        var unknown = error
        unknown.code = .commitOutcomeUnknown
        unknown.message =
            "the connection was lost while committing; the transaction may or may not have committed"
            + (error.message.isEmpty ? "" : " (\(error.message))")
        return unknown
    }

    /// Throws when the current transaction has failed and can only be rolled back.
    private func ensureNotAborted() throws {
        let handle = try openHandle()
        guard PQtransactionStatus(handle) != PQTRANS_INERROR else {
            throw PostgresError(
                code: .server,
                message: "the transaction was rolled back because a statement in it failed",
                sqlState: "25P02")
        }
    }

    /// Rolls back the transaction or to a savepoint, best effort: the error that led here is the
    /// one worth reporting, and a lost connection has rolled back on the server anyway.
    private func rollBack(to savepoint: String?) {
        guard isOpen else { return }
        do {
            if let savepoint {
                try executeScript("ROLLBACK TO SAVEPOINT \(savepoint); RELEASE SAVEPOINT \(savepoint)")
            } else {
                try executeScript("ROLLBACK")
            }
        } catch {
            logger.debug("postgres rollback failed", metadata: ["db.error": "\(error)"])
        }
    }
}
