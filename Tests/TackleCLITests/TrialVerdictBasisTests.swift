import Foundation
import Testing

/// Verdicts state their basis: the raw p, the p adjusted by Holm over the project's trials so far,
/// and a caution where the printed interval disagrees with the verdict.
///
/// Reference values: scipy 1.17.1 `scipy.stats.fisher_exact([[48, 1452], [d, n - d]])[1]` for
/// 6/650, 7/520, 1/48 and 12/560 (0.0013738, 0.0274926, 1.0, 0.2397292), adjusted with statsmodels
/// 0.15.0 `multipletests(ps, method="holm")[1]` (0.0054953, 0.0824779, 1.0, 0.4794584); over T1 and
/// T2 only: (0.0027476, 0.0274926).
@Suite("tackle trial: verdicts adjusted over the project's trials")
struct TrialVerdictBasisTests {
    static let key = "SLAB-CRACK-2026"

    /// Logs T1 6/650 (April), T2 7/520 (May), T3 1/48 and T4 12/560 (April).
    private static func fourTrials(_ database: TrackerDatabase) throws -> [TackleProcess.Outcome] {
        var outcomes: [TackleProcess.Outcome] = []
        for (defective, inspected, from, to) in [
            (6, 650, "2026-04-01", "2026-04-10"), (7, 520, "2026-05-05", "2026-05-20"),
            (1, 48, "2026-04-12", "2026-04-12"), (12, 560, "2026-04-20", "2026-04-25"),
        ] {
            outcomes.append(
                try database.tackle.succeed(
                    "trial", "log", key, "--lever", "secondary cooling", "--param", "specific_water=0.62L/kg",
                    "--inspected", String(inspected), "--defective", String(defective), "--from", from, "--to", to))
        }
        return outcomes
    }

