import LibPQ
import TackleDomain

extension Store {
    /// Records the project metric's production figures for a month or a day.
    ///
    /// A month's figures come either as one monthly record or as daily records, never both, so
    /// nothing is counted twice.
    ///
    /// - Throws: ``StoreError`` when figures for the period exist (correct them instead) or the
    ///   month already has figures of the other granularity.
    @discardableResult
    public func recordObservation(
        _ key: String, granularity: Observation.Granularity, periodStart: LocalDate, counts: Proportion,
        note: String = "", by actor: String
    ) throws -> Observation {
        try recordObservation(
            key, granularity: granularity, periodStart: periodStart, counts: counts, note: note, recordedOn: nil,
            by: actor)
    }

    /// Records figures as if they had been recorded at 09:00 (Asia/Shanghai) on `recordedOn`: for
    /// the demo plant, which replays a year of a plant's records in one load. Not for users: the
    /// day figures are recorded decides their reporting points.
    ///
    /// One round trip, a pipeline of two statements that form one transaction: the first records
    /// the acting person and locks the project row; the second, which therefore sees whatever a
    /// recorder that held the lock committed, checks for figures of the period (or of the month at
    /// the other granularity) and inserts only when there are none and the project is not closed.
    /// The clash check cannot see another transaction's uncommitted figures; the lock serialises
    /// recorders, so a month never ends up with both monthly and daily figures. Outside a
    /// transaction a connection lost during it leaves the outcome unknown, as a lost COMMIT does.
    @discardableResult
    package func recordObservation(
        _ key: String, granularity: Observation.Granularity, periodStart: LocalDate, counts: Proportion,
        note: String = "", recordedOn: LocalDate?, by actor: String
    ) throws -> Observation {
        let start = granularity == .month ? periodStart.monthOfYear.firstDay : periodStart
        let field = granularity == .month ? "month" : "day"
        let month = start.monthOfYear
        return try translatingErrors {
            let commitsItself = !connection.isInTransaction
            let results: [PostgresRows]
            do {
                results = try connection.pipeline([
                    .init(Self.lockForRecording, [actor, fallbackActor ?? "", key]),
                    .init(
                        Self.recordStatement,
                        [
                            key, month.firstDay, month.lastDay, granularity.rawValue, start, counts.inspected,
                            counts.defective, note, recordedOn,
                        ]),
                ])
            } catch let error as PostgresError where commitsItself {
                throw PostgresConnection.commitFailure(error)
            }
            guard let locked = results[0].first else { throw Self.noProject(key) }
            if let closedOn = try locked.decode(LocalDate?.self, "closed_on"), start > closedOn {
                throw StoreError(
                    .invalidInput, field: field,
                    "\(key) closed on \(closedOn); figures after it are not recorded")
            }
            guard let row = results[1].first else {
                throw StoreError(.database, "the figures for \(start) of \(key) were not recorded")
            }
            if let other = try row.decode(String?.self, "clash_granularity") {
                let period = granularity == .month ? month.description : start.description
                if other == granularity.rawValue {
                    throw StoreError(
                        .alreadyExists, field: field,
                        "figures for \(period) of \(key) are already recorded "
                            + "(\(try row.decode(Int.self, "clash_defective"))/\(try row.decode(Int.self, "clash_inspected"))); "
                            + "use `tackle metric correct` to change them")
                }
                throw StoreError(
                    .invalidInput, field: field,
                    "\(month) of \(key) already has \(other == "day" ? "daily" : "monthly") figures; "
                        + "a month is recorded either monthly or daily, not both")
            }
            return try Self.observation(from: row)
        }
    }

    /// Records the acting person and locks the project row until the transaction ends.
    private static let lockForRecording = """
        SELECT p.id, p.closed_on
        FROM (SELECT set_config('tackle.actor', $1, true), set_config('tackle.reason', '', true),
                     set_config('tackle.actor_fallback', $2, true)) AS acting,
             project p
        WHERE p.key = $3
        FOR UPDATE OF p
        """

