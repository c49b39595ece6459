import LibPQ

/// The content of every table of a database, as row counts and digests, to show that a refused
/// command left the database exactly as it was.
///
/// Each table's digest is the MD5 of all its rows as text in a fixed order, so any inserted,
/// changed or deleted row (history included) changes it. Identity sequences are not compared: a
/// rolled-back insert may consume a number without changing any row.
struct DatabaseSnapshot: Equatable, CustomStringConvertible {
    /// Table name to `rows=<count> md5=<digest>`.
    var tables: [String: String]

    static func take(of database: TrackerDatabase) throws -> DatabaseSnapshot {
        try database.withConnection { connection in
            // Table names come from the catalog, quoted by the server: nothing here comes from input.
            let names = try connection.query(
                """
                SELECT quote_ident(tablename) AS name FROM pg_tables
                WHERE schemaname = 'public' ORDER BY tablename
                """
            ).map { try $0.decode(String.self, "name") }
            var tables: [String: String] = [:]
            for name in names {
                let row = try connection.query(
                    """
                    SELECT count(*) AS n, coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '-') AS digest
                    FROM \(name) t
                    """
                ).first
                tables[name] =
                    "rows=\(try row?.decode(Int.self, "n") ?? -1) md5=\(try row?.decode(String.self, "digest") ?? "")"
            }
            return DatabaseSnapshot(tables: tables)
        }
    }

    var description: String {
        tables.keys.sorted().map { "\($0): \(tables[$0]!)" }.joined(separator: "\n")
    }
}
