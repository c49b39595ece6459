import LibPQ
import TackleDomain

extension Store {
    /// Gathers what pooling a project's trials by a parameter needs, in two queries whatever the
    /// number of trials: the project's baseline, then the matching trials with their counts and
    /// their value of the parameter.
    ///
    /// Voided trials are left out. The filter runs in SQL: the lever matches exactly as logged, and
    /// `conditions @> $3` keeps the trials whose stored array of `{"name": …, "value": …}` objects
    /// holds every condition asked for, values matched exactly; the parameter's name matches
    /// exactly too. Only when no matching trial records the parameter does a third query gather
    /// what the project's trials do record, for the refusal.
    ///
    /// - Parameters:
    ///   - key: The project.
    ///   - parameter: The parameter the trials will be pooled by.
    ///   - filter: Which trials to gather.
    /// - Returns: The facts, for ``ParameterComparison/init(_:binWidth:trend:alpha:)``.
    /// - Throws: ``StoreError`` `.notFound` for an unknown project.
    public func parameterComparisonFacts(
        for key: String, by parameter: String, matching filter: ParameterComparison.Filter
    ) throws -> ParameterComparison.Facts {
        try translatingErrors {
            guard
                let project = try connection.query(
                    "SELECT id, metric_name, baseline_defective, baseline_inspected FROM project WHERE key = $1", [key]
                ).first
            else {
                throw StoreError(
                    .notFound, field: "project", "no project with key \(key); `tackle project list` shows them")
            }
            let id = try project.decode(Int.self, "id")
            // A value and a unit per trial rather than its whole JSON: a thousand trials decode in
            // well under a millisecond this way.
            let trials = try connection.query(
                """
                SELECT number, defective, inspected, (setting ->> 'value')::float8 AS value, setting ->> 'unit' AS unit
                FROM (SELECT t.number, t.defective, t.inspected,
                             jsonb_path_query_first(t.parameters, '$[*] ? (@.name == $name)',
                                                    jsonb_build_object('name', $4::text)) AS setting
                      FROM trial t
                      WHERE t.project_id = $1 AND t.voided_at IS NULL AND ($2::text IS NULL OR t.lever = $2)
                        AND t.conditions @> $3::jsonb) AS matching
                ORDER BY number
                """,
                [id, filter.lever, try PostgresJSON(encoding: filter.conditions), parameter]
            ).map { row in
                ParameterComparison.Entry(
                    number: try row.decode(Int.self, at: 0),
                    value: try row.decode(Double?.self, at: 3), unit: try row.decode(String?.self, at: 4),
                    outcome: try Proportion(
                        defective: try row.decode(Int.self, at: 1), inspected: try row.decode(Int.self, at: 2)))
            }
            var facts = ParameterComparison.Facts(
                projectKey: key, metricName: try project.decode(String.self, "metric_name"),
                baseline: try Proportion(
                    defective: try project.decode(Int.self, "baseline_defective"),
                    inspected: try project.decode(Int.self, "baseline_inspected")),
                parameter: parameter, filter: filter, trials: trials)
            if !facts.anyTrialRecordsParameter {
                facts.recorded = try recordedByTrials(ofProject: id)
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
    public func trialSets(
        of key: String, _ first: [Int], against second: [Int]
    ) throws -> (
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
