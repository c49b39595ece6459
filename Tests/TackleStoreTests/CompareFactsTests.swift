import Foundation
import LibPQ
import Logging
import TackleDomain
import TestSupport
import Testing

@testable import TackleStore

/// What `trial compare` reads: the trials a lever and conditions match, filtered in SQL, with
/// their value of one parameter; what the project's trials record, only when it is needed; and
/// two sets of trials by number.
@Suite("the facts of trial compare, read from the store")
struct CompareFactsTests {
    static let key = StoreRaceTests.key
    static let logger = Logger(label: "test")

    /// The project of `StoreRaceTests.seeded` with five trials; T5 is void.
    static func seeded(_ label: String) throws -> DatabaseLocation {
        let location = try StoreRaceTests.seeded(label)
        let day = try LocalDate(year: 2026, month: 5, day: 4)
        func trial(
            _ lever: String, _ parameters: [TrialParameter], _ conditions: [TrialCondition], _ defective: Int,
            _ inspected: Int
        ) throws -> NewTrial {
            try NewTrial(
                lever: lever, startedOn: day, endedOn: day, parameters: parameters, conditions: conditions,
                outcome: try Proportion(defective: defective, inspected: inspected))
        }
        let water = { (value: Double) in try TrialParameter(name: "specific_water", value: value, unit: "l/kg") }
        let grade = { (value: String) in try TrialCondition(name: "grade", value: value) }
        let strand = { (value: String) in try TrialCondition(name: "strand", value: value) }
        try Store.withStore(at: location, logger: logger) { store in
            for new in [
                try trial("secondary cooling", [water(0.62)], [grade("Q345B"), strand("2")], 3, 320),
                try trial("secondary cooling", [water(0.62)], [grade("Q345B"), strand("3")], 5, 400),
                try trial("secondary cooling", [water(0.65)], [grade("Q235B")], 2, 330),
                try trial(
                    "soft reduction", [TrialParameter(name: "soft_reduction", value: 5, unit: "mm")], [], 6, 750),
                try trial(
                    "mould flux", [water(0.6), TrialParameter(name: "mould_flux_ratio", value: 1.1, unit: "")],
                    [grade("Q345B"), strand("2")], 50, 100),
            ] {
                try store.logTrial(new, in: key, by: "setup")
            }
            _ = try store.voidTrial(key, 5, reason: "录入错误", by: "setup")
        }
        return location
    }

    static func facts(
        _ location: DatabaseLocation, by parameter: String = "specific_water", lever: String? = nil,
        conditions: [TrialCondition] = []
    ) throws -> ParameterComparison.Facts {
        try Store.withStore(at: location, logger: logger) { store in
            try store.parameterComparisonFacts(
                for: key, by: parameter, matching: try .init(lever: lever, conditions: conditions))
        }
    }

    @Test("the lever and every condition filter in SQL; voided trials never come back; values and units per trial")
    func filtered() throws {
        let location = try Self.seeded("store_compare_filter")
        defer { try? TestDatabase.drop(conninfo: location.conninfo ?? "") }

        let all = try Self.facts(location)
        #expect(all.trials.map(\.number) == [1, 2, 3, 4])
        #expect(all.trials.map(\.value) == [0.62, 0.62, 0.65, nil])
        #expect(all.trials.map(\.unit) == ["L/kg", "L/kg", "L/kg", nil])
        #expect(all.trials[1].outcome == (try Proportion(defective: 5, inspected: 400)))
        #expect(all.baseline == (try Proportion(defective: 48, inspected: 1500)))
        #expect(all.metricName == "longitudinal crack rate")
        // Some trial records the parameter, so what the project records is not read.
        #expect(all.recorded == nil)

        let graded = try Self.facts(
            location,
            conditions: [try TrialCondition(name: "grade", value: "Q345B"), try .init(name: "strand", value: "2")])
        #expect(graded.trials.map(\.number) == [1])
        #expect(try Self.facts(location, lever: "secondary cooling").trials.map(\.number) == [1, 2, 3])
        #expect(try Self.facts(location, lever: "Secondary cooling").trials.isEmpty)
        #expect(try Self.facts(location, conditions: [try .init(name: "grade", value: "q345b")]).trials.isEmpty)
    }

    @Test("when no matching trial records the parameter, the project's levers and parameter names come along")
    func recorded() throws {
        let location = try Self.seeded("store_compare_recorded")
        defer { try? TestDatabase.drop(conninfo: location.conninfo ?? "") }

        let facts = try Self.facts(location, by: "mould_flux_ratio")
        #expect(facts.trials.allSatisfy { $0.value == nil })
        let recorded = try #require(facts.recorded)
        #expect(recorded.trialCount == 4)
        #expect(Set(recorded.levers) == ["secondary cooling", "soft reduction"])
        // The voided T5 was the only trial with mould_flux_ratio: it is not among the names.
        #expect(Set(recorded.parameterNames) == ["specific_water", "soft_reduction"])
        #expect {
            try ParameterComparison(facts)
        } throws: { error in
            (error as? DomainError)?.message
                == "no trial of SLAB-CRACK-2026 has parameter mould_flux_ratio; its trials have: soft_reduction, "
                + "specific_water"
        }
    }

    @Test("two sets by number, in the order given, voided ones included; a missing number names its side")
    func sets() throws {
        let location = try Self.seeded("store_compare_sets")
        defer { try? TestDatabase.drop(conninfo: location.conninfo ?? "") }

        let sets = try Store.withStore(at: location, logger: Self.logger) {
            try $0.trialSets(of: Self.key, [3, 1], against: [5])
        }
        #expect(sets.first.map(\.number) == [3, 1])
        #expect(sets.second.map(\.number) == [5])
        #expect(sets.second.first?.voidedAt != nil)

        for (first, second, field) in [([1, 9], [2], "trials"), ([1], [2, 9], "against")] {
            #expect {
                try Store.withStore(at: location, logger: Self.logger) {
                    try $0.trialSets(of: Self.key, first, against: second)
                }
            } throws: { error in
                let error = try #require(error as? StoreError)
                return error.code == .notFound && error.field == field
                    && error.message == "SLAB-CRACK-2026 has no trial T9"
            }
        }
    }
}
