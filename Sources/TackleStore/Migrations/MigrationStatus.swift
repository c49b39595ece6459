import LibPQ

/// Where a database stands against the migrations compiled into this binary.
public struct MigrationStatus: Sendable {
    /// A migration recorded in the database.
    public struct Applied: Sendable, Hashable {
        public var version: Int
        public var name: String
        public var checksum: String
        public var appliedAt: String
    }

    /// The migrations this binary knows, in version order.
    public var known: [Migration]
    /// The migrations the database records, in version order.
    public var applied: [Applied]

    /// Known migrations the database has not applied yet.
    public var pending: [Migration] {
        let appliedVersions = Set(applied.map(\.version))
        return known.filter { !appliedVersions.contains($0.version) }
    }

    /// Applied migrations whose file in this binary differs from what was applied.
    public var changed: [Migration] {
        let checksums = Dictionary(applied.map { ($0.version, $0.checksum) }, uniquingKeysWith: { first, _ in first })
        return known.filter { migration in
            checksums[migration.version].map { $0 != migration.checksum } ?? false
        }
    }

    /// Applied migrations this binary does not know: the database is newer than the code.
    public var unknown: [Applied] {
        let knownVersions = Set(known.map(\.version))
        return applied.filter { !knownVersions.contains($0.version) }
    }

    /// True when every known migration is applied unchanged and nothing unknown is recorded.
    public var isUpToDate: Bool { pending.isEmpty && changed.isEmpty && unknown.isEmpty }

    /// The error that forbids running against this database, or nil when it is usable.
    ///
    /// Changed and unknown migrations are refused outright; pending ones ask for `tackle db migrate`.
    public var problem: StoreError? {
        if let migration = changed.first {
            return StoreError(
                .migrationChanged,
                "migration \(migration.fileName) was changed after it was applied to this database "
                    + "(checksum differs); restore the file as it was and add a new migration instead"
            )
        }
        if let newest = unknown.last {
            return StoreError(
                .schemaAhead,
                "the database has migration \(newest.version) (\(newest.name)) that this tackle does not know: "
                    + "the database is newer than the code; upgrade tackle"
            )
        }
        if let first = pending.first {
            return StoreError(
                .schemaBehind,
                "the database schema is not up to date: \(pending.count) migration(s) pending, "
                    + "starting with \(first.fileName); run `tackle db migrate`"
            )
        }
        return nil
    }
}
