import Foundation

/// The documented `--json` output of tackle, as a user's script would read it.
///
/// The property names are the snake_case keys of the output, on purpose: decoding with a plain
/// `JSONDecoder` fails if a key is renamed, so these types pin the published field names.
enum OutputJSON {
    struct Unit: Decodable {
        var code: String
        var name: String
        var kind: String
        var parent_code: String?
    }

    struct Person: Decodable {
        var employee_no: String
        var name: String
        var unit_code: String
        var party_member: Bool
        var active: Bool
    }

    struct Counts: Decodable, Equatable {
        var defective: Int
        var inspected: Int
    }

    struct Metric: Decodable {
        var name: String
        var baseline: Counts
        var baseline_period: String
        var target_rate: Double
    }

    struct Project: Decodable {
        var key: String
        var title: String
        var problem: String
        var unit_code: String
        var leader_no: String
        var leader_name: String
        var leader_selection: String
        var status: String
        var opened_on: String
        var due_on: String
        var closed_on: String?
        var metric: Metric
        var version: Int
    }

    struct Member: Decodable {
        var employee_no: String
        var name: String
        var role: String
        var joined_on: String
        var left_on: String?
    }

    struct Milestone: Decodable {
        var project_key: String
        var number: Int
        var title: String
        var due_on: String
        var owner_no: String?
        var owner_name: String?
        var done_on: String?
    }

    struct Parameter: Decodable, Equatable {
        var name: String
        var value: Double
        var unit: String
    }

    struct Trial: Decodable {
        var project_key: String
        var number: Int
        var lever: String
        var hypothesis: String
        var started_on: String
        var ended_on: String
        var parameters: [Parameter]
        var outcome: Counts
        var heats: [String]
        var note: String
        var conclusion: String
        var version: Int
    }

    struct Observation: Decodable {
        var project_key: String
        var granularity: String
        var period_start: String
        var counts: Counts
        var note: String
        var version: Int
    }

    /// `project show --json`.
    struct ProjectDetail: Decodable {
        var project: Project
        var members: [Member]
        var milestones: [Milestone]
        var trials: [Trial]
        var observations: [Observation]
    }

    /// An interval, `{"lower": …, "upper": …}`, as every `--json` output writes one.
    struct Interval: Decodable, Equatable {
        var lower: Double
        var upper: Double
    }

    struct Comparison: Decodable {
        var trial: Counts
        var baseline: Counts
        var trial_rate: Double?
        var trial_interval: Interval?
        var fisher_p_value: Double
        var verdict: String
        var additional_slabs_needed: Int?
    }

    /// `trial log --json` and `trial show --json`.
    struct TrialResult: Decodable {
        var trial: Trial
        var comparison: Comparison
    }

    struct HistoryEntry: Decodable {
        var id: Int
        var at: String
        var actor: String
        var login: String
        var entity: String
        var record: String
        var action: String
        var old_values: String?
        var new_values: String?
        var reason: String?
    }

    /// Decodes what a command printed on stdout.
    static func decode<T: Decodable>(_ type: T.Type, from outcome: TackleProcess.Outcome) throws -> T {
        try JSONDecoder().decode(type, from: Data(outcome.stdout.utf8))
    }

    /// Decodes a JSON object held in a string field, such as a history entry's `old_values`.
    static func object(_ text: String?) throws -> [String: Any] {
        guard let text,
            let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        else { return [:] }
        return object
    }
}
