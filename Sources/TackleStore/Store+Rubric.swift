import LibPQ
import TackleDomain

extension Store {
    /// Every version of the scoring rubric, oldest first.
    public func rubrics() throws -> [Rubric] {
        try translatingErrors { try connection.query(Self.rubricSelect).map(Self.rubric(from:)) }
    }

    /// Every rubric version, oldest first, as ``rubric(from:)`` reads them.
    static let rubricSelect = """
        SELECT version, to_char(effective_from, 'YYYY-MM') AS effective_from, progress_points,
               milestone_points, trial_points, reporting_points, called_in, figures_due_day, trial_months, reason
        FROM assessment_rubric ORDER BY version
        """

    /// A rubric from a row of ``rubricSelect``.
    static func rubric(from row: PostgresRow) throws -> Rubric {
        try Rubric(
            version: try row.decode(Int.self, "version"),
            effectiveFrom: try Month.parse(try row.decode(String.self, "effective_from")),
            progressPoints: try row.decode(Int.self, "progress_points"),
            milestonePoints: try row.decode(Int.self, "milestone_points"),
            trialPoints: try row.decode(Int.self, "trial_points"),
            reportingPoints: try row.decode(Int.self, "reporting_points"),
            calledIn: try row.decode(Int.self, "called_in"),
            figuresDueDay: try row.decode(Int.self, "figures_due_day"),
            trialMonths: try row.decode(Int.self, "trial_months"),
            reason: try row.decode(String.self, "reason"))
    }

    /// The rubric in effect for `month`: the version with the latest start on or before it.
    public static func rubric(for month: Month, in rubrics: [Rubric]) -> Rubric {
        rubrics.filter { $0.effectiveFrom <= month }.max { $0.effectiveFrom < $1.effectiveFrom } ?? .standard
    }

    /// Adds a rubric version that takes effect from `rubric.effectiveFrom`.
    ///
    /// The new version must start after every existing version's start and after the last
    /// published month, so that no month already scored, and no posted sheet, changes.
    ///
    /// - Parameters:
    ///   - rubric: The new rubric; its version number is assigned here.
    ///   - actor: Who is acting.
    /// - Returns: The rubric as stored, with its version.
    /// - Throws: ``StoreError`` `.invalidInput` naming `--from` when the month is too early.
    @discardableResult
    public func addRubric(_ rubric: Rubric, by actor: String) throws -> Rubric {
        try write(by: actor, reason: rubric.reason) { connection in
            // Trigger assessment_rubric_rules takes the same lock: a writer may insert but not lock the table.
            try connection.execute("SELECT pg_advisory_xact_lock($1)", [Self.rubricLockKey])
            let latest = try connection.query(
                """
                SELECT coalesce(max(version), 0) AS version, to_char(max(effective_from), 'YYYY-MM') AS from_month,
                       (SELECT to_char(max(period), 'YYYY-MM') FROM published_report) AS published
                FROM assessment_rubric
                """
            ).first
            let version = try latest?.decode(Int.self, "version") ?? 0
            if let from = try latest?.decode(String?.self, "from_month"), rubric.effectiveFrom.description <= from {
                throw StoreError(
                    .invalidInput, field: "from",
                    "\(rubric.effectiveFrom) must be after \(from), from which rubric version \(version) holds")
            }
            if let published = try latest?.decode(String?.self, "published"),
                rubric.effectiveFrom.description <= published
            {
                throw StoreError(
                    .invalidInput, field: "from",
                    "\(rubric.effectiveFrom) is already published (up to \(published)); "
                        + "a rubric change takes effect from a month not yet published")
            }
            var stored = rubric
            stored.version = version + 1
            try connection.execute(
                """
                INSERT INTO assessment_rubric (version, effective_from, progress_points, milestone_points, trial_points,
                                               reporting_points, called_in, figures_due_day, trial_months, reason, actor)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
                """,
                [
                    stored.version, stored.effectiveFrom.firstDay, stored.progressPoints, stored.milestonePoints,
                    stored.trialPoints, stored.reportingPoints, stored.calledIn, stored.figuresDueDay,
                    stored.trialMonths, stored.reason, actor,
                ]
            )
            return stored
        }
    }

    /// The advisory lock that serialises new rubric versions: "tkrr" in ASCII (sql/0007_roles.sql).
    static let rubricLockKey: Int32 = 0x746b_7272
}
