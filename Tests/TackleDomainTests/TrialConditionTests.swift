import FoundationEssentials
import Testing

@testable import TackleDomain

/// Conditions of a trial (grade, strand, section), the rule that each name is given once, and how
/// a trial and its comparison read as JSON.
@Suite("Trial conditions")
struct TrialConditionTests {
    static let may1 = try! LocalDate.parse("2026-05-01")

    @Test(
        "name=value, the value trimmed text in any script",
        arguments: [
            ("grade=Q345B", "grade", "Q345B"),
            ("strand=2", "strand", "2"),
            ("section=230x1600", "section", "230x1600"),
            (" mould_flux = 保护渣 A ", "mould_flux", "保护渣 A"),
            ("钢种=Q345B", "钢种", "Q345B"),
            ("grade=\u{3000}Q345B\u{3000}", "grade", "Q345B"),
            ("recipe=a=b", "recipe", "a=b"),
        ]
    )
    func parses(text: String, name: String, value: String) throws {
        let condition = try TrialCondition.parse(text, field: "--cond")
        #expect(condition.name == name)
        #expect(condition.value == value)
        #expect(condition.description == "\(name)=\(value)")
    }

    @Test(
        "a missing or blank value, a bad name or no = is refused, naming the field and the condition",
        arguments: [
            ("grade=", "condition grade needs a value"),
            ("grade=   ", "condition grade needs a value"),
            ("grade=\u{3000}", "condition grade needs a value"),
            ("=x", "condition name '' must start with a letter"),
            ("1grade=x", "condition name '1grade' must start with a letter"),
            ("steel grade=Q345B", "condition name 'steel grade' must start with a letter"),
            ("grade", "must be name=value"),
            ("grade=Q345B\nQ235B", "must be one line"),
        ]
    )
    func refused(text: String, mention: String) throws {
        let error = try #require(throws: DomainError.self) { try TrialCondition.parse(text, field: "--cond") }
        #expect(error.field == "--cond")
        #expect(error.description.hasPrefix("--cond: "))
        #expect(error.message.contains(mention), "\(error)")
    }

    @Test("without a field the error is attributed to the condition")
    func defaultField() throws {
        let error = try #require(throws: DomainError.self) { try TrialCondition.parse("grade=") }
        #expect(error.field == "condition")
    }

    static func newTrial(parameters: [String] = [], conditions: [String] = []) throws -> NewTrial {
        try NewTrial(
            lever: "secondary cooling", startedOn: may1, endedOn: may1,
            parameters: try parameters.map { try TrialParameter.parse($0) },
            conditions: try conditions.map { try TrialCondition.parse($0) },
            outcome: try Proportion(defective: 3, inspected: 320))
    }

    @Test("a trial keeps its conditions in the order given")
    func keepsConditions() throws {
        let trial = try Self.newTrial(
            parameters: ["比水量=0.62L/kg"], conditions: ["grade=Q345B", "strand=2", "section=230x1600"])
        #expect(trial.conditions.map(\.description) == ["grade=Q345B", "strand=2", "section=230x1600"])
        #expect(try Self.newTrial().conditions.isEmpty)
    }

