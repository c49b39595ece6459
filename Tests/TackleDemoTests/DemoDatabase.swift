import LibPQ
import Logging
import TackleStore
import TestSupport

@testable import TackleDemo

/// Fresh migrated databases for the demo tests, and what their tables hold.
enum DemoDatabase {
    /// Runs `body` with the conninfo of a fresh, migrated database, dropped afterwards.
    static func withFresh<T>(label: String, _ body: (String) throws -> T) throws -> T {
        let conninfo = try TestDatabase.create(label: label)
        defer { try? TestDatabase.drop(conninfo: conninfo) }
        try withStore(conninfo, requireCurrentSchema: false) { store in try store.migrate() }
        return try body(conninfo)
    }

    /// Runs `body` with a store on the database.
    @discardableResult
    static func withStore<T>(
        _ conninfo: String, requireCurrentSchema: Bool = true, _ body: (Store) throws -> T
    ) throws -> T {
        var logger = Logger(label: "demo-test")
        logger.logLevel = .warning
        return try Store.withStore(
            at: DatabaseLocation(conninfo: conninfo, source: .option), logger: logger,
            requireCurrentSchema: requireCurrentSchema, body)
    }

    /// Rows and a digest of one table's content.
    struct TableDigest: Hashable, CustomStringConvertible {
        var rows: Int
        var md5: String
        var description: String { "\(rows) rows, md5 \(md5)" }
    }

    /// Each tracker table's content by natural keys, without generated ids and timestamps, so
    /// that two databases loaded the same way compare equal.
    static let contentQueries: [String: String] = [
        "unit":
            "SELECT u.code, u.name, u.kind, parent.code AS parent FROM unit u LEFT JOIN unit parent ON parent.id = u.parent_id",
        "person":
            "SELECT p.employee_no, p.name, u.code, p.party_member, p.active FROM person p JOIN unit u ON u.id = p.unit_id",
        "project": """
        SELECT p.key, p.title, p.problem, u.code, l.employee_no, p.leader_selection, p.status, p.opened_on,
               p.due_on, p.closed_on, p.metric_name, p.baseline_defective, p.baseline_inspected, p.baseline_from,
               p.baseline_to, p.target_rate, p.next_trial_number, p.next_milestone_number, p.version
        FROM project p JOIN unit u ON u.id = p.unit_id JOIN person l ON l.id = p.leader_id
        """,
        "member": """
        SELECT pr.key, pe.employee_no, m.role, m.joined_on, m.left_on
        FROM member m JOIN project pr ON pr.id = m.project_id JOIN person pe ON pe.id = m.person_id
        """,
        "milestone": """
        SELECT pr.key, m.number, m.title, m.due_on, o.employee_no, m.done_on
        FROM milestone m JOIN project pr ON pr.id = m.project_id LEFT JOIN person o ON o.id = m.owner_id
        """,
        "trial": """
        SELECT pr.key, t.number, t.lever, t.hypothesis, t.started_on, t.ended_on, t.parameters, t.inspected,
               t.defective, t.heats, t.note, t.conclusion, t.version
        FROM trial t JOIN project pr ON pr.id = t.project_id
        """,
        "observation": """
        SELECT pr.key, o.granularity, o.period_start, o.inspected, o.defective, o.note, o.version
        FROM observation o JOIN project pr ON pr.id = o.project_id
        """,
    ]

    /// The content digest of every tracker table.
    static func snapshot(_ conninfo: String) throws -> [String: TableDigest] {
        try PostgresConnection.withConnection(conninfo: conninfo) { connection in
            var result: [String: TableDigest] = [:]
            for (table, query) in contentQueries {
                let row = try connection.query(
                    """
                    SELECT count(*) AS rows, coalesce(md5(string_agg(r::text, E'\\n' ORDER BY r::text)), '') AS md5
                    FROM (\(query)) r
                    """
                ).first!
                result[table] = TableDigest(
                    rows: try row.decode(Int.self, "rows"), md5: try row.decode(String.self, "md5"))
            }
            return result
        }
    }

    /// The number of history rows and the newest one's id: unchanged when nothing was written.
    static func historyMark(_ conninfo: String) throws -> [Int] {
        try PostgresConnection.withConnection(conninfo: conninfo) { connection in
            let row = try connection.query("SELECT count(*) AS n, coalesce(max(id), 0) AS newest FROM history").first!
            return [try row.decode(Int.self, "n"), try row.decode(Int.self, "newest")]
        }
    }

    /// One number from a query's first row.
    static func count(_ conninfo: String, _ sql: String, _ parameters: [(any PostgresEncodable)?] = []) throws -> Int {
        try PostgresConnection.withConnection(conninfo: conninfo) { connection in
            try connection.query(sql, parameters).first!.decode(Int.self, at: 0)
        }
    }
}
