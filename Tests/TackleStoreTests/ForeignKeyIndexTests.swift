import LibPQ
import Logging
import TestSupport
import Testing

@testable import TackleStore

/// Every foreign key of the schema has an index that finds the rows referencing a given row:
/// PostgreSQL makes none by itself, and without one each delete of a referenced row, and each
/// report that joins from the referenced side, scans the whole referencing table.
@Suite("Foreign keys are indexed")
struct ForeignKeyIndexTests {
    @Test("every foreign key of the migrated schema has a full index led by its columns")
    func everyForeignKeyIndexed() throws {
        let conninfo = try TestDatabase.create(label: "fk_indexes")
        defer { try? TestDatabase.drop(conninfo: conninfo) }
        try PostgresConnection.withConnection(conninfo: conninfo) { connection in
            try Migrator(logger: Logger(label: "test")).migrate(on: connection)
            let keys = try connection.query(
                """
                SELECT c.conrelid::regclass::text AS tbl, c.conname,
                       EXISTS (
                           SELECT 1 FROM pg_index i
                           WHERE i.indrelid = c.conrelid AND i.indisvalid AND i.indpred IS NULL
                             AND i.indnkeyatts >= cardinality(c.conkey)
                             AND (i.indkey::int2[])[0:cardinality(c.conkey) - 1] @> c.conkey
                             AND (i.indkey::int2[])[0:cardinality(c.conkey) - 1] <@ c.conkey
                       ) AS indexed
                FROM pg_constraint c
                JOIN pg_namespace n ON n.oid = c.connamespace
                WHERE c.contype = 'f' AND n.nspname = current_schema()
                ORDER BY 1, 2
                """)
            // The schema has foreign keys to check (unit, person, project, member, ... all have some).
            #expect(keys.count >= 13)
            let unindexed = try keys.filter { try !$0.decode(Bool.self, "indexed") }.map {
                "\(try $0.decode(String.self, "tbl")).\(try $0.decode(String.self, "conname"))"
            }
            #expect(unindexed.isEmpty, "foreign keys without an index led by their columns: \(unindexed)")
        }
    }
}
