import Foundation
import Testing

/// What `tackle trial plan` tells an engineer about the slabs a trial needs, against the project
/// baseline 48/1500 (target 0.5 %) that `TrackerDatabase.openProject` opens.
///
/// Expected sizes and powers come from an independent enumeration in Python (scipy 1.17.1,
/// `exhaustive_power(n0, p0, n1, R)`: the double sum over both arms' binomial counts of the
/// tables Fisher's test rejects on the side of a drop; see `PowerTests` in TackleDomainTests),
/// rounded as printed.
@Suite("tackle trial plan")
struct TrialPlanCommandTests {
    static let key = "SLAB-CRACK-2026"

    /// `--json` output.
    struct PlanJSON: Decodable {
        var project_key: String
        var baseline: OutputJSON.Counts
        var baseline_rate: Double
        var planned_rate: Double
        var power_target: Double
        var alpha: Double
        var reachable: Bool
        var trial_slabs: Int?
        var power: Double?
        var maximum_power: Double?
        var equal_arm_slabs: Int?
        var equal_arm_power: Double?
    }

    static func database(_ label: String) throws -> TrackerDatabase {
        try TrackerDatabase.withProject(key, label: label)
    }

    @Test("on the target by default: the baseline, the plan's terms and the slabs needed")
    func onTarget() throws {
        let database = try Self.database("cli_plan_target")
        defer { database.drop() }
        let outcome = try database.tackle.succeed("trial", "plan", Self.key)
        // exhaustive_power(1500, 48/1500, 256, 0.005) = 0.800296; 255 slabs give 0.789065.
        #expect(
            outcome.stdout == """
                SLAB-CRACK-2026 baseline 48/1500 = 3.20% (2026-01..2026-03)
                planned rate 0.50% (the target) · power 80% · Fisher's exact test, two-sided, α = 0.05
                a trial needs 256 slabs: power 80.0% to show the drop (exact, by enumeration over both arms)

                """, "\(outcome)")
        #expect(outcome.stderr.isEmpty)
    }

    @Test("--expect and --power in either notation")
    func stated() throws {
        let database = try Self.database("cli_plan_expect")
        defer { database.drop() }
        // exhaustive_power(1500, 48/1500, 470, 0.01) = 0.803888; 469 slabs give 0.797957.
        for expect in ["1%", "0.01", "1 %"] {
            let outcome = try database.tackle.succeed("trial", "plan", Self.key, "--expect", expect)
            #expect(outcome.stdout.contains("planned rate 1.00% (--expect) · power 80% ·"), "\(outcome)")
            #expect(outcome.stdout.contains("a trial needs 470 slabs: power 80.4% to show the drop"), "\(outcome)")
        }
        // exhaustive_power(1500, 48/1500, 652, 0.01) = 0.900527; 651 slabs give 0.897526.
        for power in ["0.9", "90%"] {
            let outcome = try database.tackle.succeed("trial", "plan", Self.key, "--expect", "1%", "--power", power)
            #expect(outcome.stdout.contains("· power 90% ·"), "\(outcome)")
            #expect(outcome.stdout.contains("a trial needs 652 slabs: power 90.1% to show the drop"), "\(outcome)")
        }
    }

    @Test("no trial size is enough: says so, how close a trial gets, and what equal arms would need")
    func unreachable() throws {
        let database = try Self.database("cli_plan_unreachable")
        defer { database.drop() }
        // 1/48 exactly, as a fraction the parser reads to the same double.
        let outcome = try database.tackle.succeed("trial", "plan", Self.key, "--expect", "0.020833333333333332")
        // exhaustive_power(1500, 48/1500, 524288, 1/48) = 0.789368 (the highest of the sizes tried);
        // exhaustive_power(n, 48/1500, n, 1/48): 3378 → 0.799901, 3379 → 0.800026.
        #expect(
            outcome.stdout.hasSuffix(
                """
                no trial size reaches power 80% against this baseline of 1500 slabs: at most 78.9%, however many slabs
                a baseline of 3379 slabs and a trial of as many would: power 80.0%

                """), "\(outcome)")
        #expect(outcome.stdout.contains("planned rate 2.08% (--expect)"), "\(outcome)")
    }

    @Test("--json: one flat object with the project's key, for a reachable and an unreachable plan")
    func json() throws {
        let database = try Self.database("cli_plan_json")
        defer { database.drop() }
        let reachable = try OutputJSON.decode(
            PlanJSON.self, from: try database.tackle.succeed("trial", "plan", Self.key, "--expect", "1%", "--json"))
        #expect(reachable.project_key == Self.key)
        #expect(reachable.baseline == .init(defective: 48, inspected: 1500))
        #expect(reachable.baseline_rate == 0.032 && reachable.planned_rate == 0.01)
        #expect(reachable.power_target == 0.8 && reachable.alpha == 0.05)
        #expect(reachable.reachable && reachable.trial_slabs == 470)
        // exhaustive_power(1500, 48/1500, 470, 0.01)
        #expect(abs((reachable.power ?? 0) - 0.803_888_136_645_036) < 1e-9)
        #expect(reachable.maximum_power == nil && reachable.equal_arm_slabs == nil)

        let unreachable = try OutputJSON.decode(
            PlanJSON.self,
            from: try database.tackle.succeed(
                "trial", "plan", Self.key, "--expect", "0.020833333333333332", "--json"))
        #expect(!unreachable.reachable && unreachable.trial_slabs == nil && unreachable.power == nil)
        #expect(unreachable.equal_arm_slabs == 3379)
        // exhaustive_power(3379, 48/1500, 3379, 1/48)
        #expect(abs((unreachable.equal_arm_power ?? 0) - 0.800_025_773_738_157) < 1e-9)
        let maximum = try #require(unreachable.maximum_power)
        #expect(maximum < 0.8 && abs(maximum - 0.789_367_879_176_226) < 1e-9)
    }

    struct Refusal: Sendable, CustomTestStringConvertible {
        var name: String
        var arguments: [String]
        var mentions: [String]
        var testDescription: String { name }
    }

    static let refusals: [Refusal] = [
        Refusal(
            name: "--expect above the baseline", arguments: ["trial", "plan", key, "--expect", "4%"],
            mentions: [
                "--expect: 4.00% is not below the baseline 3.20% (48/1500): a trial can only be planned to show a drop"
            ]),
        Refusal(
            name: "--expect at the baseline", arguments: ["trial", "plan", key, "--expect", "3.2%"],
            mentions: ["--expect", "is not below the baseline 3.20%"]),
        Refusal(
            name: "--expect not a rate", arguments: ["trial", "plan", key, "--expect", "abc"],
            mentions: ["--expect", "'abc'", "not a rate"]),
        Refusal(
            name: "--expect of 100%", arguments: ["trial", "plan", key, "--expect", "100%"],
            mentions: ["--expect", "below 100%"]),
        Refusal(
            name: "--power above 1", arguments: ["trial", "plan", key, "--power", "1.2"],
            mentions: ["--power", "'1.2'", "below 1"]),
        Refusal(
            name: "--power of 0", arguments: ["trial", "plan", key, "--power", "0"], mentions: ["--power", "'0'"]),
        Refusal(
            name: "--power of 100%", arguments: ["trial", "plan", key, "--power", "100%"],
            mentions: ["--power", "'100%'"]),
        Refusal(
            name: "unknown project", arguments: ["trial", "plan", "NO-SUCH-2026"],
            mentions: ["project", "NO-SUCH-2026"]),
    ]

    @Test("bad input is refused with exit 1 and one line naming the option; the database is unchanged")
    func refused() throws {
        let database = try Self.database("cli_plan_refused")
        defer { database.drop() }
        let before = try DatabaseSnapshot.take(of: database)
        for refusal in Self.refusals {
            let outcome = try database.tackle.run(refusal.arguments)
            #expect(outcome.status == 1, "\(refusal.name): \(outcome)")
            #expect(outcome.stdout.isEmpty, "\(refusal.name): \(outcome)")
            let lines = outcome.stderr.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.count == 2 && lines[1].isEmpty, "\(refusal.name): one line on stderr: \(outcome.stderr)")
            #expect(outcome.stderr.hasPrefix("Error: "), "\(refusal.name): \(outcome.stderr)")
            for text in refusal.mentions {
                #expect(outcome.stderr.contains(text), "\(refusal.name): stderr mentions \(text): \(outcome.stderr)")
            }
        }
        #expect(try DatabaseSnapshot.take(of: database) == before)
    }

    @Test("help explains the plan, with examples")
    func help() throws {
        let outcome = try TackleProcess(conninfo: nil).run("trial", "plan", "--help")
        #expect(outcome.status == 0, "\(outcome)")
        for text in ["--expect", "--power", "Fisher's exact test", "Examples:", "tackle trial plan SLAB-CRACK-2026"] {
            #expect(outcome.stdout.contains(text), "help mentions \(text): \(outcome.stdout)")
        }
    }
}
