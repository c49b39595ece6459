import LibPQ
import Logging

extension Store {
    /// The error for a statement that waited `lock_timeout` for a lock (SQLSTATE `55P03`), naming
    /// the session that most likely holds it.
    ///
    /// Once the wait has ended the server no longer says who blocked it, so this looks, best
    /// effort, for the oldest other client session of this database holding a lock that can block
    /// a writer (a transaction id, or a table lock stronger than a plain read's). It runs only on
    /// a connection back out of its transaction (the write has rolled back); otherwise, or when
    /// the lookup fails, the message names nobody.
    func lockTimeoutError(_ error: PostgresError) -> StoreError {
        var waited = "the lock timeout"
        var holder: String?
        if connection.isOpen && !connection.isInTransaction {
            do {
                let rows = try connection.query(
                    """
                    SELECT current_setting('lock_timeout') AS lock_timeout, a.pid,
                           coalesce(nullif(a.application_name, ''), 'an unnamed application') AS application,
                           coalesce(a.usename, '?') AS login,
                           to_char(a.xact_start, 'YYYY-MM-DD HH24:MI:SS') AS since
                    FROM (SELECT 1) AS always
                    LEFT JOIN pg_stat_activity AS a
                      ON a.datname = current_database() AND a.pid <> pg_backend_pid()
                     AND a.backend_type = 'client backend'
                     AND EXISTS (
                         SELECT 1 FROM pg_locks AS l
                         WHERE l.pid = a.pid AND l.granted
                           AND (l.locktype = 'transactionid' OR (l.locktype = 'relation' AND l.mode <> 'AccessShareLock')))
                    ORDER BY a.xact_start NULLS LAST, a.pid
                    LIMIT 1
                    """)
                if let row = rows.first {
                    let setting = try row.decode(String.self, "lock_timeout")
                    if let milliseconds = PostgresConnection.Timeouts.milliseconds(parsing: setting) {
                        waited = Self.seconds(milliseconds)
                    }
                    if let pid = try row.decode(Int?.self, "pid") {
                        let since = try row.decode(String?.self, "since").map { ", since \($0) UTC" } ?? ""
                        holder =
                            "\(try row.decode(String.self, "application")) (pid \(pid), user "
                            + "\(try row.decode(String.self, "login"))\(since))"
                    }
                }
            } catch {
                logger.debug("lock holder lookup failed", metadata: ["db.error": "\(error)"])
            }
        }
        let message =
            if let holder {
                "waited \(waited) for a lock held by \(holder); try again later or ask them to finish"
            } else {
                "waited \(waited) for a lock another session holds; try again later"
            }
        return StoreError(.lockTimeout, message, underlying: error)
    }

    /// Milliseconds as seconds for a message: `10 s`, `1.5 s`.
    static func seconds(_ milliseconds: Int) -> String {
        milliseconds % 1000 == 0 ? "\(milliseconds / 1000) s" : "\(Double(milliseconds) / 1000) s"
    }
}
