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
            """,
        subcommands: [Log.self, List.self, Show.self, Correct.self, VoidRecord.self]
    )

    /// What `trial log` and `trial show` print about a trial against its project's baseline.
    struct Result: Encodable {
        var trial: Trial
        var comparison: Comparison
    }

    /// The lines that say how a trial compares with the baseline.
    static func summary(_ trial: Trial, baseline: Proportion) -> String {
        let comparison = Statistics.compare(trial: trial.outcome, baseline: baseline)
        var lines: [String] = []
        lines.append("rate:       \(rateText(trial.outcome))")
        lines.append("baseline:   \(rateText(baseline))")
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
        // Format.pValue gives "< 0.0001" for tiny values: print "p < 0.0001", not "p = < 0.0001".
        let p = Format.pValue(comparison.fisherPValue)
        lines.append("Fisher:     p \(p.hasPrefix("<") ? p : "= " + p) (two-sided exact test)")
        var verdict = "verdict:    \(comparison.verdict.description)"
        if let more = comparison.additionalSlabsNeeded, comparison.verdict == .noDetectableChange {
            verdict += "; about \(more) more slabs would be needed to tell"
        }
        lines.append(verdict)
        return lines.joined(separator: "\n") + "\n"
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