    @Test(
        "a name given twice is refused: among conditions, among parameters, or in both",
        arguments: [
            ([], ["grade=Q345B", "grade=Q235B"], "cond", "condition grade is given twice"),
            ([], ["grade=Q345B", "Grade=Q235B"], "cond", "condition Grade is given twice"),
            (["比水量=0.62L/kg", "比水量=0.7L/kg"], [], "param", "parameter 比水量 is given twice"),
            (["speed=1.2m/min", "Speed=1.1m/min"], [], "param", "parameter Speed is given twice"),
            (["strand=2"], ["strand=2"], "cond", "strand is already a parameter"),
        ]
    )
    func duplicates(parameters: [String], conditions: [String], field: String, message: String) throws {
        let error = try #require(throws: DomainError.self) {
            try Self.newTrial(parameters: parameters, conditions: conditions)
        }
        #expect(error.field == field)
        #expect(error.message.hasPrefix(message), "\(error)")
    }

    @Test("replacing the conditions checks the names again")
    func replacing() throws {
        let trial = try Self.newTrial(parameters: ["strand_speed=1.2m/min"], conditions: ["grade=Q345B"])
        let replaced = try trial.replacingConditions(with: [try TrialCondition(name: "grade", value: "Q235B")])
        #expect(replaced.conditions.map(\.description) == ["grade=Q235B"])
        #expect(replaced.parameters == trial.parameters)
        let twice = [try TrialCondition(name: "grade", value: "Q235B"), try TrialCondition(name: "grade", value: "X")]
        let error = try #require(throws: DomainError.self) { try trial.replacingConditions(with: twice) }
        #expect(error.field == "cond")
    }

    /// The JSON of a trial and its comparison, as `tackle trial show --json` prints them.
    static func json<T: Decodable>(_ value: some Encodable, as type: T.Type) throws -> T {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return try JSONDecoder().decode(type, from: try encoder.encode(value))
    }

    /// The keys a script reads; an interval decodes only from an object, never from an array.
    struct TrialShape: Decodable {
        struct Parameter: Decodable {
            var name: String
            var unit: String
        }
        var parameters: [Parameter]
        var conditions: [[String: String]]
    }

    struct ComparisonShape: Decodable {
        var trial_interval: [String: Double]?
        var baseline_interval: [String: Double]?
        var difference_interval: [String: Double]?
    }

    @Test("a trial's conditions are encoded as {name, value} objects")
    func trialJSON() throws {
        let trial = Trial(
            projectKey: "SLAB-CRACK-2026", number: 1, lever: "二冷水", hypothesis: "", startedOn: Self.may1,
            endedOn: Self.may1, parameters: [try TrialParameter.parse("比水量=0.62l/kg")],
            conditions: [try TrialCondition.parse("grade=Q345B"), try TrialCondition.parse("strand=2")],
            outcome: try Proportion(defective: 3, inspected: 320), heats: [], note: "", conclusion: "", version: 1)
        let shape = try Self.json(trial, as: TrialShape.self)
        #expect(shape.conditions == [["name": "grade", "value": "Q345B"], ["name": "strand", "value": "2"]])
        #expect(shape.parameters.map(\.name) == ["比水量"])
        #expect(shape.parameters.map(\.unit) == ["L/kg"])
    }

    @Test("a comparison's intervals are {lower, upper} objects and read back the same")
    func comparisonJSON() throws {
        let comparison = Statistics.compare(
            trial: try Proportion(defective: 6, inspected: 650),
            baseline: try Proportion(defective: 48, inspected: 1500))
        let shape = try Self.json(comparison, as: ComparisonShape.self)
        let expected: [(String, [String: Double]?, ClosedRange<Double>?)] = [
            ("trial", shape.trial_interval, comparison.trialInterval),
            ("baseline", shape.baseline_interval, comparison.baselineInterval),
            ("difference", shape.difference_interval, comparison.differenceInterval),
        ]
        for (name, object, range) in expected {
            let object = try #require(object, "\(name)")
            let range = try #require(range, "\(name)")
            #expect(object == ["lower": range.lowerBound, "upper": range.upperBound], "\(name)")
        }

        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        #expect(try decoder.decode(Comparison.self, from: encoder.encode(comparison)) == comparison)
    }

    @Test("absent intervals are left out, as the other absent values are")
    func absentIntervals() throws {
        let comparison = Statistics.compare(
            trial: try Proportion(defective: 0, inspected: 0), baseline: try Proportion(defective: 48, inspected: 1500))
        let shape = try Self.json(comparison, as: ComparisonShape.self)
        #expect(shape.trial_interval == nil)
        #expect(shape.difference_interval == nil)
        #expect(shape.baseline_interval != nil)
    }
}
