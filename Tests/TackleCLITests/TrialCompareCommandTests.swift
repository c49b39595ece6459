import Foundation
import Testing

/// `trial compare` through the real binary on a real database: trials pooled by a parameter's
/// value against the baseline, with Holm over the rows, pairs and a trend; two sets of trials
/// against each other; and the refusals, each one line naming the option.
///
/// The reference values are those of `ParameterComparisonTests` (same counts), from scipy 1.17.1
/// `fisher_exact`, statsmodels 0.15.0 `multipletests(method="holm")` and
/// `confint_proportions_2indep(method="newcomb")`, and the Cochran-Armitage formula in NumPy.
@Suite("trial compare, through the real binary")
struct TrialCompareCommandTests {
    static let key = "SLAB-CRACK-2026"

    /// A trial to log: lever, parameter, defective of inspected, conditions.
    struct Logged {
        var lever = "secondary cooling"
        var parameter: String
        var defective: Int
        var inspected: Int
        var conditions: [String] = []
    }

    /// T1-T6 of secondary cooling (specific water 0.60, 0.62, 0.65 L/kg; T5 without it), T7 voided
    /// (0.60 with 50 of 100, and the only trial with mould_flux_ratio), T8-T10 of soft reduction.
    static let logged = [
        Logged(parameter: "specific_water=0.60L/kg", defective: 3, inspected: 320, conditions: ["grade=Q345B"]),
        Logged(parameter: "specific_water=0.62L/kg", defective: 5, inspected: 400, conditions: ["grade=Q345B"]),
        Logged(parameter: "specific_water=0.60L/kg", defective: 2, inspected: 330, conditions: ["grade=Q235B"]),
        Logged(parameter: "specific_water=0.65l/kg", defective: 12, inspected: 500, conditions: ["grade=Q345B"]),
        Logged(parameter: "casting_speed=1.2m/min", defective: 4, inspected: 300),
        Logged(parameter: "specific_water=0.62L/kg", defective: 4, inspected: 350, conditions: ["strand=2"]),
        Logged(parameter: "mould_flux_ratio=1.1", defective: 50, inspected: 100),
        Logged(lever: "soft reduction", parameter: "soft_reduction=4mm", defective: 12, inspected: 800),
        Logged(lever: "soft reduction", parameter: "soft_reduction=5mm", defective: 6, inspected: 750),
        Logged(lever: "soft reduction", parameter: "soft_reduction=6mm", defective: 2, inspected: 700),
    ]

    /// A database with the project, its trials logged, and T7 voided.
    static func seeded(_ label: String) throws -> TrackerDatabase {
        let database = try TrackerDatabase.create(label: label)
        do {
            try database.addPlant()
            try database.openProject(key)
            for (index, trial) in logged.enumerated() {
                let arguments =
                    [
                        "trial", "log", key, "--lever", trial.lever, "--param", trial.parameter, "--inspected",
                        String(trial.inspected), "--defective", String(trial.defective), "--from",
                        "2026-05-\(10 + index)",
                    ] + trial.conditions.flatMap { ["--cond", $0] }
                let outcome = try database.tackle.run(arguments)
                guard outcome.status == 0 else {
                    throw TrackerDatabase.SetupFailure(description: "tackle trial log failed: \(outcome)")
                }
            }
            try database.setUp("trial", "void", key, "T7", "--reason", "录入错误")
        } catch {
            database.drop()
            throw error
        }
        return database
    }

    /// The parts of `trial compare --by --json` this suite reads.
    struct Pooled: Decodable {
        struct Group: Decodable {
            var kind: String
            var label: String
            var trials: [Int]
            var comparison: Judged
        }
        struct Judged: Decodable {
            var trial: OutputJSON.Counts
            var fisher_p_value: Double
            var adjusted_p_value: Double
            var comparisons: Int
            var verdict: String
            var agreement: String
        }
        struct Pair: Decodable {
            var first: String
            var second: String
            var comparison: Difference
        }
        struct Trend: Decodable {
            var z: Double?
            var p_value: Double?
            var direction: String
        }
        var project_key: String
        var parameter: String
        var baseline: OutputJSON.Counts
        var groups: [Group]
        var pairs: [Pair]
        var pairs_omitted: Bool
        var trend: Trend?
    }

