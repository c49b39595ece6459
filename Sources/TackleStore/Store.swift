import LibPQ
import Logging

/// The tackle service: everything tackle records, in PostgreSQL.
///
/// A `Store` owns one database connection for the length of one command or one scheduler pass.
/// Open it with ``withStore(at:applicationName:timeouts:logger:requireCurrentSchema:_:)``, which closes it on every path.
///
/// Store methods translate database errors into ``StoreError`` values whose messages name the
/// field and the rule, and every write that touches several rows runs in one transaction.
public final class Store {
    /// The connection; store extensions run their SQL on it.
    package let connection: PostgresConnection
    package let logger: Logger

    /// Who acts when the caller claims nobody (the operating-system user, say), for a login that
    /// may act for others; ignored for any other login, which acts as the person mapped to it.
    public var fallbackActor: String?

    /// The login this store is connected as; read by the schema check, nil when it was skipped.
    public private(set) var login: DatabaseLogin?

    init(connection: PostgresConnection, logger: Logger) {
        self.connection = connection
        self.logger = logger
    }

    /// Connects to the database, runs `body` with a store on it, and closes the connection.
    ///
    /// - Parameters:
    ///   - location: Where the database is.
    ///   - applicationName: What the server shows as the session's `application_name` (in
    ///     `pg_stat_activity` and in lock messages), unless the connection string sets one.
    ///   - timeouts: The statement and lock timeouts (see ``LibPQ/PostgresConnection/Timeouts``).
    ///   - logger: The logger for the store and the connection.
    ///   - requireCurrentSchema: When true (the default), refuse with a clear error unless every
    ///     migration of this binary is applied and none unknown is recorded. `db` commands pass false.
    ///   - body: The work to do.
    /// - Returns: What `body` returns.
    /// - Throws: ``StoreError`` `.databaseUnavailable` when the database cannot be reached,
    ///   `.schemaBehind`/`.schemaAhead` when the schema does not match, and what `body` throws.
    public static func withStore<T>(
        at location: DatabaseLocation,
        applicationName: String = "tackle",
        timeouts: PostgresConnection.Timeouts = .standard,
        logger: Logger,
        requireCurrentSchema: Bool = true,
        _ body: (Store) throws -> T
    ) throws -> T {
        let connection = try connect(
            to: location, applicationName: applicationName, timeouts: timeouts, logger: logger)
        defer { connection.close() }
        let store = Store(connection: connection, logger: logger)
        if requireCurrentSchema {
            try store.translatingErrors { try store.checkSchema() }
        }
        return try store.translatingErrors { try body(store) }
    }

    /// Opens a connection, turning a failure into one line that says where it tried and why.
    static func connect(
        to location: DatabaseLocation, applicationName: String = "tackle",
        timeouts: PostgresConnection.Timeouts = .standard, logger: Logger
    ) throws(StoreError) -> PostgresConnection {
        do {
            return try PostgresConnection.connect(
                conninfo: location.conninfo, applicationName: applicationName, timeouts: timeouts, logger: logger)
        } catch let error as PostgresError {
            throw StoreError(
                .databaseUnavailable,
                "cannot connect to the database (from \(location.source)): \(error.message)",
                underlying: error
            )
        } catch {
            throw StoreError(.databaseUnavailable, "cannot connect to the database (from \(location.source)): \(error)")
        }
    }

    /// Where the schema stands.
    public func migrationStatus() throws -> MigrationStatus {
        try translatingErrors { try Migrator(logger: logger).status(on: connection) }
    }

    /// Applies pending migrations; see ``Migrator/migrate(on:)``.
    @discardableResult
    public func migrate() throws -> [Migration] {
        try translatingErrors { try Migrator(logger: logger).migrate(on: connection) }
    }

    /// Refuses to go on unless the schema matches this binary, in one cheap query, which also reads
    /// who the login is (``login``).
    func checkSchema() throws {
        let latest = Migration.embedded.last?.version ?? 0
        let rows: PostgresRows
        do {
            rows = try connection.query(
                """
                WITH RECURSIVE granted (oid) AS (
                    SELECT oid FROM pg_roles WHERE rolname = session_user
                    UNION SELECT m.roleid FROM pg_auth_members m JOIN granted g ON m.member = g.oid
                )
                SELECT coalesce(max(version), 0) AS newest, session_user::text AS login,
                       (SELECT rolsuper FROM pg_roles WHERE rolname = session_user) AS superuser,
                       EXISTS (SELECT 1 FROM granted JOIN pg_roles r USING (oid) WHERE r.rolname = 'tackle_owner')
                           AS owner,
                       EXISTS (SELECT 1 FROM granted JOIN pg_roles r USING (oid) WHERE r.rolname = 'tackle_service')
                           AS service
                FROM tackle_migration
                """)
        } catch let error as PostgresError where error.sqlState == PostgresError.SQLState.undefinedTable {
            throw StoreError(
                .schemaBehind, "the database has no tackle schema yet; run `tackle db migrate`", underlying: error)
        }
        let newest = try rows.first?.decode(Int.self, "newest") ?? 0
        if let row = rows.first {
            login = DatabaseLogin(
                name: try row.decode(String.self, "login"), isSuperuser: try row.decode(Bool.self, "superuser"),
                ownsSchema: try row.decode(Bool.self, "owner"), actsForOthers: try row.decode(Bool.self, "service"))
        }
        if newest != latest {
            // Rare path: let the full status say exactly what is wrong.
            if let problem = try migrationStatus().problem { throw problem }
        }
    }

    /// Runs `body`, turning driver errors that escape it into ``StoreError`` values.
    package func translatingErrors<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as PostgresError where error.sqlState == PostgresError.SQLState.lockNotAvailable {
            throw lockTimeoutError(error)
        } catch let error as PostgresError {
            throw StoreError(translating: error)
        }
    }
}
