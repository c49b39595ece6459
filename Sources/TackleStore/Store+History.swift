import LibPQ
import TackleDomain

extension Store {
    /// Every recorded change of a project and its members, milestones, trials and figures, oldest first.
    ///
    /// An import is one entry (entity `import_batch`, record `batch 7`, its new values the batch:
    /// source, SHA-256, counts over the whole file), listed for every project whose figures it
    /// inserted or corrected.
    ///
    /// Each entry's time is an instant (seconds since 1970, UTC, fractions dropped), for the caller to
    /// show on the plant's clock.
    public func history(of key: String) throws -> [HistoryEntry] {
        try translatingErrors {
            let project = try projectID(key)
            return try connection.query(
                """
                SELECT h.id, floor(extract(epoch FROM h.at))::bigint AS instant, h.actor, h.login,
                       h.table_name, h.action, h.old_values::text AS old_values, h.new_values::text AS new_values,
                       h.reason,
                       CASE h.table_name
                           WHEN 'project' THEN $2
                           WHEN 'trial' THEN 'T' || t.number
                           WHEN 'milestone' THEN 'milestone ' || ms.number
                           WHEN 'observation' THEN CASE o.granularity WHEN 'month' THEN to_char(o.period_start, 'YYYY-MM')
                                                                       ELSE to_char(o.period_start, 'YYYY-MM-DD') END
                           WHEN 'member' THEN pe.employee_no
                           WHEN 'import_batch' THEN 'batch ' || h.row_id
                           ELSE h.row_id::text
                       END AS record
                FROM (
                    SELECT * FROM history WHERE project_id = $1
                    UNION ALL
                    SELECT * FROM history
                    WHERE table_name = 'import_batch' AND row_id IN (
                        SELECT o.batch_id FROM observation o
                        WHERE o.project_id = $1 AND o.voided_at IS NULL AND o.batch_id IS NOT NULL
                        UNION
                        SELECT o.batch_id FROM history x JOIN observation o ON o.id = x.row_id
                        WHERE x.project_id = $1 AND x.table_name = 'observation' AND o.batch_id IS NOT NULL
                        UNION
                        SELECT (x.old_values ->> 'batch_id')::bigint FROM history x
                        WHERE x.project_id = $1 AND x.table_name = 'observation' AND x.old_values ? 'batch_id')
                ) h
                LEFT JOIN trial t ON h.table_name = 'trial' AND t.id = h.row_id
                LEFT JOIN milestone ms ON h.table_name = 'milestone' AND ms.id = h.row_id
                LEFT JOIN observation o ON h.table_name = 'observation' AND o.id = h.row_id
                LEFT JOIN member m ON h.table_name = 'member' AND m.id = h.row_id
                LEFT JOIN person pe ON pe.id = m.person_id
                ORDER BY h.id
                """, [project, key]
            ).map { row in
                HistoryEntry(
                    id: try row.decode(Int.self, "id"),
                    instant: try row.decode(Int.self, "instant"),
                    actor: try row.decode(String.self, "actor"),
                    login: try row.decode(String.self, "login"),
                    entity: try row.decode(String.self, "table_name"),
                    record: try row.decode(String?.self, "record") ?? "",
                    action: try row.decode(String.self, "action"),
                    oldValues: try row.decode(String?.self, "old_values"),
                    newValues: try row.decode(String?.self, "new_values"),
                    reason: try row.decode(String?.self, "reason")
                )
            }
        }
    }
}
