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
    ///   `.schemaBehind`/`.schemaAhead`/`.migrationChanged` when the schema does not match,
    ///   `.recordUntrusted` when a promised trigger or constraint is missing or disabled, and what
    ///   `body` throws.
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

    /// Refuses to go on unless the schema matches this binary and keeps its promises, in one query.
    ///
    /// The query reads the whole migration bookkeeping (every version and checksum, compared here
    /// as `tackle db status` compares it) and, from the catalogue, every trigger and constraint of
    /// ``SchemaPromises`` that is missing or disabled. One round trip: the bookkeeping is a few rows,
    /// the catalogue lookups go by index. The same query reads who the login is (``login``).
    ///
    /// - Throws: ``StoreError`` `.schemaBehind`, `.schemaAhead` or `.migrationChanged` with the
    ///   message `db status` gives; `.recordUntrusted` naming the trigger or constraint.
    public func checkSchema() throws {
        let rows: PostgresRows
        do {
            rows = try connection.query(
                Self.schemaCheck,
                [try Self.promised(SchemaPromises.triggers), try Self.promised(SchemaPromises.constraints)])
        } catch let error as PostgresError where error.sqlState == PostgresError.SQLState.undefinedTable {
            throw StoreError(
                .schemaBehind, "the database has no tackle schema yet; run `tackle db migrate`", underlying: error)
        }
        guard let row = rows.first else { return }
        login = DatabaseLogin(
            name: try row.decode(String.self, "login"), isSuperuser: try row.decode(Bool.self, "superuser"),
            ownsSchema: try row.decode(Bool.self, "owner"), actsForOthers: try row.decode(Bool.self, "service"))
        let applied = try row.decode(PostgresJSON.self, "migrations").decode([AppliedMigration].self)
        let status = MigrationStatus(
            known: Migration.embedded,
            applied: applied.map {
                MigrationStatus.Applied(
                    version: $0.version, name: $0.name, checksum: $0.checksum, appliedAt: $0.appliedAt)
            })
        if let problem = status.problem { throw problem }
        if let broken = try row.decode(PostgresJSON.self, "broken").decode([[String]].self).first, broken.count == 3 {
            throw SchemaPromises.problem(kind: broken[0], table: broken[1], name: broken[2])
        }
    }

    /// A row of `tackle_migration` as the schema check reads it.
    private struct AppliedMigration: Decodable {
        var version: Int
        var name: String
        var checksum: String
        var appliedAt: String
    }

    /// Promises as the schema check's parameter: a JSON array of `[table, name]`.
    private static func promised(_ promises: [String: [String]]) throws -> PostgresJSON {
        let pairs = SchemaPromises.pairs(promises)
        return try PostgresJSON(encoding: zip(pairs.tables, pairs.names).map { [$0, $1] })
    }

    /// The bookkeeping, and every promised trigger missing or not firing (disabled, or enabled for
    /// replication sessions only), every promised constraint missing, and every disabled
    /// foreign-key trigger of a promised table.
    private static let schemaCheck = """
        WITH RECURSIVE triggers AS (
            SELECT e->>0 AS tbl, e->>1 AS name FROM jsonb_array_elements($1::jsonb) e
        ), constraints AS (
            SELECT e->>0 AS tbl, e->>1 AS name FROM jsonb_array_elements($2::jsonb) e
        ), broken AS (
            SELECT CASE WHEN t.oid IS NULL THEN 'trigger' ELSE 'disabled trigger' END AS kind, e.tbl, e.name
            FROM triggers e LEFT JOIN pg_trigger t ON t.tgrelid = to_regclass(e.tbl) AND t.tgname = e.name
            WHERE t.oid IS NULL OR t.tgenabled NOT IN ('O', 'A')
            UNION ALL
            SELECT 'constraint', e.tbl, e.name FROM constraints e
            WHERE NOT EXISTS (SELECT FROM pg_constraint c WHERE c.conrelid = to_regclass(e.tbl) AND c.conname = e.name)
            UNION ALL
            SELECT 'internal trigger', t.tgrelid::regclass::text, t.tgname FROM pg_trigger t
            WHERE t.tgisinternal AND t.tgenabled NOT IN ('O', 'A')
              AND t.tgrelid IN (SELECT to_regclass(tbl) FROM constraints)
        ), granted (oid) AS (
            SELECT oid FROM pg_roles WHERE rolname = session_user
            UNION SELECT m.roleid FROM pg_auth_members m JOIN granted g ON m.member = g.oid
        )
        SELECT
            session_user::text AS login,
            (SELECT rolsuper FROM pg_roles WHERE rolname = session_user) AS superuser,
            EXISTS (SELECT 1 FROM granted JOIN pg_roles r USING (oid) WHERE r.rolname = 'tackle_owner') AS owner,
            EXISTS (SELECT 1 FROM granted JOIN pg_roles r USING (oid) WHERE r.rolname = 'tackle_service') AS service,
            (SELECT coalesce(jsonb_agg(jsonb_build_object(
                        'version', version, 'name', name, 'checksum', checksum,
                        'appliedAt', to_char(applied_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS"Z"'))
                    ORDER BY version), '[]')
             FROM tackle_migration) AS migrations,
            (SELECT coalesce(jsonb_agg(jsonb_build_array(kind, tbl, name) ORDER BY tbl, name), '[]') FROM broken)
                AS broken
        """

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
