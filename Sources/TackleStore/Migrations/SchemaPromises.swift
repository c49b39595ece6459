/// The triggers and constraints the schema of `sql/` promises, checked before every command.
///
/// The history and the archive are only a record if nobody can rewrite them: the history triggers
/// write every change, the append-only triggers refuse updates, deletes and truncation, and the
/// constraints refuse impossible rows. A table owner (or a superuser) can disable or drop any of
/// them without touching a migration; this list is what ``Store`` compares the catalogue against,
/// in the same query that reads the migration bookkeeping (no extra round trip).
///
/// This is the one place the expectations live: a migration that adds, renames or drops a trigger
/// or a named constraint updates it (the CLI tests run every command against a freshly migrated
/// database, so a stale entry fails them).
enum SchemaPromises {
    /// Triggers that must exist and be enabled, by table.
    static let triggers: [String: [String]] = [
        // History of every tracker table: who changed what, when and why.
        "unit": ["unit_history"],
        "person": ["person_history"],
        "project": ["project_history", "project_rules", "project_status_change_record"],
        "member": ["member_history"],
        "milestone": ["milestone_history"],
        "trial": ["trial_history", "trial_within_project"],
        // Figures recorded by hand get a history row each; figures an import inserts belong to its
        // batch, which gets one, and only to the batch recorded in the same transaction.
        "observation": [
            "observation_history", "observation_insert_history", "observation_batch_insert",
            "observation_batch_change",
        ],
        "talk": ["talk_history"],
        // Append-only records.
        "history": ["history_append_only", "history_no_truncate"],
        "published_report": ["published_report_append_only", "published_report_no_truncate"],
        "project_status_change": ["project_status_change_append_only", "project_status_change_no_truncate"],
        "assessment_rubric": [
            "assessment_rubric_append_only", "assessment_rubric_no_truncate", "assessment_rubric_rules",
        ],
        "import_batch": [
            "import_batch_rules", "import_batch_history", "import_batch_append_only", "import_batch_no_truncate",
        ],
    ]

    /// Named constraints that must exist, by table: keys that make numbering and publishing exactly
    /// once, and the rules that keep counts and dates possible.
    static let constraints: [String: [String]] = [
        "tackle_migration": ["tackle_migration_pkey"],
        "unit": ["unit_pkey", "unit_code_key", "unit_parent_id_fkey"],
        "person": ["person_pkey", "person_employee_no_key", "person_unit_id_fkey", "person_login_not_blank"],
        "project": [
            "project_pkey", "project_key_key", "project_baseline_counts", "project_closed_iff_finished",
            "project_counters_positive", "project_target_below_baseline",
        ],
        "member": ["member_pkey", "member_project_id_fkey", "member_person_id_fkey"],
        "milestone": ["milestone_pkey", "milestone_number_key", "milestone_project_id_fkey"],
        "trial": [
            "trial_pkey", "trial_number_key", "trial_project_id_fkey", "trial_counts_non_negative",
            "trial_defective_within_inspected", "trial_dates_ordered", "trial_void_has_reason",
        ],
        "observation": [
            "observation_pkey", "observation_project_id_fkey", "observation_counts_non_negative",
            "observation_defective_within_inspected", "observation_void_has_reason",
        ],
        "history": ["history_pkey", "history_action_known"],
        "published_report": ["published_report_pkey", "published_report_period_is_month"],
        "project_status_change": ["project_status_change_pkey", "project_status_change_project_id_fkey"],
        "assessment_rubric": [
            "assessment_rubric_pkey", "assessment_rubric_from_key", "assessment_rubric_points_sum_100",
        ],
        "talk": ["talk_pkey", "talk_project_period_key"],
        "request": ["request_pkey"],
        "import_batch": [
            "import_batch_pkey", "import_batch_counts_add_up", "import_batch_corrections_have_reason",
            "import_batch_sha256_hex",
        ],
    ]

    /// `(table, name)` pairs in a stable order, for the query's array parameters.
    static func pairs(_ promises: [String: [String]]) -> (tables: [String], names: [String]) {
        let sorted = promises.sorted { $0.key < $1.key }.flatMap { table, names in names.map { (table, $0) } }
        return (sorted.map(\.0), sorted.map(\.1))
    }

    /// The error for a broken promise, naming the trigger or constraint and what to do.
    ///
    /// - Parameters:
    ///   - kind: `trigger`, `disabled trigger`, `constraint` or `internal trigger` (as the query says).
    ///   - table: The table.
    ///   - name: The trigger or constraint.
    static func problem(kind: String, table: String, name: String) -> StoreError {
        let what: String
        let repair: String
        switch kind {
        case "disabled trigger":
            what = "trigger \(name) on table \(table) is disabled"
            repair =
                "re-enable it as the owner (ALTER TABLE \(table) ENABLE TRIGGER \(name)) after checking what was "
                + "changed meanwhile, or restore the database from a backup"
        case "internal trigger":
            what = "the foreign-key checks on table \(table) are disabled (trigger \(name))"
            repair = "re-enable them as the owner (ALTER TABLE \(table) ENABLE TRIGGER ALL), or restore from a backup"
        case "constraint":
            what = "constraint \(name) on table \(table) is missing"
            repair = "restore the database from a backup"
        default:
            what = "trigger \(name) on table \(table) is missing"
            repair = "restore the database from a backup"
        }
        return StoreError(
            .recordUntrusted, "\(what): the record can no longer be trusted; \(repair); see README, \"Integrity\"")
    }
}
