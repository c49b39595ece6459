import ArgumentParser
import TackleDomain
import TackleStore

extension TrialCommand {
    struct Plan: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "plan",
            abstract: "How many slabs a trial needs to show a drop from the project's baseline.",
            discussion: """
                The baseline is already measured and does not grow: its slabs are kept, and its rate is taken \
                as the true one. The plan finds how many trial slabs give Fisher's exact test (two-sided, \
                α = 0.05; the test the verdict uses) the power asked for to show a drop to the planned rate, \
                by exact enumeration over both arms. Plan on the target or on a rate you expect, never on the \
                rate a small trial happened to show.

                Power saws up and down with the trial's size, so the answer is the first size found by doubling \
                the trial and then bisecting, not always the very smallest. When no trial size is enough, \
                because the baseline itself is too uncertain, the plan says how close a trial gets and how many \
                slabs a new baseline and a trial of as many would each need.

                --json prints one object: project_key, baseline, baseline_rate, planned_rate, power_target, alpha \
                and reachable, then trial_slabs and power, or maximum_power, equal_arm_slabs and equal_arm_power \
                (null when even 10000000 slabs a side would not do).

                Examples:
                  tackle trial plan SLAB-CRACK-2026
                  tackle trial plan SLAB-CRACK-2026 --expect 1.5% --power 0.9
                  tackle trial plan SLAB-CRACK-2026 --expect 0.012 --json | jq '.trial_slabs'
                """
        )

        @Argument(help: "The project key.")
        var key: String
        @Option(help: "The rate the trial is planned to reach: 1% or 0.01 (default: the project's target).")
        var expect: String?
        @Option(help: "The power wanted: 0.8 or 80%.")
        var power: String = "0.8"
        @OptionGroup var format: JSONFlag
        @OptionGroup var global: GlobalOptions

        /// What `trial plan --json` prints: the plan, with the project's key.
        struct Result: Encodable {
            var projectKey: String
            var plan: TrialPlan

            private enum CodingKeys: String, CodingKey {
                case projectKey
            }

            /// One flat object: the key next to the plan's own fields.
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(projectKey, forKey: .projectKey)
                try plan.encode(to: encoder)
            }
        }

        func run() throws {
            // Both options are read before the database is opened: a typo costs no connection.
            let stated = try expect.map { try Rate.parse($0, field: "--expect") }
            let wanted = try Self.probability(power, field: "--power")
            let project = try global.withStore { store in try store.project(key) }
            let metric = project.metric
            let plan = try Statistics.planTrial(
                baseline: metric.baseline, plannedRate: stated ?? metric.targetRate, power: wanted)
            if format.json { return try Output.json(Result(projectKey: project.key, plan: plan)) }
            Output.text(
                Self.text(plan, key: project.key, period: metric.baselinePeriod, onTarget: stated == nil))
        }

        /// A power typed as a fraction (`0.8`) or a percentage (`80%`).
        static func probability(_ text: String, field: String) throws(DomainError) -> Double {
            var number = Substring(text.trimmingSpacesAndTabs)
            var scale = 1.0
            if number.hasSuffix("%") {
                number = number.dropLast()
                while number.last == " " { number = number.dropLast() }
                scale = 100
            }
            guard let value = Double(number), value.isFinite, value > 0, value < scale else {
                throw DomainError(
                    .invalidValue, field: field, message: "'\(text)' must be above 0 and below 1, such as 0.8 or 80%")
            }
            return value / scale
        }

        /// The plan in three or four lines.
        static func text(_ plan: TrialPlan, key: String, period: MonthRange, onTarget: Bool) -> String {
            let target = percent(plan.powerTarget)
            var lines = [
                "\(key) baseline \(plan.baseline) = \(Format.percent(plan.baselineRate)) (\(period))",
                "planned rate \(Format.percent(plan.plannedRate)) (\(onTarget ? "the target" : "--expect")) · "
                    + "power \(target) · Fisher's exact test, two-sided, α = \(plan.alpha)",
            ]
            switch plan.outcome {
            case .trial(let slabs, let power):
                lines.append(
                    "a trial needs \(slabs) slabs: power \(Format.percent(power, decimals: 1)) to show the drop "
                        + "(exact, by enumeration over both arms)")
            case .unreachable(let maximumPower, let equalArmSlabs, let equalArmPower):
                lines.append(
                    "no trial size reaches power \(target) against this baseline of \(plan.baseline.inspected) "
                        + "slabs: at most \(Format.percent(maximumPower, decimals: 1)), however many slabs")
                if let equalArmSlabs, let equalArmPower {
                    lines.append(
                        "a baseline of \(equalArmSlabs) slabs and a trial of as many would: power "
                            + Format.percent(equalArmPower, decimals: 1))
                } else {
                    lines.append(
                        "not even a baseline and a trial of \(Statistics.maximumPlannedSlabs) slabs each would")
                }
            }
            return lines.joined(separator: "\n") + "\n"
        }

        /// A power as a percentage, whole when it is whole: 80%, 82.5%.
        static func percent(_ power: Double) -> String {
            let percentage = power * 100
            return Format.percent(power, decimals: abs(percentage - percentage.rounded()) < 1e-9 ? 0 : 1)
        }
    }
}
