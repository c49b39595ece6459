import Foundation
import Testing

@testable import TackleDomain

/// Trials pooled by a parameter's value and judged against the baseline and each other; two sets
/// of trials judged against each other.
///
/// The fixture: baseline 48 of 1500; specific water 0.60 L/kg in T1 (3/320) and T3 (2/330), 0.62 in
/// T2 (5/400) and T6 (4/350), 0.65 in T4 (12/500); T5 (4/300) records no specific water; T7 (0.60,
/// 50/100) is void. Pooled rows: 0.60 = 5/650, 0.62 = 9/750, 0.65 = 12/500, without = 4/300.
///
/// References (scipy 1.17.1, statsmodels 0.15.0, computed once by a script):
/// - rows against the baseline: `scipy.stats.fisher_exact([[48, 1452], [d, n - d]])[1]`, then
///   `statsmodels.stats.multitest.multipletests(ps, method="holm")[1]` over the four rows;
/// - pairs: `fisher_exact([[d1, n1 - d1], [d2, n2 - d2]])[1]`, Holm over the three pairs, and
///   `statsmodels.stats.proportion.confint_proportions_2indep(d1, n1, d2, n2, method="newcomb")`;
/// - trend: the Cochran-Armitage formula in NumPy with `scipy.stats.norm.sf` for p, checked
///   against `statsmodels.stats.contingency_tables.Table(t).test_ordinal_association(row_scores=
///   [0.60, 0.62, 0.65], col_scores=[1, 0])`, whose z (2.3793160943074043) is the Cochran-Armitage z
///   times √((N − 1)/N).
@Suite("Trials pooled by a parameter, and sets of trials against each other")
struct ParameterComparisonTests {
    private static let baseline = try! Proportion(defective: 48, inspected: 1500)

    static func trial(
        _ number: Int, _ parameters: [TrialParameter], _ defective: Int, of inspected: Int,
        lever: String = "secondary cooling", void: Bool = false
    ) throws -> Trial {
        let day = try LocalDate(year: 2026, month: 5, day: number)
        return Trial(
            projectKey: "SLAB-CRACK-2026", number: number, lever: lever, hypothesis: "", startedOn: day,
            endedOn: day, parameters: parameters, outcome: try Proportion(defective: defective, inspected: inspected),
            heats: [], note: "", conclusion: "", version: 1, voidedAt: void ? "2026-05-20T00:00:00Z" : nil,
            voidReason: void ? "wrong strand" : nil)
    }

    static func water(_ value: Double, unit: String = "L/kg") throws -> [TrialParameter] {
        [try TrialParameter(name: "specific_water", value: value, unit: unit)]
    }

    static func trials() throws -> [Trial] {
        [
            try trial(1, water(0.60), 3, of: 320), try trial(2, water(0.62), 5, of: 400),
            try trial(3, water(0.60), 2, of: 330), try trial(4, water(0.65), 12, of: 500),
            try trial(5, [TrialParameter(name: "casting_speed", value: 1.2, unit: "m/min")], 4, of: 300),
            try trial(6, water(0.62), 4, of: 350), try trial(7, water(0.60), 50, of: 100, void: true),
        ]
    }

    /// The facts as the store gathers them: the trials that are not void, and what the project's
    /// trials record when `recorded` is given.
    static func facts(
        _ trials: [Trial], by parameter: String = "specific_water", filter: ParameterComparison.Filter? = nil,
        recorded: ParameterComparison.Recorded? = nil
    ) throws -> ParameterComparison.Facts {
        ParameterComparison.Facts(
            projectKey: "SLAB-CRACK-2026", metricName: "longitudinal crack rate", baseline: baseline,
            parameter: parameter, filter: try filter ?? .init(),
            trials: trials.filter { $0.voidedAt == nil }.map { ParameterComparison.Entry($0, parameter: parameter) },
            recorded: recorded)
    }

    /// What the fixture's project records.
    static let recorded = ParameterComparison.Recorded(
        trialCount: 6, levers: ["secondary cooling"], parameterNames: ["casting_speed", "specific_water"])