    @Test("trial log and show adjust over the trials so far; the interval's disagreement is said in words")
    func logAndShow() throws {
        let database = try TrackerDatabase.create(label: "cli_verdict_basis")
        defer { database.drop() }
        try database.addPlant()
        try database.openProject(Self.key)
        let logged = try Self.fourTrials(database)
        #expect(logged[0].stdout.contains("the project's only trial, nothing to adjust for"), "\(logged[0])")
        // Logged second, T2 is judged over T1 and T2: Holm 0.0275, still better.
        #expect(logged[1].stdout.contains("adjusted by Holm over the project's 2 trials: p = 0.0275"), "\(logged[1])")
        #expect(logged[1].stdout.contains("verdict:    better (from the adjusted p, α = 0.05)"), "\(logged[1])")

        let shown = try database.tackle.succeed("trial", "show", Self.key, "T2")
        #expect(
            shown.stdout.contains(
                "Fisher:     p = 0.0275 (two-sided exact test); adjusted by Holm over the project's 4 trials: p = 0.0825"
            ), "\(shown)")
        #expect(shown.stdout.contains("verdict:    no detectable change (from the adjusted p, α = 0.05)"), "\(shown)")
        #expect(
            shown.stdout.contains(
                "caution:    the interval excludes 0 but the adjusted exact test does not reach 0.05: treat as not shown"
            ),
            "\(shown)")

        let json = try database.tackle.succeed("trial", "show", Self.key, "T2", "--json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let comparison = try #require(object["comparison"] as? [String: Any])
        #expect(comparison["comparisons"] as? Int == 4)
        #expect(abs((comparison["adjusted_p_value"] as? Double ?? 0) - 0.0824779) < 1e-6)
        #expect(abs((comparison["fisher_p_value"] as? Double ?? 0) - 0.0274926) < 1e-6)
        #expect(comparison["verdict"] as? String == "no-detectable-change")
        #expect(comparison["agreement"] as? String == "interval-excludes-zero-test-does-not")
    }

    @Test("trial list shows raw and Holm p side by side, and a voided trial leaves the family")
    func list() throws {
        let database = try TrackerDatabase.create(label: "cli_verdict_list")
        defer { database.drop() }
        try database.addPlant()
        try database.openProject(Self.key)
        _ = try Self.fourTrials(database)
        let listed = try database.tackle.succeed("trial", "list", Self.key)
        let t1 = try #require(listed.stdout.split(separator: "\n").first { $0.hasPrefix("T1 ") })
        #expect(t1.contains("0.0014") && t1.contains("0.0055") && t1.hasSuffix("better"), "\(listed)")
        let t2 = try #require(listed.stdout.split(separator: "\n").first { $0.hasPrefix("T2 ") })
        #expect(t2.contains("0.0275") && t2.contains("0.0825") && t2.hasSuffix("no detectable change"), "\(listed)")
        #expect(listed.stdout.contains("p adjusted by Holm over the 4 trials"), "\(listed)")
        #expect(listed.stdout.contains("T2: the interval excludes 0"), "\(listed)")

        // Void T3 and T4: the family is T1 and T2 again, and T2 is better.
        for number in ["T3", "T4"] {
            _ = try database.tackle.succeed("trial", "void", Self.key, number, "--reason", "录入错误")
        }
        let after = try database.tackle.succeed("trial", "list", Self.key)
        let t2After = try #require(after.stdout.split(separator: "\n").first { $0.hasPrefix("T2 ") })
        #expect(t2After.hasSuffix("better"), "\(after)")
        #expect(after.stdout.contains("p adjusted by Holm over the 2 trials"), "\(after)")
    }

    @Test("the monthly report adjusts the month's trials over the project's trials to the month's end")
    func monthlyReport() throws {
        let database = try TrackerDatabase.create(label: "cli_verdict_report")
        defer { database.drop() }
        try database.addPlant()
        try database.openProject(Self.key)
        _ = try Self.fourTrials(database)
        let report = try database.tackle.succeed("report", "monthly", "--month", "2026-05", "--format", "json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [String: Any])
        let project = try #require((object["projects"] as? [[String: Any]])?.first)
        let trials = try #require(project["trials"] as? [[String: Any]])
        #expect(trials.map { $0["label"] as? String } == ["T2"])
        #expect(trials[0]["comparisons"] as? Int == 4)
        #expect(abs((trials[0]["adjusted_p_value"] as? Double ?? 0) - 0.0824779) < 1e-6)
        #expect(trials[0]["verdict"] as? String == "no-detectable-change")
        // April's report knows only the three trials that had ended by then.
        let april = try database.tackle.succeed(
            "report", "monthly", "--month", "2026-04", "--format", "json", "--lang", "en")
        let aprilObject = try #require(
            try JSONSerialization.jsonObject(with: Data(april.stdout.utf8)) as? [String: Any])
        let aprilTrials = try #require(
            ((aprilObject["projects"] as? [[String: Any]])?.first)?["trials"] as? [[String: Any]])
        #expect(aprilTrials.map { $0["comparisons"] as? Int } == [3, 3, 3])
        let text = try database.tackle.succeed("report", "monthly", "--month", "2026-05", "--lang", "en")
        #expect(text.stdout.contains("p adjusted by Holm over the project's 4 trials"), "\(text)")
        #expect(
            text.stdout.contains("T2: the interval excludes 0 but the (adjusted) exact test does not reach 0.05"),
            "\(text)")
    }

    /// 256 trial slabs show a drop from 48/1500 to the target 0.5 % with power 0.80 (exact; the reference
    /// of PowerTests, a double sum over scipy 1.17.1 `binom.pmf` with `fisher_exact` decisions).
    @Test("an inconclusive trial is advised on the project's target, never on the rate it showed")
    func slabAdvice() throws {
        let database = try TrackerDatabase.create(label: "cli_verdict_advice")
        defer { database.drop() }
        try database.addPlant()
        try database.openProject(Self.key)
        let small = try database.tackle.succeed(
            "trial", "log", Self.key, "--lever", "mould flux", "--inspected", "40", "--defective", "0",
            "--from", "2026-05-01")
        #expect(
            small.stdout.contains(
                "more slabs: showing a drop to 0.50% (the target) with power 80% takes a trial of 256 slabs "
                    + "(Fisher, exact): about 216 more"), "\(small)")
        let json = try database.tackle.succeed("trial", "show", Self.key, "T1", "--json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let comparison = try #require(object["comparison"] as? [String: Any])
        #expect(comparison["additional_slabs_needed"] as? Int == 216)
        #expect((comparison["plan"] as? [String: Any])?["trial_slabs"] as? Int == 256)
        // A big inconclusive trial already had the size: more slabs are not what it lacks.
        let big = try database.tackle.succeed(
            "trial", "log", Self.key, "--lever", "secondary cooling", "--inspected", "380", "--defective", "9",
            "--from", "2026-05-02")
        #expect(big.stdout.contains("verdict:    no detectable change"), "\(big)")
        #expect(big.stdout.contains("this one already had 380, so more slabs are not what it lacks"), "\(big)")
        // A better trial gets no advice.
        let better = try database.tackle.succeed(
            "trial", "log", Self.key, "--lever", "soft reduction", "--inspected", "780", "--defective", "4",
            "--from", "2026-05-03")
        #expect(!better.stdout.contains("more slabs"), "\(better)")
    }
}
