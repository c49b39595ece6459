import LibPQ
import TackleDomain

extension Store {
    /// Gathers what pooling a project's trials by a parameter needs: one query whatever the number
    /// of trials, which reads the project's baseline and the matching trials as one JSON array of
    /// their numbers, parameters and counts.
    ///
    /// Voided trials are left out. The filter runs in SQL: the lever matches exactly as logged, and
    /// `conditions @> $3` keeps the trials whose stored array of `{"name": …, "value": …}` objects
    /// holds every condition asked for, values matched exactly. Only when no matching trial records
    /// `parameter` does a second query gather what the project's trials do record, for the refusal.
    ///
    /// - Parameters:
    ///   - key: The project.
    ///   - parameter: The parameter the trials will be pooled by.
    ///   - filter: Which trials to gather.
    /// - Returns: The facts, for ``ParameterComparison/init(_:by:binWidth:trend:alpha:)``.
    /// - Throws: ``StoreError`` `.notFound` for an unknown project.
    public func parameterComparisonFacts(
        for key: String, by parameter: String, matching filter: ParameterComparison.Filter
    ) throws -> ParameterComparison.Facts {
        try translatingErrors {
            guard
                let row = try connection.query(
                    """
                    SELECT p.id, p.metric_name, p.baseline_defective, p.baseline_inspected,
                           (SELECT coalesce(jsonb_agg(jsonb_build_object(
                                       'number', t.number, 'parameters', t.parameters,
                                       'outcome', jsonb_build_object('defective', t.defective, 'inspected', t.inspected)
                                   )), '[]')
                            FROM trial t
                            WHERE t.project_id = p.id AND t.voided_at IS NULL AND ($2::text IS NULL OR t.lever = $2)
                              AND t.conditions @> $3::jsonb) AS trials
                    FROM project p WHERE p.key = $1
                    """,
                    [key, filter.lever, try PostgresJSON(encoding: filter.conditions)]
                ).first
            else {
                throw StoreError(
                    .notFound, field: "project", "no project with key \(key); `tackle project list` shows them")
            }
            var facts = ParameterComparison.Facts(
                projectKey: key, metricName: try row.decode(String.self, "metric_name"),
                baseline: try Proportion(
                    defective: try row.decode(Int.self, "baseline_defective"),
                    inspected: try row.decode(Int.self, "baseline_inspected")),
                filter: filter,
                trials: try row.decode(PostgresJSON.self, "trials").decode([ParameterComparison.Entry].self))
            if !facts.anyTrialRecords(parameter) {
                facts.recorded = try recordedByTrials(ofProject: try row.decode(Int.self, "id"))
            }
            return facts
        }
    }

    /// How many trials (not void) a project has, their levers and the names of their parameters.
    private func recordedByTrials(ofProject id: Int) throws -> ParameterComparison.Recorded {
        let row = try connection.query(
            """
            SELECT count(*) AS trial_count,
                   coalesce(jsonb_agg(DISTINCT t.lever), '[]') AS levers,
                   (SELECT coalesce(jsonb_agg(DISTINCT parameter ->> 'name'), '[]')
                    FROM trial u CROSS JOIN jsonb_array_elements(u.parameters) AS parameter
                    WHERE u.project_id = $1 AND u.voided_at IS NULL) AS parameter_names
            FROM trial t WHERE t.project_id = $1 AND t.voided_at IS NULL
            """,
            [id]
        ).first
        return ParameterComparison.Recorded(
            trialCount: try row?.decode(Int.self, "trial_count") ?? 0,
            levers: try row?.decode(PostgresJSON.self, "levers").decode([String].self) ?? [],
            parameterNames: try row?.decode(PostgresJSON.self, "parameter_names").decode([String].self) ?? [])
    }

    /// Two sets of a project's trials by number, in one query, voided ones included (the domain
    /// refuses them, saying so).
    ///
    /// - Parameters:
    ///   - key: The project.
    ///   - first: The numbers of the first set (3 for T3).
    ///   - second: The numbers of the second set.
    /// - Returns: The trials of each set, in the order given.
    /// - Throws: ``StoreError`` `.notFound` for an unknown project, or for a trial the project does not
    ///   have, naming the field `trials` (first set) or `against` (second).
    public func trialSets(of key: String, _ first: [Int], against second: [Int]) throws -> (
        first: [Trial], second: [Trial]
    ) {
        try translatingErrors {
            let id = try projectID(key)
            let found = try connection.query(
                Self.trialSelect
                    + " WHERE t.project_id = $1 AND t.number IN (SELECT jsonb_array_elements_text($2::jsonb)::int)",
                [id, try PostgresJSON(encoding: first + second)]
            ).map(Self.trial(from:))
            let byNumber = Dictionary(found.map { ($0.number, $0) }, uniquingKeysWith: { first, _ in first })
            func resolve(_ numbers: [Int], field: String) throws -> [Trial] {
                try numbers.map { number in
                    guard let trial = byNumber[number] else {
                        throw StoreError(.notFound, field: field, "\(key) has no trial T\(number)")
                    }
                    return trial
                }
            }
            return (try resolve(first, field: "trials"), try resolve(second, field: "against"))
        }
    }
}
