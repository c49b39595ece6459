import LibPQ

/// An error of the tackle service, with a stable code and a message a plant engineer can act on.
///
/// Store operations translate database errors into these at the boundary (a unique violation
/// becomes "project key SLAB-CRACK-2026 already exists"), so no raw driver text reaches a user
/// unexplained. The database error, when there was one, stays available as ``underlying`` for
/// `debugDescription` and logs.
public struct StoreError: Error, Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// A stable, machine-readable error code.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        public let rawValue: String
        public init(_ rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// The database could not be reached.
        public static let databaseUnavailable = Code("database_unavailable")
        /// A database error with no more specific meaning.
        public static let database = Code("database")
        /// The database schema lacks migrations this binary has: run `tackle db migrate`.
        public static let schemaBehind = Code("schema_behind")
        /// The database has migrations this binary does not know: the code is older than the database.
        public static let schemaAhead = Code("schema_ahead")
        /// An applied migration's file has been edited since it was applied.
        public static let migrationChanged = Code("migration_changed")
        /// A migration file is malformed.
        public static let invalidMigration = Code("invalid_migration")
        /// Input broke a rule; ``StoreError/field`` names the field.
        public static let invalidInput = Code("invalid_input")
        /// Something named does not exist.
        public static let notFound = Code("not_found")
        /// Something with that key already exists.
        public static let alreadyExists = Code("already_exists")
        /// A file could not be read or written.
        public static let fileSystem = Code("file_system")
        /// The record changed since it was read; nothing was written.
        public static let conflict = Code("conflict")
        /// Another session held a lock longer than the lock timeout; nothing was written.
        public static let lockTimeout = Code("lock_timeout")
        /// A trigger or constraint the schema promises is missing or disabled: the history or the
        /// archive may have been rewritten.
        public static let recordUntrusted = Code("record_untrusted")
        /// The connection was lost while committing: the write may or may not have been saved.
        public static let outcomeUnknown = Code("outcome_unknown")
    }

    /// What went wrong, stable across versions.
    public var code: Code
    /// The input field the error is about, when there is one (`--inspected`, `baseline`).
    public var field: String?
    /// A one-line message for the user.
    public var message: String
    /// The error that caused this one, if any.
    public var underlying: (any Error & Sendable)?

    public init(_ code: Code, field: String? = nil, _ message: String, underlying: (any Error & Sendable)? = nil) {
        self.code = code
        self.field = field
        self.message = message
        self.underlying = underlying
    }

    public var description: String { message }

    /// True when the database schema does not match this binary (pending, edited or unknown
    /// migrations, or a promised trigger or constraint missing or disabled): nothing but
    /// `tackle db migrate`, another binary or the database's owner can fix it.
    public var isSchemaMismatch: Bool {
        [Code.schemaBehind, .schemaAhead, .migrationChanged, .recordUntrusted].contains(code)
    }

    public var debugDescription: String {
        var text = "StoreError(\(code)): \(message)"
        if let field { text += " [field: \(field)]" }
        if let underlying { text += " caused by: \(String(reflecting: underlying))" }
        return text
    }
}
