import LibPQ
import TackleDomain

extension Store {
    /// Logs a trial result; it gets the project's next trial number (T1, T2, ...).
    ///
    /// Concurrent calls on one project queue on the project row, so each gets a distinct number
    /// and none is lost.
    ///
    /// - Throws: ``StoreError`` for an unknown project or a trial dated outside the project.
    @discardableResult
    public func logTrial(_ trial: NewTrial, in key: String, by actor: String) throws -> Trial {
        try write(by: actor) { connection in
            // Lock the project before checking the trial against it: a close committed while this
            // transaction waits for the lock must be seen, or the trial could end after the closing.
            _ = try projectID(key, lock: true)
            let project = try self.project(key)
            try check(trial, against: project)
            let number = try connection.query(
                """
                UPDATE project SET next_trial_number = next_trial_number + 1 WHERE key = $1
                RETURNING id, next_trial_number - 1 AS number
                """, [key]
            ).first!
            try connection.execute(
                """
                INSERT INTO trial (project_id, number, lever, hypothesis, started_on, ended_on, parameters,
                                   inspected, defective, heats, note, conclusion)
                VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9, ARRAY(SELECT jsonb_array_elements_text($10::jsonb)),
                        $11, $12)
                """,
                [
                    try number.decode(Int.self, "id"), try number.decode(Int.self, "number"), trial.lever,
                    trial.hypothesis, trial.startedOn, trial.endedOn, try PostgresJSON(encoding: trial.parameters),
                    trial.outcome.inspected, trial.outcome.defective, try PostgresJSON(encoding: trial.heats),
                    trial.note, trial.conclusion,
                ]
            )
            return try self.trial(key, try number.decode(Int.self, "number"))
        }
    }

    /// Corrects a logged trial, with a required reason recorded in the history.
    ///
    /// - Parameters:
    ///   - key: The project.
    ///   - number: The trial number (3 for T3).
    ///   - correction: The fields to change.
    ///   - expectedVersion: The version the corrector saw (`trial show`); when another change came
    ///     first, nothing is written and a `.conflict` error says so. Without it, a change that
    ///     lands between this call's read and write is still detected.
    ///   - reason: Why, required.
    ///   - actor: Who is acting.
    /// - Returns: The corrected trial.
    @discardableResult
    public func correctTrial(
        _ key: String, _ number: Int, with correction: TrialCorrection, expectedVersion: Int? = nil,
        reason: String, by actor: String
    ) throws -> Trial {
        try Keys.checkNotBlank(reason, field: "--reason")
        guard !correction.isEmpty else {
            throw StoreError(
                .invalidInput, field: "correction", "nothing to correct: give at least one field to change")
        }
        return try write(by: actor, reason: reason) { connection in
            // As in logTrial: the corrected dates are checked against the project as locked now.
            _ = try projectID(key, lock: true)
            let project = try self.project(key)
            let current = try trial(key, number)
            if let expectedVersion, expectedVersion != current.version {
                throw Self.changedMeanwhile("trial T\(number) of \(key)", seen: expectedVersion, now: current.version)
            }
            let corrected = try correction.applied(to: current)
            try check(corrected, against: project)
            let updated = try connection.execute(
                """
                UPDATE trial SET lever = $4, hypothesis = $5, started_on = $6, ended_on = $7, parameters = $8::jsonb,
                       inspected = $9, defective = $10, heats = ARRAY(SELECT jsonb_array_elements_text($11::jsonb)),
                       note = $12, conclusion = $13, version = version + 1, updated_at = now()
                WHERE project_id = (SELECT id FROM project WHERE key = $1) AND number = $2 AND version = $3
                """,
                [
                    key, number, current.version, corrected.lever, corrected.hypothesis, corrected.startedOn,
                    corrected.endedOn, try PostgresJSON(encoding: corrected.parameters), corrected.outcome.inspected,
                    corrected.outcome.defective, try PostgresJSON(encoding: corrected.heats), corrected.note,
                    corrected.conclusion,
                ]
            )
            if updated == 0 {
                let now = try trial(key, number).version
                throw Self.changedMeanwhile(
                    "trial T\(number) of \(key)", seen: expectedVersion ?? current.version, now: now)
            }
            return try trial(key, number)
        }
    }

    /// The trials of a project, by number.
    public func trials(of key: String) throws -> [Trial] {
        try translatingErrors {
            _ = try projectID(key)
            return try connection.query(Self.trialSelect + " WHERE p.key = $1 ORDER BY t.number", [key])
                .map(Self.trial(from:))
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
                .invalidInput, field: "--from",
                "--from: the trial starts (\(trial.startedOn)) before project \(project.key) opened (\(project.openedOn))"
            )
        }
        if let closedOn = project.closedOn, trial.endedOn > closedOn {
            throw StoreError(
                .invalidInput, field: "--to",
                "--to: the trial ends (\(trial.endedOn)) after project \(project.key) closed (\(closedOn))")
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
               t.inspected, t.defective, to_jsonb(t.heats) AS heats, t.note, t.conclusion, t.version
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
            outcome: try Proportion(
                defective: try row.decode(Int.self, "defective"), inspected: try row.decode(Int.self, "inspected")),
            heats: try row.decode(PostgresJSON.self, "heats").decode([String].self),
            note: try row.decode(String.self, "note"),
            conclusion: try row.decode(String.self, "conclusion"),
            version: try row.decode(Int.self, "version")
        )
    }
}
