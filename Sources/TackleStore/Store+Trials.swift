import LibPQ
import TackleDomain

extension Store {
    /// A trial just logged, with its project and the project's current trials, it among them: what
    /// `trial log` judges it by.
    public struct LoggedTrial: Sendable {
        /// The trial as stored, with its number.
        public var trial: Trial
        /// Its project.
        public var project: Project
        /// The project's trials that are not void, by number, the new one included.
        public var trials: [Trial]
    }

    /// Logs a trial result; it gets the project's next trial number (T1, T2, ...).
    ///
    /// Concurrent calls on one project queue on the project row, so each gets a distinct number
    /// and none is lost.
    ///
    /// - Throws: ``StoreError`` for an unknown project or a trial dated outside the project.
    @discardableResult
    public func logTrial(_ trial: NewTrial, in key: String, by actor: String) throws -> Trial {
        try translatingErrors {
            let commitsItself = !connection.isInTransaction
            let rows: PostgresRows
            do {
                rows = try connection.query(Self.logTrialStatement, try logTrialParameters(trial, in: key, by: actor))
            } catch let error as PostgresError where commitsItself {
                throw PostgresConnection.commitFailure(error)
            }
            return try Self.loggedTrial(rows, in: key)
        }
    }

    /// Logs a trial result as ``logTrial(_:in:by:)`` does and reads back its project and the
    /// project's current trials, all in one round trip (a pipeline).
    ///
    /// Outside a transaction the three statements form one that commits when they end, so the
    /// reads see the new trial and nothing committed by others in between changes what is judged.
    ///
    /// - Throws: ``StoreError`` for an unknown project or a trial dated outside the project.
    public func logTrialWithProject(_ trial: NewTrial, in key: String, by actor: String) throws -> LoggedTrial {
        try translatingErrors {
            let commitsItself = !connection.isInTransaction
            let results: [PostgresRows]
            do {
                results = try connection.pipeline([
                    .init(Self.logTrialStatement, try logTrialParameters(trial, in: key, by: actor)),
                    .init(Self.projectSelect + " WHERE p.key = $1", [key]),
                    .init(Self.trialSelect + " WHERE p.key = $1 AND t.voided_at IS NULL ORDER BY t.number", [key]),
                ])
            } catch let error as PostgresError where commitsItself {
                throw PostgresConnection.commitFailure(error)
            }
            let logged = try Self.loggedTrial(results[0], in: key)
            guard let project = try results[1].first.map(Self.project(from:)) else {
                throw Self.noProject(key)
            }
            return LoggedTrial(trial: logged, project: project, trials: try results[2].map(Self.trial(from:)))
        }
    }

    /// One statement, one round trip, atomic by itself: it records the acting person for the
    /// history, takes the next number from the project row (locking it, so concurrent loggers queue
    /// and none is lost), and inserts the trial; the database checks the trial's dates against the
    /// project (trigger trial_within_project). Outside a transaction the statement commits by
    /// itself: a connection lost during it leaves the outcome unknown, as a lost COMMIT does.
    static let logTrialStatement = """
        WITH acting AS (
            SELECT set_config('tackle.actor', $1, true) AS actor, set_config('tackle.reason', '', true),
                   set_config('tackle.actor_fallback', $14, true)
        ), numbered AS (
            UPDATE project SET next_trial_number = next_trial_number + 1 WHERE key = $2
            RETURNING id, next_trial_number - 1 AS number
        ), inserted AS (
            INSERT INTO trial (project_id, number, lever, hypothesis, started_on, ended_on, parameters,
                               inspected, defective, heats, note, conclusion, conditions)
            SELECT numbered.id, numbered.number, $3, $4, $5, $6, $7::jsonb, $8, $9,
                   ARRAY(SELECT jsonb_array_elements_text($10::jsonb)), $11, $12, $13::jsonb
            FROM numbered, acting
            RETURNING *
        )
        SELECT p.key AS project_key, t.number, t.lever, t.hypothesis, t.started_on, t.ended_on,
               t.parameters, t.inspected, t.defective, to_jsonb(t.heats) AS heats, t.note, t.conclusion,
               t.version, t.conditions, NULL::text AS voided_at, NULL::text AS void_reason
        FROM inserted t JOIN project p ON p.id = t.project_id
        """

