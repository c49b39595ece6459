import ArgumentParser
import TackleDomain
import TackleStore

/// `tackle trial`: trials (试验) of a project and their results.
struct TrialCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trial",
        abstract: "Trials (试验): log a result, list, show, correct.",
        discussion: """
            Examples:
              tackle trial log SLAB-CRACK-2026 --lever "secondary cooling" \\
                  --param specific_water=0.62L/kg --inspected 320 --defective 3 --from 2026-05-01
              tackle trial log SLAB-CRACK-2026 --lever "二冷水" --param 比水量=0.62L/kg \\
                  --cond grade=Q345B --cond strand=2 --cond section=230x1600 --inspected 320 --defective 3 \\
                  --from 2026-05-01
              tackle trial show SLAB-CRACK-2026 T1
              tackle trial plan SLAB-CRACK-2026 --expect 1%
              tackle trial compare SLAB-CRACK-2026 --by specific_water --trend
            """,
        subcommands: [
            Log.self, List.self, Show.self, Correct.self, VoidRecord.self, Compare.self, Plan.self, Export.self,
        ]
    )

    /// What `trial log` and `trial show` print about a trial against its project's baseline.
    struct Result: Encodable {
        var trial: Trial
        var comparison: Comparison
    }

    /// The comparison of one trial as judged among the project's trials so far (Holm over the
    /// non-void ones); a voided trial is compared on its own. Only an inconclusive, non-void trial
    /// gets slab advice planned on the project's target: the plan is the costly part, so it is
    /// made for that one trial only, never because another trial of the project is inconclusive.
    static func comparison(of trial: Trial, among trials: [Trial], metric: DefectMetric) -> Comparison {
        guard let judged = Statistics.judge(trials, baseline: metric.baseline)[trial.number] else {
            return Statistics.compare(trial: trial.outcome, baseline: metric.baseline)
        }
        guard judged.verdict == .noDetectableChange else { return judged }
        return judged.advised(
            by: try? Statistics.planTrial(
                baseline: metric.baseline, plannedRate: metric.targetRate, alpha: judged.alpha))
    }

    /// The lines that say how a trial compares with the baseline, and on what basis.
    static func summary(_ comparison: Comparison) -> String {
        var lines: [String] = []
        lines.append("rate:       \(rateText(comparison.trial))")
        lines.append("baseline:   \(rateText(comparison.baseline))")
        if let difference = comparison.difference {
            // difference = baseline - trial: positive is a drop in the defect rate.
            let direction = difference >= 0 ? "below" : "above"
            var line =
                "difference: \(Format.number(abs(difference) * 100, decimals: 2)) points \(direction) the baseline"
            if let interval = comparison.differenceInterval {
                line +=
                    " (95% CI of baseline minus trial: \(Format.points(interval.lowerBound)) to "
                    + "\(Format.points(interval.upperBound)) points)"
            }
            lines.append(line)
        }
        var fisher = "Fisher:     \(pText(comparison.fisherPValue)) (two-sided exact test)"
        if comparison.comparisons > 1 {
            fisher +=
                "; adjusted by Holm over the project's \(comparison.comparisons) trials: "
                + pText(comparison.adjustedPValue)
        } else {
            fisher += "; the project's only trial, nothing to adjust for"
        }
        lines.append(fisher)
        let basis = comparison.comparisons > 1 ? "the adjusted p" : "p"
        let verdict =
            "verdict:    \(comparison.verdict.description) (from \(basis), α = \(Format.number(comparison.alpha, decimals: 2)))"
        lines.append(verdict)
        if let advice = advice(comparison) { lines.append("more slabs: \(advice)") }
        if let caution = caution(comparison) { lines.append("caution:    \(caution)") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// What an inconclusive trial would need, planned on the target (never on the rate it showed);
    /// `nil` without a plan.
    static func advice(_ comparison: Comparison) -> String? {
        guard let plan = comparison.plan else { return nil }
        let goal =
            "a drop to \(Format.percent(plan.plannedRate)) (the target) with power "
            + "\(Format.percent(plan.powerTarget, decimals: 0))"
        switch plan.outcome {
        case .trial(let slabs, _):
            let more = comparison.additionalSlabsNeeded ?? 0
            if more == 0 {
                return "a trial of \(slabs) slabs would show \(goal); this one already had "
                    + "\(comparison.trial.inspected), so more slabs are not what it lacks: its rate is probably above the target"
            }
            if more > TrialPlan.practicalSlabs {
                return "showing \(goal) takes a trial of \(slabs) slabs, \(more) more: impractical; "
                    + "plan a bigger step or pool trials of the same setting (trial compare)"
            }
            return "showing \(goal) takes a trial of \(slabs) slabs (Fisher, exact): about \(more) more"
        case .unreachable(_, let equalArmSlabs, _):
            var text = "no trial size can show \(goal) against a baseline of \(plan.baseline.inspected) slabs"
            if let equalArmSlabs { text += "; a baseline of \(equalArmSlabs) slabs and a trial of as many could" }
            return text
        }
    }

    /// What to say when the interval printed beside the verdict tells a different story; `nil` when they agree.
    static func caution(_ comparison: Comparison) -> String? {
        let test = comparison.comparisons > 1 ? "the adjusted exact test" : "the exact test"
        let alpha = Format.number(comparison.alpha, decimals: 2)
        switch comparison.agreement {
        case .agrees: return nil
        case .intervalExcludesZeroTestDoesNot:
            return "the interval excludes 0 but \(test) does not reach \(alpha): treat as not shown"
        case .testSignificantIntervalIncludesZero:
            return "\(test) reaches \(alpha) but the interval includes 0: the change is shown, its size uncertain"
        }
    }

    /// `p = 0.0014`, or `p < 0.0001` for tiny values (never `p = < 0.0001`).
    static func pText(_ value: Double) -> String {
        let p = Format.pValue(value)
        return "p \(p.hasPrefix("<") ? p : "= " + p)"
    }

    /// `3/320 = 0.94% (95% CI 0.32%-2.72%)`.
    static func rateText(_ counts: Proportion) -> String {
        guard let rate = counts.rate else { return "\(counts) (nothing inspected)" }
        var text = "\(counts) = \(Format.percent(rate))"
        if let interval = counts.wilsonInterval() {
            text += " (95% CI \(Format.percent(interval.lowerBound))-\(Format.percent(interval.upperBound)))"
        }
        return text
    }
}