    @Test("trials pool by value, ascending; a trial without the parameter has its own row")
    func pooling() throws {
        let compared = try ParameterComparison(Self.facts(Self.trials()))
        #expect(compared.groups.map(\.label) == ["0.6 L/kg", "0.62 L/kg", "0.65 L/kg", "without specific_water"])
        #expect(compared.groups.map(\.kind) == [.value, .value, .value, .without])
        #expect(compared.groups.map(\.trials) == [[1, 3], [2, 6], [4], [5]])
        #expect(
            compared.groups.map(\.counts) == [
                try Proportion(defective: 5, inspected: 650), try Proportion(defective: 9, inspected: 750),
                try Proportion(defective: 12, inspected: 500), try Proportion(defective: 4, inspected: 300),
            ])
        #expect(compared.groups.map(\.score) == [0.60, 0.62, 0.65, nil])
        #expect(compared.trialCount == 6)
        #expect(compared.valueGroups.count == 3)
        #expect(compared.trend == nil)
    }

    @Test("each row's verdict rests on its Fisher p adjusted by Holm over all the rows, the row without included")
    func holmOverRows() throws {
        let compared = try ParameterComparison(Self.facts(Self.trials()))
        let raw = [0.0004018509150462212, 0.00403585363577877, 0.4493915752490284, 0.08875605725316593]
        let holm = [0.0016074036601848847, 0.01210756090733631, 0.4493915752490284, 0.17751211450633186]
        for (index, group) in compared.groups.enumerated() {
            #expect(isClose(group.comparison.fisherPValue, raw[index], within: 1e-9), "\(group.label)")
            #expect(isClose(group.comparison.adjustedPValue, holm[index], within: 1e-9), "\(group.label)")
            #expect(group.comparison.comparisons == 4)
            #expect(group.comparison.baseline == Self.baseline)
        }
        #expect(
            compared.groups.map(\.comparison.verdict) == [.better, .better, .noDetectableChange, .noDetectableChange])
    }

    @Test("the rows of values are compared pair by pair, Holm over the pairs, with Newcombe intervals")
    func pairs() throws {
        let compared = try ParameterComparison(Self.facts(Self.trials()))
        #expect(compared.pairs.map(\.first) == ["0.6 L/kg", "0.6 L/kg", "0.62 L/kg"])
        #expect(compared.pairs.map(\.second) == ["0.62 L/kg", "0.65 L/kg", "0.65 L/kg"])
        #expect(!compared.pairsOmitted)
        let raw = [0.5919492192847198, 0.02707858513467219, 0.11890732949449026]
        let holm = [0.5919492192847198, 0.08123575540401656, 0.23781465898898052]
        let intervals = [
            (-0.015829540331323576, 0.007353039493561175), (-0.03433066364790838, -0.001878610069928871),
            (-0.030375073324563198, 0.0027578641312303743),
        ]
        for (index, pair) in compared.pairs.enumerated() {
            let comparison = pair.comparison
            #expect(isClose(comparison.fisherPValue, raw[index], within: 1e-9))
            #expect(isClose(comparison.adjustedPValue, holm[index], within: 1e-9))
            #expect(comparison.comparisons == 3)
            let interval = try #require(comparison.differenceInterval)
            #expect(isClose(interval.lowerBound, intervals[index].0, within: 1e-9))
            #expect(isClose(interval.upperBound, intervals[index].1, within: 1e-9))
        }
        // 0.60 against 0.65: p = 0.027 alone, 0.081 over three pairs, while its interval excludes 0.
        let edge = compared.pairs[1].comparison
        #expect(isClose(edge.difference, -0.016307692307692308, within: 1e-12))
        #expect(edge.verdict == .noDetectableDifference)
        #expect(edge.agreement == .intervalExcludesZeroTestDoesNot)
    }

    @Test("windows of width 0.05 pool 0.60 and 0.62 together; labels show the window, scores its midpoint")
    func bins() throws {
        let compared = try ParameterComparison(Self.facts(Self.trials()), binWidth: 0.05)
        #expect(compared.groups.map(\.label) == ["0.60–0.65 L/kg", "0.65–0.70 L/kg", "without specific_water"])
        #expect(compared.groups.map(\.kind) == [.bin, .bin, .without])
        #expect(compared.groups.map(\.trials) == [[1, 2, 3, 6], [4], [5]])
        #expect(compared.groups[0].counts == (try Proportion(defective: 14, inspected: 1400)))
        #expect(isClose(compared.groups[0].value, 0.60, within: 1e-12))
        #expect(isClose(compared.groups[0].upperBound, 0.65, within: 1e-12))
        #expect(isClose(compared.groups[0].score, 0.625, within: 1e-12))
        #expect(isClose(compared.groups[1].score, 0.675, within: 1e-12))
        // scipy 1.17.1 fisher_exact([[48, 1452], [14, 1386]])[1].
        #expect(isClose(compared.groups[0].comparison.fisherPValue, 3.065348291127367e-05, within: 1e-12))
        #expect(compared.groups[0].comparison.comparisons == 3)
    }

    @Test("bin edges: a value typed on an edge falls in the window above it", arguments: [0.05, 0.1, 0.02])
    func binEdges(width: Double) throws {
        let edges = [0.6, 0.7, 0.3, 1.1]
        for (number, edge) in edges.enumerated() {
            let trials = [try Self.trial(number + 1, Self.water(edge), 1, of: 100)]
            let compared = try ParameterComparison(Self.facts(trials), binWidth: width)
            let lower = try #require(compared.groups.first?.value)
            #expect(isClose(lower, edge, within: 1e-9), "\(edge) in \(compared.groups[0].label)")
        }
    }

    @Test("the trend across the values matches the Cochran-Armitage reference; bins are scored by midpoints")
    func trend() throws {
        let exact = try #require(
            try ParameterComparison(Self.facts(Self.trials()), trend: true).trend)
        #expect(isClose(exact.z, 2.379942477389232, within: 1e-9))
        #expect(isClose(exact.pValue, 0.01731534076164771, within: 1e-9))
        #expect(exact.direction == .rises)
        #expect(exact.description == "the rate rises as specific_water rises (z = 2.38, p = 0.0173)")

        let binned = try #require(
            try ParameterComparison(Self.facts(Self.trials()), binWidth: 0.05, trend: true).trend)
        #expect(isClose(binned.z, 2.3130359826122375, within: 1e-9))
        #expect(isClose(binned.pValue, 0.020720660880163295, within: 1e-9))
    }

    /// Soft reduction 4 / 5 / 6 mm, 12/800, 6/750, 2/700: z = -2.5100660892892384, p = 0.01207085679898766
    /// (the formula in NumPy with scipy 1.17.1 `norm.sf`).
    @Test("a rate falling with more soft reduction reads as a falling trend")
    func fallingTrend() throws {
        let counts = [(4.0, 12, 800), (5.0, 6, 750), (6.0, 2, 700)]
        let trials = try counts.enumerated().map { index, row in
            try Self.trial(
                index + 1, [TrialParameter(name: "soft_reduction", value: row.0, unit: "mm")], row.1, of: row.2,
                lever: "soft reduction")
        }
        let facts = try Self.facts(trials, by: "soft_reduction")
        let trend = try #require(try ParameterComparison(facts, trend: true).trend)
        #expect(isClose(trend.z, -2.5100660892892384, within: 1e-9))
        #expect(trend.direction == .falls)
        #expect(trend.description == "the rate falls as soft_reduction rises (z = -2.51, p = 0.0121)")

        let flat = try ParameterComparison(
            facts, trend: true, alpha: 0.01)
        #expect(flat.trend?.direction == .notShown)
        #expect(flat.trend?.description == "no trend shown (z = -2.51, p = 0.0121)")
    }

    @Test("--trend is refused with one value, or with values in different units")
    func trendRefused() throws {
        let one = [try Self.trial(1, Self.water(0.62), 3, of: 300), try Self.trial(2, Self.water(0.62), 1, of: 200)]
        #expect {
            try ParameterComparison(Self.facts(one), trend: true)
        } throws: { error in
            let error = try #require(error as? DomainError)
            return error.field == "trend" && error.message.contains("at least two values")
                && error.message.contains("0.62 L/kg")
        }
        // Without --trend, one value is a fine comparison with the baseline.
        #expect(try ParameterComparison(Self.facts(one)).groups.count == 1)

        let units = [
            try Self.trial(1, Self.water(0.62), 3, of: 300),
            try Self.trial(2, Self.water(620, unit: "L/t"), 1, of: 200),
        ]
        #expect {
            try ParameterComparison(Self.facts(units), trend: true)
        } throws: { error in
            let error = try #require(error as? DomainError)
            return error.field == "trend" && error.message.contains("L/kg and L/t")
        }
    }

    @Test("an unknown parameter is refused naming the parameters the trials have")
    func unknownParameter() throws {
        #expect {
            try ParameterComparison(Self.facts(Self.trials(), by: "foo", recorded: Self.recorded))
        } throws: { error in
            let error = try #require(error as? DomainError)
            return error.field == "by"
                && error.message
                    == "no trial of SLAB-CRACK-2026 has parameter foo; its trials have: casting_speed, specific_water"
        }
        // Matching trials none of which records it: refused too, saying which trials were looked at.
        let facts = try Self.facts(
            [Self.trial(5, [], 4, of: 300)], filter: .init(lever: "secondary cooling"), recorded: Self.recorded)
        #expect(!facts.anyTrialRecordsParameter)
        #expect {
            try ParameterComparison(facts)
        } throws: { error in
            let error = try #require(error as? DomainError)
            return error.field == "by" && error.message.contains("lever \"secondary cooling\"")
        }
    }

    @Test("no trial matching the lever or the conditions is refused with words, naming the option")
    func nothingMatches() throws {
        let unknownLever = try Self.facts([], filter: .init(lever: "mould flux"), recorded: Self.recorded)
        #expect {
            try ParameterComparison(unknownLever)
        } throws: { error in
            let error = try #require(error as? DomainError)
            return error.field == "lever" && error.message.contains("\"secondary cooling\"")
        }
        let noGrade = try Self.facts(
            [], filter: .init(lever: "secondary cooling", conditions: [.init(name: "grade", value: "Q345B")]),
            recorded: Self.recorded)
        #expect {
            try ParameterComparison(noGrade)
        } throws: { error in
            let error = try #require(error as? DomainError)
            return error.field == "cond"
                && error.message == "no trial of SLAB-CRACK-2026 with lever \"secondary cooling\" ran with grade=Q345B"
        }
        let none = try Self.facts([], recorded: .init(trialCount: 0, levers: [], parameterNames: []))
        #expect {
            try ParameterComparison(none)
        } throws: { error in
            (error as? DomainError)?.message == "SLAB-CRACK-2026 has no trials to compare (none logged, or all void)"
        }
        #expect(throws: DomainError.self) {
            try ParameterComparison.Filter(conditions: [
                .init(name: "grade", value: "A"), .init(name: "grade", value: "B"),
            ])
        }
        #expect(throws: DomainError.self) {
            try ParameterComparison(Self.facts(Self.trials()), binWidth: 0)
        }
    }

    @Test("more rows of values than can be paired: no pairs, and it says so")
    func tooManyPairs() throws {
        let trials = try (1...(ParameterComparison.maximumPairedGroups + 1)).map { number in
            try Self.trial(number, Self.water(Double(number) / 100), 1, of: 100)
        }
        let compared = try ParameterComparison(Self.facts(trials))
        #expect(compared.pairsOmitted)
        #expect(compared.pairs.isEmpty)
        #expect(compared.groups.count == ParameterComparison.maximumPairedGroups + 1)
    }

    @Test("the JSON of a pooled comparison has the rows with their comparison, the pairs and the trend")
    func json() throws {
        let compared = try ParameterComparison(Self.facts(Self.trials()), trend: true)
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        let object = try #require(try JSONSerialization.jsonObject(with: encoder.encode(compared)) as? [String: Any])
        let groups = try #require(object["groups"] as? [[String: Any]])
        let comparison = try #require(groups.first?["comparison"] as? [String: Any])
        #expect(
            isClose(
                comparison["adjusted_p_value"] as? Double, compared.groups[0].comparison.adjustedPValue, within: 1e-15))
        let pairs = try #require(object["pairs"] as? [[String: Any]])
        let interval = try #require((pairs.first?["comparison"] as? [String: Any])?["difference_interval"])
        #expect((interval as? [String: Double])?.keys.sorted() == ["lower", "upper"])
        #expect((object["trend"] as? [String: Any])?["direction"] as? String == "rises")
        let decoded = try {
            let decoder = JSONDecoder()
            decoder.keyDecodingStrategy = .convertFromSnakeCase
            return try decoder.decode(ParameterComparison.self, from: encoder.encode(compared))
        }()
        #expect(decoded == compared)
    }

    /// T1+T3 (5/650) against T4 (12/500): scipy 1.17.1 `fisher_exact([[5, 645], [12, 488]])[1]` =
    /// 0.02707858513467219; statsmodels 0.15.0 `confint_proportions_2indep(5, 650, 12, 500,
    /// method="newcomb")` = (-0.03433066364790838, -0.001878610069928871); `proportions_ztest([5, 12],
    /// [650, 500])` = (-2.2716618973993414, 0.02310693922200844).
    @Test("two sets of trials: pooled, first minus second, Fisher, Newcombe and z against references")
    func sets() throws {
        let trials = try Self.trials()
        let compared = try TrialSetComparison(
            projectKey: "SLAB-CRACK-2026", first: [trials[0], trials[2]], second: [trials[3]])
        #expect(compared.first.trials == [1, 3])
        #expect(compared.first.description == "T1+T3")
        #expect(compared.first.figures.defective == 5 && compared.first.figures.inspected == 650)
        let result = compared.comparison
        #expect(isClose(result.difference, 5.0 / 650 - 12.0 / 500, within: 1e-12))
        #expect(isClose(result.fisherPValue, 0.02707858513467219, within: 1e-9))
        #expect(result.adjustedPValue == result.fisherPValue)
        #expect(result.comparisons == 1)
        let interval = try #require(result.differenceInterval)
        #expect(isClose(interval.lowerBound, -0.03433066364790838, within: 1e-9))
        #expect(isClose(interval.upperBound, -0.001878610069928871, within: 1e-9))
        #expect(isClose(result.z, -2.2716618973993414, within: 1e-9))
        #expect(isClose(result.zPValue, 0.02310693922200844, within: 1e-9))
        #expect(result.verdict == .lower)
        #expect(result.agreement == .agrees)

        let reversed = try TrialSetComparison(
            projectKey: "SLAB-CRACK-2026", first: [trials[3]], second: [trials[0], trials[2]])
        #expect(reversed.comparison.verdict == .higher)
    }

    @Test("sets are refused with a voided trial, a trial on both sides, or a trial twice")
    func setsRefused() throws {
        let trials = try Self.trials()
        let cases: [([Trial], [Trial], String, String)] = [
            ([trials[6]], [trials[3]], "trials", "T7 of SLAB-CRACK-2026 is void (wrong strand)"),
            ([trials[0]], [trials[6]], "against", "is void"),
            ([trials[0], trials[3]], [trials[3]], "against", "T4 is on both sides"),
            ([trials[0], trials[0]], [trials[3]], "trials", "T1 is given twice"),
            ([], [trials[3]], "trials", "at least one trial"),
        ]
        for (first, second, field, text) in cases {
            #expect {
                try TrialSetComparison(projectKey: "SLAB-CRACK-2026", first: first, second: second)
            } throws: { error in
                let error = try #require(error as? DomainError)
                return error.field == field && error.message.contains(text)
            }
        }
    }
}