    private func logTrialParameters(
        _ trial: NewTrial, in key: String, by actor: String
    ) throws -> [(any PostgresEncodable)?] {
        [
            actor, key, trial.lever, trial.hypothesis, trial.startedOn, trial.endedOn,
            try PostgresJSON(encoding: trial.parameters), trial.outcome.inspected, trial.outcome.defective,
            try PostgresJSON(encoding: trial.heats), trial.note, trial.conclusion,
            try PostgresJSON(encoding: trial.conditions), fallbackActor ?? "",
        ]
    }

    /// The trial ``logTrialStatement`` returned; no row means no such project.
    private static func loggedTrial(_ rows: PostgresRows, in key: String) throws -> Trial {
        guard let row = rows.first else { throw noProject(key) }
        return try trial(from: row)
    }

    static func noProject(_ key: String) -> StoreError {
        StoreError(.notFound, field: "project", "no project with key \(key); `tackle project list` shows them")
    }

    /// Corrects a logged trial, with a required reason recorded in the history.
    ///
    /// - Parameters:
    ///   - key: The project.
    ///   - number: The trial number (3 for T3).
    ///   - correction: The fields to change.
    ///   - conditions: Replaces all the trial's conditions when given (`grade=Q235B`); nil keeps them.
    ///   - expectedVersion: The version the corrector saw (`trial show`); when another change came
    ///     first, nothing is written and a `.conflict` error says so. Without it, a change that
    ///     lands between this call's read and write is still detected.
    ///   - reason: Why, required.
    ///   - actor: Who is acting.
    /// - Returns: The corrected trial.
    @discardableResult
    public func correctTrial(
        _ key: String, _ number: Int, with correction: TrialCorrection, conditions: [TrialCondition]? = nil,
        expectedVersion: Int? = nil, reason: String, by actor: String
    ) throws -> Trial {
        try Keys.checkNotBlank(reason, field: "reason")
        guard !correction.isEmpty || conditions != nil else {
            throw StoreError(
                .invalidInput, field: "correction", "nothing to correct: give at least one field to change")
        }
        return try write(by: actor, reason: reason) { connection in
            // The corrected dates are checked against the project as locked now.
            let (projectID, project) = try lockedProject(key)
            let current = try trial(projectID: projectID, key: key, number)
            if current.voidedAt != nil {
                throw StoreError(.conflict, field: "trial", "T\(number) of \(key) is void; it cannot be corrected")
            }
            if let expectedVersion, expectedVersion != current.version {
                throw Self.changedMeanwhile("trial T\(number) of \(key)", seen: expectedVersion, now: current.version)
            }
            let corrected = try correction.applied(to: current).replacingConditions(
                with: conditions ?? current.conditions)
            guard !corrected.sameRecord(as: current) else {
                throw StoreError(
                    .invalidInput, field: "correction",
                    "nothing to change: T\(number) of \(key) already has these values")
            }
            try check(corrected, against: project)
            let updated = try connection.execute(
                """
                UPDATE trial SET lever = $4, hypothesis = $5, started_on = $6, ended_on = $7, parameters = $8::jsonb,
                       inspected = $9, defective = $10, heats = ARRAY(SELECT jsonb_array_elements_text($11::jsonb)),
                       note = $12, conclusion = $13, conditions = $14::jsonb, version = version + 1, updated_at = now()
                WHERE project_id = $1 AND number = $2 AND version = $3
                """,
                [
                    projectID, number, current.version, corrected.lever, corrected.hypothesis, corrected.startedOn,
                    corrected.endedOn, try PostgresJSON(encoding: corrected.parameters), corrected.outcome.inspected,
                    corrected.outcome.defective, try PostgresJSON(encoding: corrected.heats), corrected.note,
                    corrected.conclusion, try PostgresJSON(encoding: corrected.conditions),
                ]
            )
            if updated == 0 {
                let now = try trial(projectID: projectID, key: key, number).version
                throw Self.changedMeanwhile(
                    "trial T\(number) of \(key)", seen: expectedVersion ?? current.version, now: now)
            }
            return try trial(projectID: projectID, key: key, number)
        }
    }

