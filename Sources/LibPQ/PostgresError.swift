/// An error from the PostgreSQL client layer: a stable code, a message a person can act on, and,
/// when the server reported it, the server's diagnostic fields.
///
/// Branch on ``code`` (and on ``sqlState`` for ``Code/server`` errors), never on the message text.
/// ``description`` is one line, fit to show to a user; ``debugDescription`` carries every field for logs.
///
/// ```swift
/// do {
///     try connection.execute("INSERT INTO project (key) VALUES ($1)", [key])
/// } catch let error as PostgresError where error.sqlState == PostgresError.SQLState.uniqueViolation {
///     throw StoreError.duplicateProject(key)
/// }
/// ```
public struct PostgresError: Error, CustomStringConvertible, CustomDebugStringConvertible, Sendable {
    /// The kind of failure, as a stable string that is safe to match on and to log.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        /// The stable identifier, for example `connection_failed`.
        public let rawValue: String

        private init(_ rawValue: String) {
            self.rawValue = rawValue
        }

        public var description: String { rawValue }

        /// A connection could not be opened: the server is unreachable, refused the login, or the
        /// connection string is invalid.
        public static let connectionFailed = Code("connection_failed")
        /// The connection was closed (by ``PostgresConnection/close()`` or after it was lost) and
        /// cannot be used any more.
        public static let connectionClosed = Code("connection_closed")
        /// The server went away during this call; the connection is now closed.
        public static let connectionLost = Code("connection_lost")
        /// The connection was lost after `COMMIT` was sent and before the server confirmed it: the
        /// transaction may or may not have committed, and only reading the data again can tell.
        public static let commitOutcomeUnknown = Code("commit_outcome_unknown")
        /// The server rejected the statement; ``PostgresError/sqlState`` says why.
        public static let server = Code("server")
        /// A value could not be decoded: wrong column type, unexpected NULL, malformed text or
        /// unknown column.
        public static let decoding = Code("decoding")
        /// An argument cannot be sent, for example text containing a NUL byte.
        public static let invalidArgument = Code("invalid_argument")
        /// A `COPY FROM STDIN` was aborted on the client side (bad row shape, failed send).
        public static let copyFailed = Code("copy_failed")
        /// The server answered in a way this layer does not expect, for example a `COPY` sent
        /// through ``PostgresConnection/query(_:_:)``.
        public static let `protocol` = Code("protocol")
    }

    /// The kind of failure.
    public var code: Code
    /// A one-line message fit to show to a user. Never contains a password or parameter values.
    public var message: String
    /// The five-character SQLSTATE the server reported (see ``SQLState``), if any.
    public var sqlState: String?
    /// The server's severity (`ERROR`, `FATAL`, `PANIC`), if any.
    public var severity: String?
    /// The server's secondary message with more detail, if any.
    public var detail: String?
    /// The server's suggestion of what to do, if any.
    public var hint: String?
    /// The name of the violated constraint, if any.
    public var constraint: String?
    /// The name of the column involved, if any.
    public var column: String?
    /// The name of the table involved, if any.
    public var table: String?
    /// The name of the schema involved, if any.
    public var schema: String?
    /// The name of the data type involved, if any.
    public var dataType: String?
    /// The 1-based character position in the statement where the error occurred, if any.
    public var position: Int?
    /// The lower-level cause, for ``debugDescription`` only.
    var underlying: String?

    /// Creates an error.
    ///
    /// The server fields are normally filled in by this library from the server's report; the
    /// initializer is public so that tests and higher layers can build errors of their own.
    public init(
        code: Code, message: String, sqlState: String? = nil, severity: String? = nil, detail: String? = nil,
        hint: String? = nil, constraint: String? = nil, column: String? = nil, table: String? = nil,
        schema: String? = nil, dataType: String? = nil, position: Int? = nil
    ) {
        self.code = code
        self.message = message
        self.sqlState = sqlState
        self.severity = severity
        self.detail = detail
        self.hint = hint
        self.constraint = constraint
        self.column = column
        self.table = table
        self.schema = schema
        self.dataType = dataType
        self.position = position
    }

    public var description: String { message }

    public var debugDescription: String {
        var fields = ["code: \(code)", "message: \(message)"]
        let optional: [(String, String?)] = [
            ("sqlState", sqlState), ("severity", severity), ("detail", detail), ("hint", hint),
            ("constraint", constraint), ("column", column), ("table", table), ("schema", schema),
            ("dataType", dataType), ("position", position.map { String($0) }), ("underlying", underlying),
        ]
        for case (let name, let value?) in optional {
            fields.append("\(name): \(value)")
        }
        return "PostgresError(\(fields.joined(separator: ", ")))"
    }
}

extension PostgresError {
    /// SQLSTATE codes that callers commonly translate into their own errors.
    ///
    /// Compare them with ``PostgresError/sqlState``. The full list is in the PostgreSQL manual,
    /// appendix "PostgreSQL Error Codes".
    public enum SQLState {
        /// `23505`: a `UNIQUE` or primary key constraint was violated.
        public static let uniqueViolation = "23505"
        /// `23514`: a `CHECK` constraint was violated.
        public static let checkViolation = "23514"
        /// `23503`: a `FOREIGN KEY` constraint was violated.
        public static let foreignKeyViolation = "23503"
        /// `23502`: a `NOT NULL` constraint was violated.
        public static let notNullViolation = "23502"
        /// `40001`: a serializable transaction could not be serialized; retry it.
        public static let serializationFailure = "40001"
        /// `40P01`: the transaction was chosen as a deadlock victim; retry it.
        public static let deadlockDetected = "40P01"
        /// `55P03`: a lock could not be taken (`NOWAIT` or `lock_timeout`).
        public static let lockNotAvailable = "55P03"
        /// `57014`: the statement was cancelled, for example by `statement_timeout`.
        public static let queryCanceled = "57014"
        /// `42501`: the role lacks a privilege (or a rule of the schema refused it as if so).
        public static let insufficientPrivilege = "42501"
        /// `42P01`: the table does not exist.
        public static let undefinedTable = "42P01"
        /// `57P01`: the server is shutting down or an administrator terminated the session.
        public static let adminShutdown = "57P01"
    }
}
