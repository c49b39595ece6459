import Testing

/// What `tackle trial log` tells an engineer about a trial against the baseline 48/1500.
///
/// Expected figures come from outside tackle: the domain brief's worked example (Fisher p =
/// 0.0014 for 6 of 650) and an independent calculation (Python: Wilson score interval with
/// z = 1.959964, scipy.stats.fisher_exact), rounded as printed.
@Suite("tackle trial log output")
struct TrialLogOutputTests {
    static let key = "SLAB-CRACK-2026"

    struct Case: CustomTestStringConvertible, Sendable {
        var defective: Int
        var inspected: Int
        /// Lines (or parts of lines) the output must contain.
        var expected: [String]
        var verdict: String
        var testDescription: String { "\(defective)/\(inspected) → \(verdict)" }
    }

    static let cases: [Case] = [
        Case(
            defective: 6, inspected: 650,
            expected: ["6/650 = 0.92% (95% CI 0.42%-2.00%)", "48/1500 = 3.20% (95% CI 2.42%-4.22%)", "p = 0.0014"],
            verdict: "better"),
        Case(
            defective: 15, inspected: 500,
            expected: ["15/500 = 3.00% (95% CI 1.83%-4.89%)", "p = 0.8836", "more slabs"],
            verdict: "no detectable change"),
        Case(
            defective: 40, inspected: 400,
            expected: ["40/400 = 10.00% (95% CI 7.43%-13.33%)", "p < 0.0001"],
            verdict: "worse"),
    ]

    @Test("the rate with its Wilson interval, Fisher's p and the verdict", arguments: cases)
    func verdicts(_ trial: Case) throws {
        let database = try TrackerDatabase.create(label: "cli_trial_output")
        defer { database.drop() }
        try database.addPlant()
        try database.openProject(Self.key)
        let outcome = try database.tackle.succeed(
            "trial", "log", Self.key, "--lever", "secondary cooling", "--inspected", String(trial.inspected),
            "--defective", String(trial.defective), "--from", "2026-05-01")
        #expect(outcome.stdout.hasPrefix("logged T1 of \(Self.key)"), "\(outcome)")
        for text in trial.expected + ["verdict:    \(trial.verdict)"] {
            #expect(outcome.stdout.contains(text), "expected \(text) in:\n\(outcome.stdout)")
        }
        #expect(outcome.stderr.isEmpty)
        // Only the inconclusive verdict talks about more slabs.
        #expect(outcome.stdout.contains("more slabs") == (trial.verdict == "no detectable change"))
    }

    @Test("trials are numbered T1, T2, T3 in the order they are logged")
    func numbering() throws {
        let database = try TrackerDatabase.create(label: "cli_trial_numbers")
        defer { database.drop() }
        try database.addPlant()
        try database.openProject(Self.key)
        for number in 1...3 {
            let outcome = try database.tackle.succeed(
                "trial", "log", Self.key, "--lever", "soft reduction", "--param", "soft_reduction=4.5mm",
                "--inspected", "300", "--defective", "2", "--from", "2026-05-0\(number)")
            #expect(outcome.stdout.hasPrefix("logged T\(number) of \(Self.key): soft reduction\n"), "\(outcome)")
        }
    }

    @Test("--json carries the same comparison for a script")
    func json() throws {
        let database = try TrackerDatabase.create(label: "cli_trial_json")
        defer { database.drop() }
        try database.addPlant()
        try database.openProject(Self.key)
        let outcome = try database.tackle.succeed(
            "trial", "log", Self.key, "--lever", "secondary cooling", "--inspected", "650", "--defective", "6",
            "--from", "2026-05-01", "--json")
        let result = try OutputJSON.decode(OutputJSON.TrialResult.self, from: outcome)
        #expect(result.trial.number == 1)
        #expect(result.comparison.trial == .init(defective: 6, inspected: 650))
        #expect(result.comparison.baseline == .init(defective: 48, inspected: 1500))
        // scipy.stats.fisher_exact([[48, 1452], [6, 644]]) = 0.0013738; Wilson 95 % of 6/650 = 0.0042372-0.0199911.
        #expect(abs(result.comparison.fisher_p_value - 0.001_373_8) < 1e-6)
        let interval = try #require(result.comparison.trial_interval)
        #expect(abs(interval.lower - 0.004_237_2) < 1e-6 && abs(interval.upper - 0.019_991_1) < 1e-6, "\(interval)")
        #expect(result.comparison.additional_slabs_needed == nil)
    }
}