    /// One trial of a project already resolved (and locked) by its id: no second key lookup.
    func trial(projectID: Int, key: String, _ number: Int) throws -> Trial {
        guard
            let row = try connection.query(
                Self.trialSelect + " WHERE t.project_id = $1 AND t.number = $2", [projectID, number]
            ).first
        else {
            throw StoreError(.notFound, field: "trial", "\(key) has no trial T\(number)")
        }
        return try Self.trial(from: row)
    }

    /// The trials of a project, by number.
    public func trials(of key: String, includeVoided: Bool = false) throws -> [Trial] {
        try translatingErrors {
            _ = try projectID(key)
            return try connection.query(
                Self.trialSelect + " WHERE p.key = $1 AND ($2 OR t.voided_at IS NULL) ORDER BY t.number",
                [key, includeVoided]
            ).map(Self.trial(from:))
        }
    }

    /// One trial.
    public func trial(_ key: String, _ number: Int) throws -> Trial {
        try translatingErrors {
            _ = try projectID(key)
            guard
                let row = try connection.query(Self.trialSelect + " WHERE p.key = $1 AND t.number = $2", [key, number])
                    .first
            else {
                throw StoreError(.notFound, field: "trial", "\(key) has no trial T\(number)")
            }
            return try Self.trial(from: row)
        }
    }

    /// A trial must fall within its project: not before it opened, not after it closed.
    private func check(_ trial: NewTrial, against project: Project) throws {
        if trial.startedOn < project.openedOn {
            throw StoreError(
                .invalidInput, field: "from",
                "the trial starts (\(trial.startedOn)) before project \(project.key) opened (\(project.openedOn))"
            )
        }
        if let closedOn = project.closedOn, trial.endedOn > closedOn {
            throw StoreError(
                .invalidInput, field: "to",
                "the trial ends (\(trial.endedOn)) after project \(project.key) closed (\(closedOn))")
        }
    }

    static func changedMeanwhile(_ record: String, plural: Bool = false, seen: Int, now: Int) -> StoreError {
        StoreError(
            .conflict, field: "version",
            "\(record) \(plural ? "were" : "was") changed by someone else (you had version \(seen), it is now "
                + "version \(now)); nothing was written: look at it again and repeat your correction if it still applies"
        )
    }

    static let trialSelect = """
        SELECT p.key AS project_key, t.number, t.lever, t.hypothesis, t.started_on, t.ended_on, t.parameters,
               t.inspected, t.defective, to_jsonb(t.heats) AS heats, t.note, t.conclusion, t.version, t.conditions,
               to_char(t.voided_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS voided_at, t.void_reason
        FROM trial t JOIN project p ON p.id = t.project_id
        """

    static func trial(from row: PostgresRow) throws -> Trial {
        Trial(
            projectKey: try row.decode(String.self, "project_key"),
            number: try row.decode(Int.self, "number"),
            lever: try row.decode(String.self, "lever"),
            hypothesis: try row.decode(String.self, "hypothesis"),
            startedOn: try row.decode(LocalDate.self, "started_on"),
            endedOn: try row.decode(LocalDate.self, "ended_on"),
            parameters: try row.decode(PostgresJSON.self, "parameters").decode([TrialParameter].self),
            conditions: try row.decode(PostgresJSON.self, "conditions").decode([TrialCondition].self),
            outcome: try Proportion(
                defective: try row.decode(Int.self, "defective"), inspected: try row.decode(Int.self, "inspected")),
            heats: try row.decode(PostgresJSON.self, "heats").decode([String].self),
            note: try row.decode(String.self, "note"),
            conclusion: try row.decode(String.self, "conclusion"),
            version: try row.decode(Int.self, "version"),
            voidedAt: try row.decode(String?.self, "voided_at"),
            voidReason: try row.decode(String?.self, "void_reason")
        )
    }
}
