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
    ///   - opening: A store opened early (``StoreOpening``), taken when it was opened with these
    ///     parameters; otherwise it is closed and a store opened here.
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
        opening: StoreOpening? = nil,
        _ body: (Store) throws -> T
    ) throws -> T {
        let parameters = StoreOpening.Parameters(
            location: location, applicationName: applicationName, timeouts: timeouts,
            requireCurrentSchema: requireCurrentSchema)
        let store = try opening?.take(parameters) ?? open(parameters, logger: logger)
        defer { store.connection.close() }
        return try store.translatingErrors { try body(store) }
    }

    /// Connects as `parameters` say and, when they require it, checks the schema; a store that
    /// fails the check is closed before the error is thrown.
    static func open(_ parameters: StoreOpening.Parameters, logger: Logger) throws -> Store {
        let connection = try connect(
            to: parameters.location, applicationName: parameters.applicationName, timeouts: parameters.timeouts,
            logger: logger)
        let store = Store(connection: connection, logger: logger)
        if parameters.requireCurrentSchema {
            do {
                try store.translatingErrors { try store.checkSchema() }
            } catch {
                connection.close()
                throw error
            }
        }
        return store
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
    /// The query compares the migration bookkeeping (every version and checksum) with the
    /// migrations compiled in, looks up in the catalogue every trigger and constraint of
    /// ``SchemaPromises`` (enabled, present), and reads who the login is (``login``): one round trip
    /// of booleans, the lookups going by index. Only when something is amiss does a second query
    /// read the details for the message (``schemaProblem()``), the one `tackle db status` gives.
    ///
    /// - Throws: ``StoreError`` `.schemaBehind`, `.schemaAhead` or `.migrationChanged` with the
    ///   message `db status` gives; `.recordUntrusted` naming the trigger or constraint.
    public func checkSchema() throws {
        // A superuser passes every privilege check, so pg_has_role cannot tell whether it was made a
        // member of tackle_service on purpose; its memberships are read from the catalogue instead.
        // The server reports is_superuser when the session starts: choosing costs nothing.
        let explicit = connection.parameterStatus("is_superuser") != "off"
        let rows: PostgresRows
        do {
            rows = try connection.query(explicit ? Self.schemaCheckReadingMemberships : Self.schemaCheck)
        } catch let error as PostgresError where error.sqlState == PostgresError.SQLState.undefinedTable {
            throw StoreError(
                .schemaBehind, "the database has no tackle schema yet; run `tackle db migrate`", underlying: error)
        }
        guard let row = rows.first else { return }
        login = DatabaseLogin(
            name: try row.decode(String.self, "login"), isSuperuser: try row.decode(Bool.self, "superuser"),
            ownsSchema: try row.decode(Bool.self, "owner"), actsForOthers: try row.decode(Bool.self, "service"))
        guard try row.decode(Bool.self, "current"), try row.decode(Bool.self, "kept") else {
            if let problem = try schemaProblem() { throw problem }
            return
        }
    }

    /// What is wrong with the schema, read in detail: the whole migration bookkeeping, compared as
    /// `tackle db status` compares it, then every promised trigger missing or not firing (disabled,
    /// or enabled for replication sessions only), every promised constraint missing, and every
    /// disabled foreign-key trigger of a promised table.
    ///
    /// - Returns: The first problem, or nil when there is none (any more).
    private func schemaProblem() throws -> StoreError? {
        let status = try Migrator(logger: logger).status(on: connection)
        if let problem = status.problem { return problem }
        let broken = try connection.query(Self.brokenPromises).first?.decode(PostgresJSON.self, "broken")
            .decode([[String]].self).first
        guard let broken, broken.count == 3 else { return nil }
        return SchemaPromises.problem(kind: broken[0], table: broken[1], name: broken[2])
    }

    /// `(table, name)` rows of an SQL `VALUES` list, for promises that are constants of this program.
    private static func values(_ promises: [String: [String]]) -> String {
        let pairs = SchemaPromises.pairs(promises)
        func literal(_ text: String) -> String {
            var quoted = "'"
            for character in text {
                quoted.append(character)
                if character == "'" { quoted.append("'") }
            }
            return quoted + "'"
        }
        return zip(pairs.tables, pairs.names).map { "(\(literal($0)), \(literal($1)))" }.joined(separator: ", ")
    }

    /// The promised triggers and constraints as common table expressions `triggers` and
    /// `constraints` of `(tbl, name)`.
    private static let promises = """
        triggers (tbl, name) AS (VALUES \(values(SchemaPromises.triggers))),
        constraints (tbl, name) AS (VALUES \(values(SchemaPromises.constraints)))
        """

    /// The fast check: whether the bookkeeping equals the migrations compiled in (`current`), whether
    /// every promise is kept (`kept`), and who the login is. For a login that is no superuser,
    /// `pg_has_role` answers membership (direct or through other roles) at no catalogue cost.
    private static let schemaCheck = fastCheck(
        recursive: "",
        owner: "coalesce(pg_has_role(session_user, to_regrole('tackle_owner'), 'MEMBER'), false)",
        service: "coalesce(pg_has_role(session_user, to_regrole('tackle_service'), 'MEMBER'), false)")

    /// The fast check for a superuser: its memberships are walked in `pg_auth_members`.
    private static let schemaCheckReadingMemberships = fastCheck(
        recursive: """
            granted (oid) AS (
                SELECT to_regrole(quote_ident(session_user))::oid
                UNION SELECT m.roleid FROM pg_auth_members m JOIN granted g ON m.member = g.oid
            ),
            """,
        owner: "coalesce(to_regrole('tackle_owner') IN (SELECT oid FROM granted), false)",
        service: "coalesce(to_regrole('tackle_service') IN (SELECT oid FROM granted), false)")

    private static func fastCheck(recursive: String, owner: String, service: String) -> String {
        let bookkeeping = Migration.embedded.map { "\($0.version):\($0.checksum)" }.joined(separator: ",")
        return """
            WITH RECURSIVE \(recursive)
            \(promises)
            SELECT
                session_user::text AS login,
                current_setting('is_superuser') = 'on' AS superuser,
                \(owner) AS owner,
                \(service) AS service,
                coalesce((SELECT string_agg(version || ':' || checksum, ',' ORDER BY version) FROM tackle_migration)
                    = '\(bookkeeping)', false) AS current,
                (SELECT count(*) FROM triggers e
                 JOIN pg_trigger t ON t.tgrelid = to_regclass(e.tbl) AND t.tgname = e.name AND t.tgenabled IN ('O', 'A'))
                    = \(SchemaPromises.pairs(SchemaPromises.triggers).names.count)
                AND (SELECT count(*) FROM constraints e
                     JOIN pg_constraint c ON c.conrelid = to_regclass(e.tbl) AND c.conname = e.name)
                    = \(SchemaPromises.pairs(SchemaPromises.constraints).names.count)
                AND NOT EXISTS (
                    SELECT FROM pg_trigger t WHERE t.tgisinternal AND t.tgenabled NOT IN ('O', 'A')
                      AND t.tgrelid IN (SELECT to_regclass(tbl) FROM constraints)) AS kept
            """
    }

    /// Every promised trigger missing or not firing, every promised constraint missing, and every
    /// disabled foreign-key trigger of a promised table, as a JSON array of `[kind, table, name]`.
    private static let brokenPromises = """
        WITH \(promises),
        broken AS (
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
        )
        SELECT coalesce(jsonb_agg(jsonb_build_array(kind, tbl, name) ORDER BY tbl, name), '[]') AS broken FROM broken
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