    /// The clash check and the insert, in a statement of its own after the lock; one row back, with
    /// the clashing figures (`clash_*`) or the figures recorded.
    private static let recordStatement = """
        WITH p AS (
            SELECT id, closed_on FROM project WHERE key = $1
        ), clash AS (
            SELECT o.granularity, o.inspected, o.defective FROM observation o, p
            WHERE o.project_id = p.id AND o.period_start BETWEEN $2 AND $3 AND o.voided_at IS NULL
              AND (o.granularity <> $4 OR o.period_start = $5)
            LIMIT 1
        ), inserted AS (
            INSERT INTO observation (project_id, granularity, period_start, inspected, defective, note, created_at)
            SELECT p.id, $4, $5, $6, $7, $8, coalesce(($9::date + time '09:00') AT TIME ZONE 'Asia/Shanghai', now())
            FROM p
            WHERE NOT EXISTS (SELECT FROM clash) AND (p.closed_on IS NULL OR $5 <= p.closed_on)
            RETURNING *
        )
        SELECT c.granularity AS clash_granularity, c.inspected AS clash_inspected, c.defective AS clash_defective,
               $1 AS project_key, i.granularity, i.period_start, i.inspected, i.defective, i.note, i.version,
               NULL::text AS voided_at, NULL::text AS void_reason
        FROM (SELECT) AS one LEFT JOIN clash c ON true LEFT JOIN inserted i ON true
        """

    /// Corrects recorded figures, with a required reason recorded in the history.
    ///
    /// - Parameter expectedVersion: The version the corrector saw; see ``correctTrial(_:_:with:expectedVersion:reason:by:)``.
    @discardableResult
    public func correctObservation(
        _ key: String, granularity: Observation.Granularity, periodStart: LocalDate, counts: Proportion,
        expectedVersion: Int? = nil, reason: String, by actor: String
    ) throws -> Observation {
        try Keys.checkNotBlank(reason, field: "reason")
        let start = granularity == .month ? periodStart.monthOfYear.firstDay : periodStart
        return try write(by: actor, reason: reason) { connection in
            let (project, _) = try lockedProject(key)
            guard
                let currentRow = try connection.query(
                    Self.observationSelect
                        + """
                         WHERE o.project_id = $1 AND o.granularity = $2 AND o.period_start = $3
                          AND o.voided_at IS NULL
                        """, [project, granularity.rawValue, start]
                ).first
            else {
                let period = granularity == .month ? start.monthOfYear.description : start.description
                throw StoreError(
                    .notFound, field: granularity == .month ? "month" : "day", "\(key) has no figures for \(period)"
                )
            }
            let current = try Self.observation(from: currentRow)
            let record = "the figures for \(current.period) of \(key)"
            if let expectedVersion, expectedVersion != current.version {
                throw Self.changedMeanwhile(record, plural: true, seen: expectedVersion, now: current.version)
            }
            guard counts != current.counts else {
                throw StoreError(
                    .invalidInput, field: "figures",
                    "\(granularity == .month ? "month" : "day"): nothing to change: \(record) are already \(counts.defective)/\(counts.inspected)"
                )
            }
            // The project row is locked, so nobody else can change these figures meanwhile.
            let id = try connection.query(
                """
                UPDATE observation SET inspected = $5, defective = $6, version = version + 1, updated_at = now()
                WHERE project_id = $1 AND granularity = $2 AND period_start = $3 AND version = $4
                  AND voided_at IS NULL
                RETURNING id
                """, [project, granularity.rawValue, start, current.version, counts.inspected, counts.defective]
            ).first?.decode(Int.self, "id")
            return try observation(id: id ?? 0)
        }
    }