    /// A difference of two groups in `--json`, first minus second.
    struct Difference: Decodable {
        var first: OutputJSON.Counts
        var second: OutputJSON.Counts
        var difference: Double?
        var difference_interval: OutputJSON.Interval?
        var fisher_p_value: Double
        var adjusted_p_value: Double
        var comparisons: Int
        var verdict: String
        var agreement: String
    }

    /// `trial compare --trials --against --json`.
    struct Sets: Decodable {
        struct Side: Decodable {
            struct Figures: Decodable {
                var defective: Int
                var inspected: Int
                var rate: Double?
                var interval: OutputJSON.Interval?
            }
            var trials: [Int]
            var figures: Figures
        }
        var project_key: String
        var first: Side
        var second: Side
        var comparison: Difference
    }

    static func close(_ actual: Double?, _ expected: Double, within tolerance: Double = 1e-9) -> Bool {
        guard let actual else { return false }
        return abs(actual - expected) <= tolerance
    }

    @Test("--by pools the trials by value, one row each plus the trials without it; Holm over the rows; pairs; trend")
    func pooledText() throws {
        let database = try Self.seeded("cli_compare_text")
        defer { database.drop() }

        let outcome = try database.tackle.succeed(
            "trial", "compare", Self.key, "--by", "specific_water", "--lever", "secondary cooling", "--trend")
        let text = outcome.stdout
        #expect(outcome.stderr.isEmpty, "\(outcome)")
        #expect(
            text.hasPrefix(
                "SLAB-CRACK-2026 longitudinal crack rate by specific_water: 6 trials (lever \"secondary cooling\")\n"
                    + "baseline: 48/1500 = 3.20% (95% CI 2.42%-4.22%)\n"), "\(text)")
        let lines = text.split(separator: "\n").map(String.init)
        func row(_ label: String) throws -> [String] {
            let line = try #require(lines.first { $0.hasPrefix(label + "  ") }, "a row \(label): \(text)")
            return line.components(separatedBy: "  ").map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }
        }
        // Value, trials, counts, rate, CI, difference, its CI, Fisher p, Holm p, verdict.
        #expect(
            try row("0.6 L/kg")
                == [
                    "0.6 L/kg", "T1, T3", "5/650", "0.77%", "0.33%-1.79%", "+2.43", "+1.15 to +3.54", "0.0004",
                    "0.0016",
                    "better",
                ])
        #expect(try row("0.62 L/kg").prefix(3) == ["0.62 L/kg", "T2, T6", "9/750"])
        #expect(try row("0.62 L/kg").suffix(3) == ["0.0040", "0.0121", "better"])
        #expect(try row("0.65 L/kg").suffix(3) == ["0.4494", "0.4494", "no detectable change"])
        #expect(try row("without specific_water").prefix(3) == ["without specific_water", "T5", "4/300"])
        #expect(try row("without specific_water").suffix(3) == ["0.0888", "0.1775", "no detectable change"])
        // The voided T7 counts nowhere.
        #expect(!text.contains("T7"), "\(text)")

        #expect(
            text.contains("verdicts from Fisher's exact test, p adjusted by Holm over the 4 rows; intervals 95 %\n"))
        #expect(text.contains("p adjusted by Holm over the 3 pairs"), "\(text)")
        #expect(
            text.contains(
                "0.6 L/kg vs 0.65 L/kg: the interval excludes 0 but the adjusted p does not reach 0.05: treat as not shown"
            ), "\(text)")
        #expect(
            text.contains(
                "trend: the rate rises as specific_water rises (z = 2.38, p = 0.0173); the trials without "
                    + "specific_water are left out\n"), "\(text)")
    }

    @Test("--json has the rows with their pooled counts and Holm p, the pairs, and the trend with its sign")
    func pooledJSON() throws {
        let database = try Self.seeded("cli_compare_json")
        defer { database.drop() }

        let pooled = try OutputJSON.decode(
            Pooled.self,
            from: try database.tackle.succeed(
                "trial", "compare", Self.key, "--by", "specific_water", "--lever", "secondary cooling", "--trend",
                "--json"))
        #expect(pooled.project_key == Self.key)
        #expect(pooled.baseline == OutputJSON.Counts(defective: 48, inspected: 1500))
        #expect(pooled.groups.map(\.label) == ["0.6 L/kg", "0.62 L/kg", "0.65 L/kg", "without specific_water"])
        #expect(pooled.groups.map(\.kind) == ["value", "value", "value", "without"])
        #expect(pooled.groups.map(\.trials) == [[1, 3], [2, 6], [4], [5]])
        #expect(
            pooled.groups.map(\.comparison.trial) == [
                .init(defective: 5, inspected: 650), .init(defective: 9, inspected: 750),
                .init(defective: 12, inspected: 500), .init(defective: 4, inspected: 300),
            ])
        let holm = [0.0016074036601848847, 0.01210756090733631, 0.4493915752490284, 0.17751211450633186]
        for (group, reference) in zip(pooled.groups, holm) {
            #expect(Self.close(group.comparison.adjusted_p_value, reference), "\(group.label)")
            #expect(group.comparison.comparisons == 4)
        }
        #expect(pooled.pairs.count == 3)
        #expect(!pooled.pairs_omitted)
        let edge = try #require(pooled.pairs.first { $0.first == "0.6 L/kg" && $0.second == "0.65 L/kg" })
        #expect(Self.close(edge.comparison.fisher_p_value, 0.02707858513467219))
        #expect(Self.close(edge.comparison.adjusted_p_value, 0.08123575540401656))
        #expect(edge.comparison.agreement == "interval-excludes-zero-test-does-not")
        let trend = try #require(pooled.trend)
        #expect(Self.close(trend.z, 2.379942477389232))
        #expect(trend.direction == "rises")

        // Soft reduction, only its lever's trials: the rate falls as it rises, z negative.
        let soft = try OutputJSON.decode(
            Pooled.self,
            from: try database.tackle.succeed(
                "trial", "compare", Self.key, "--by", "soft_reduction", "--lever", "soft reduction", "--trend",
                "--json"))
        #expect(soft.groups.map(\.label) == ["4 mm", "5 mm", "6 mm"])
        let falling = try #require(soft.trend)
        #expect(Self.close(falling.z, -2.5100660892892384))
        #expect(falling.direction == "falls")
    }

    @Test("--cond keeps the trials with every condition given; --bins pools into windows")
    func conditionsAndBins() throws {
        let database = try Self.seeded("cli_compare_cond")
        defer { database.drop() }

        let graded = try OutputJSON.decode(
            Pooled.self,
            from: try database.tackle.succeed(
                "trial", "compare", Self.key, "--by", "specific_water", "--cond", "grade=Q345B", "--json"))
        #expect(graded.groups.map(\.trials) == [[1], [2], [4]])
        #expect(graded.groups.allSatisfy { $0.comparison.comparisons == 3 })

        let binned = try database.tackle.succeed(
            "trial", "compare", Self.key, "--by", "specific_water", "--lever", "secondary cooling", "--bins", "0.05")
        let rows = binned.stdout.split(separator: "\n")
        let first = try #require(rows.first { $0.hasPrefix("0.60–0.65 L/kg ") }, "\(binned.stdout)")
        #expect(first.contains("T1, T2, T3, T6") && first.contains("14/1400"), "\(first)")
        #expect(rows.contains { $0.hasPrefix("0.65–0.70 L/kg ") && $0.contains("12/500") }, "\(binned.stdout)")
    }

    @Test("--trials A,B --against C pools each side and says which is lower, with Fisher and Newcombe")
    func sets() throws {
        let database = try Self.seeded("cli_compare_sets")
        defer { database.drop() }

        let text = try database.tackle.succeed("trial", "compare", Self.key, "--trials", "T1,t3", "--against", "4")
            .stdout
        #expect(text.hasPrefix("SLAB-CRACK-2026: T1+T3 against T4\n"), "\(text)")
        #expect(text.contains("5/650 = 0.77%"), "\(text)")
        #expect(
            text.contains("T1+T3 is 1.63 points below T4 (95% CI of T1+T3 minus T4: -3.43 to -0.19 points)"),
            "\(text)")
        #expect(text.contains("p = 0.0271 (two-sided exact test)"), "\(text)")
        #expect(text.contains("verdict:     T1+T3 lower than T4"), "\(text)")

        let sets = try OutputJSON.decode(
            Sets.self,
            from: try database.tackle.succeed(
                "trial", "compare", Self.key, "--trials", "T1,T3", "--against", "T4", "--json"))
        #expect(sets.first.trials == [1, 3])
        #expect(sets.first.figures.defective == 5 && sets.first.figures.inspected == 650)
        #expect(sets.second.trials == [4])
        #expect(Self.close(sets.comparison.fisher_p_value, 0.02707858513467219))
        let interval = try #require(sets.comparison.difference_interval)
        #expect(Self.close(interval.lower, -0.03433066364790838))
        #expect(Self.close(interval.upper, -0.001878610069928871))
        #expect(sets.comparison.verdict == "lower")
    }

    struct Refusal: Sendable, CustomTestStringConvertible {
        var arguments: [String]
        /// The one line on stderr, exactly.
        var line: String
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static func compare(_ arguments: String...) -> [String] { ["trial", "compare", key] + arguments }

    static let refusals: [Refusal] = [
        Refusal(
            arguments: compare("--by", "foo"),
            line:
                "Error: --by: no trial of SLAB-CRACK-2026 has parameter foo; its trials have: casting_speed, "
                + "soft_reduction, specific_water"),
        // A voided trial's parameters are not the project's.
        Refusal(
            arguments: compare("--by", "mould_flux_ratio"),
            line:
                "Error: --by: no trial of SLAB-CRACK-2026 has parameter mould_flux_ratio; its trials have: "
                + "casting_speed, soft_reduction, specific_water"),
        Refusal(
            arguments: compare("--trials", "T99", "--against", "T1"),
            line: "Error: --trials: SLAB-CRACK-2026 has no trial T99"),
        Refusal(
            arguments: compare("--trials", "T1", "--against", "T2,T99"),
            line: "Error: --against: SLAB-CRACK-2026 has no trial T99"),
        Refusal(
            arguments: compare("--by", "specific_water", "--trials", "T1", "--against", "T2"),
            line: "Error: --trials: give --by or --trials, not both"),
        Refusal(
            arguments: compare("--by", "casting_speed", "--trend"),
            line: "Error: --trend: a trend needs at least two values of casting_speed; the trials compared have "
                + "only 1.2 m/min"),
        Refusal(
            arguments: compare("--trials", "T7", "--against", "T1"),
            line: "Error: --trials: T7 of SLAB-CRACK-2026 is void (录入错误); a voided trial counts nowhere"),
        Refusal(
            arguments: compare("--trials", "T1,T4", "--against", "T4"),
            line: "Error: --against: T4 is on both sides; a trial can be compared only with other trials"),
        Refusal(
            arguments: compare("--trials", "x3", "--against", "T1"),
            line: "Error: --trials: 'x3' must be a number like 3 (or T3 for a trial)"),
        Refusal(
            arguments: compare("--by", "specific_water", "--lever", "mould flux"),
            line:
                "Error: --lever: no trial of SLAB-CRACK-2026 has lever \"mould flux\"; its trials have: "
                + "\"secondary cooling\", \"soft reduction\""),
        Refusal(
            arguments: compare("--by", "specific_water", "--lever", "secondary cooling", "--cond", "grade=Q195"),
            line: "Error: --cond: no trial of SLAB-CRACK-2026 with lever \"secondary cooling\" ran with grade=Q195"),
        Refusal(
            arguments: compare(),
            line: "Error: --by: give --by PARAMETER to pool trials by a value, or --trials A --against B"
        ),
        Refusal(
            arguments: ["trial", "compare", "NOPE-2026", "--by", "x"],
            line: "Error: no project with key NOPE-2026; `tackle project list` shows them"),
    ]

    @Test("refusals: exit 1, nothing on stdout, one line on stderr naming the option")
    func refused() throws {
        let database = try Self.seeded("cli_compare_bad")
        defer { database.drop() }
        for refusal in Self.refusals {
            let outcome = try database.tackle.run(refusal.arguments)
            #expect(outcome.status == 1, "\(refusal.testDescription): \(outcome)")
            #expect(outcome.stdout.isEmpty, "\(refusal.testDescription): \(outcome)")
            #expect(outcome.stderr == refusal.line + "\n", "\(refusal.testDescription)")
        }
    }
}
