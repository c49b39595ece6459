import LibPQ
import Logging

/// Applies the migrations of `sql/` to a database and reports where it stands.
///
/// `migrate` runs in one transaction under a transaction-scoped PostgreSQL advisory lock: several
/// migrators started at once queue on the lock, and each sees what the previous one committed, so
/// every migration is applied and recorded exactly once. A crash rolls the transaction back and
/// releases the lock with it.
public struct Migrator: Sendable {
    /// The advisory lock key that serialises migrators: "tackle" in ASCII.
    static let lockKey: Int64 = 0x7461_636b_6c65

    /// The migrations to apply, in version order.
    public var migrations: [Migration]
    let logger: Logger

    /// - Parameters:
    ///   - migrations: The migrations, by default the ones compiled into this binary.
    ///   - logger: Where to log each applied migration.
    public init(migrations: [Migration] = Migration.embedded, logger: Logger) {
        self.migrations = migrations.sorted { $0.version < $1.version }
        self.logger = logger
    }

    /// Reads which migrations the database has applied.
    ///
    /// - Parameter connection: An open connection.
    /// - Returns: The status; an empty database has every migration pending.
    /// - Throws: ``StoreError`` when the database cannot be read.
    public func status(on connection: PostgresConnection) throws -> MigrationStatus {
        MigrationStatus(known: migrations, applied: try readApplied(on: connection))
    }

    /// Applies every pending migration in order.
    ///
    /// - Parameter connection: An open connection; its role needs the rights to create the schema.
    /// - Returns: The migrations applied by this call; empty when the database was up to date.
    /// - Throws: ``StoreError`` `.migrationChanged` or `.schemaAhead` without applying anything,
    ///   or `.database` with the failing file named when a migration's SQL fails (nothing applied).
    @discardableResult
    public func migrate(on connection: PostgresConnection) throws -> [Migration] {
        try connection.withTransaction { connection in
            try connection.execute("SELECT pg_advisory_xact_lock($1)", [Self.lockKey])
            let status = MigrationStatus(known: migrations, applied: try readApplied(on: connection))
            if let problem = status.problem, problem.code != .schemaBehind {
                throw problem
            }
            for migration in status.pending {
                logger.info(
                    "applying migration",
                    metadata: ["migration.version": "\(migration.version)", "migration.file": "\(migration.fileName)"]
                )
                do {
                    try connection.executeScript(migration.sql)
                } catch let error as PostgresError {
                    throw StoreError(
                        .database, "migration \(migration.fileName) failed: \(error.message)", underlying: error)
                }
                try connection.execute(
                    "INSERT INTO tackle_migration (version, name, checksum) VALUES ($1, $2, $3)",
                    [migration.version, migration.name, migration.checksum]
                )
            }
            return status.pending
        }
    }

    private func readApplied(on connection: PostgresConnection) throws -> [MigrationStatus.Applied] {
        let exists = try connection.query("SELECT to_regclass('tackle_migration') IS NOT NULL AS present")
        guard try exists.first?.decode(Bool.self, "present") == true else { return [] }
        let rows = try connection.query(
            """
            SELECT version, name, checksum, to_char(applied_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS"Z"') AS applied_at
            FROM tackle_migration ORDER BY version
            """
        )
        return try rows.map { row in
            MigrationStatus.Applied(
                version: try row.decode(Int.self, "version"),
                name: try row.decode(String.self, "name"),
                checksum: try row.decode(String.self, "checksum"),
                appliedAt: try row.decode(String.self, "applied_at")
            )
        }
    }
}