    /// Voids figures entered by mistake: they stay listed (`metric list --all`) with the reason,
    /// and count nowhere. The period can then be recorded again.
    ///
    /// - Throws: ``StoreError``: no current figures for the period (never recorded, or voided already).
    @discardableResult
    public func voidObservation(
        _ key: String, granularity: Observation.Granularity, periodStart: LocalDate, reason: String, by actor: String
    ) throws -> Observation {
        try Keys.checkNotBlank(reason, field: "reason")
        let start = granularity == .month ? periodStart.monthOfYear.firstDay : periodStart
        let field = granularity == .month ? "month" : "day"
        return try write(by: actor, reason: reason) { connection in
            let (project, _) = try lockedProject(key)
            let period = granularity == .month ? start.monthOfYear.description : start.description
            guard
                let id = try connection.query(
                    """
                    UPDATE observation SET voided_at = now(), void_reason = $4, version = version + 1, updated_at = now()
                    WHERE project_id = $1 AND granularity = $2 AND period_start = $3 AND voided_at IS NULL
                    RETURNING id
                    """, [project, granularity.rawValue, start, reason]
                ).first?.decode(Int.self, "id")
            else {
                let voided = try connection.query(
                    """
                    SELECT 1 FROM observation
                    WHERE project_id = $1 AND granularity = $2 AND period_start = $3 AND voided_at IS NOT NULL
                    """, [project, granularity.rawValue, start])
                throw StoreError(
                    voided.isEmpty ? .notFound : .conflict, field: field,
                    voided.isEmpty
                        ? "\(key) has no figures for \(period)"
                        : "the figures for \(period) of \(key) are already void")
            }
            return try observation(id: id)
        }
    }

    /// A project's recorded figures, oldest first; voided ones only when `includeVoided`.
    public func observations(of key: String, includeVoided: Bool = false) throws -> [Observation] {
        try translatingErrors {
            _ = try projectID(key)
            return try connection.query(
                Self.observationSelect
                    + " WHERE p.key = $1 AND ($2 OR o.voided_at IS NULL) ORDER BY o.period_start, o.granularity, o.id",
                [key, includeVoided]
            )
            .map(Self.observation(from:))
        }
    }

    /// Figures by their internal id.
    func observation(id: Int) throws -> Observation {
        guard let row = try connection.query(Self.observationSelect + " WHERE o.id = $1", [id]).first else {
            throw StoreError(.notFound, field: "figures", "the figures were not found")
        }
        return try Self.observation(from: row)
    }

    /// One period's figures.
    public func observation(
        _ key: String, granularity: Observation.Granularity, periodStart: LocalDate
    ) throws -> Observation {
        try translatingErrors {
            _ = try projectID(key)
            let start = granularity == .month ? periodStart.monthOfYear.firstDay : periodStart
            guard
                let row = try connection.query(
                    Self.observationSelect
                        + " WHERE p.key = $1 AND o.granularity = $2 AND o.period_start = $3 AND o.voided_at IS NULL",
                    [key, granularity.rawValue, start]
                ).first
            else {
                let period = granularity == .month ? start.monthOfYear.description : start.description
                throw StoreError(
                    .notFound, field: granularity == .month ? "month" : "day", "\(key) has no figures for \(period)"
                )
            }
            return try Self.observation(from: row)
        }
    }

    static let observationSelect = """
        SELECT p.key AS project_key, o.granularity, o.period_start, o.inspected, o.defective, o.note, o.version,
               to_char(o.voided_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS voided_at, o.void_reason
        FROM observation o JOIN project p ON p.id = o.project_id
        """

    static func observation(from row: PostgresRow) throws -> Observation {
        Observation(
            projectKey: try row.decode(String.self, "project_key"),
            granularity: try row.decode(String.self, "granularity") == "day" ? .day : .month,
            periodStart: try row.decode(LocalDate.self, "period_start"),
            counts: try Proportion(
                defective: try row.decode(Int.self, "defective"), inspected: try row.decode(Int.self, "inspected")),
            note: try row.decode(String.self, "note"),
            version: try row.decode(Int.self, "version"),
            voidedAt: try row.decode(String?.self, "voided_at"),
            voidReason: try row.decode(String?.self, "void_reason")
        )
    }
}
