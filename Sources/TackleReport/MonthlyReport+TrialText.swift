import TackleDomain

/// The month's trials in the text report: one row each, what the verdicts rest on, slab advice.
extension MonthlyReport {
    /// The trials of one project, one row each.
    static func trialTable(_ trials: [TrialEntry], _ words: Words) -> TextTable {
        let zh = words.isChinese
        var table = TextTable(columns: [
            .init(zh ? "试验" : "TRIAL"),
            .init(zh ? "措施" : "LEVER", maxWidth: 16, wraps: true),
            .init(zh ? "参数" : "PARAMETERS", maxWidth: 24, wraps: true),
            .init(zh ? "结果" : "OUTCOME", alignment: .right),
            .init(zh ? "缺陷率 (95% CI)" : "RATE (95% CI)"),
            .init(zh ? "结论" : "VERDICT", maxWidth: 24, wraps: true),
        ])
        for trial in trials {
            var verdict = "\(words.verdict(trial.verdict)) (Fisher p \(Format.pValue(trial.fisherPValue))"
            if trial.comparisons > 1 {
                verdict += (zh ? ", Holm 校正 " : ", Holm ") + Format.pValue(trial.adjustedPValue)
            }
            verdict += ")"
            if let advice = Self.slabAdvice(trial, zh: zh) { verdict += advice }
            table.append([
                trial.label,
                trial.lever,
                (trial.parameters.map(\.description) + trial.conditions.map(\.description)).joined(separator: " "),
                "\(trial.outcome.defective)/\(trial.outcome.inspected)",
                rateWithInterval(trial.outcome, words),
                verdict,
            ])
        }
        return table
    }

    /// What an inconclusive trial needs to show a drop to the target, planned on the target (not on
    /// the rate it happened to show); `nil` without a plan.
    static func slabAdvice(_ trial: TrialEntry, zh: Bool) -> String? {
        guard let plan = trial.plan else { return nil }
        switch plan.outcome {
        case .trial(let slabs, _):
            let more = trial.additionalSlabsNeeded ?? 0
            if more == 0 {
                return zh
                    ? "；已达到验证目标值所需的 \(slabs) 块，仍无显著变化"
                    : "; already the \(slabs) slabs a drop to the target needs, still no change"
            }
            if more > TrialPlan.practicalSlabs {
                return zh ? "；验证目标值需再检 \(more) 块，不现实" : "; \(more) more slabs to show the target: impractical"
            }
            return zh ? "；验证目标值约需再检 \(more) 块" : "; about \(more) more slabs to show the target"
        case .unreachable:
            return zh ? "；以现有基准，任何试验量都无法验证目标值" : "; no trial size can show the target against this baseline"
        }
    }

    /// What the trials' verdicts rest on, and where an interval and its verdict disagree.
    static func verdictBasis(_ trials: [TrialEntry], _ words: Words) -> [String] {
        let zh = words.isChinese
        var lines: [String] = []
        if let family = trials.map(\.comparisons).max(), family > 1 {
            lines.append(
                zh
                    ? "  结论依据 Fisher 精确检验，p 值按本项目截至月末的 \(family) 项试验做 Holm 校正（α = 0.05）"
                    : "  Verdicts from Fisher's exact test, p adjusted by Holm over the project's \(family) trials "
                        + "to the month's end (α = 0.05)")
        }
        for trial in trials where trial.agreement != .agrees {
            switch (trial.agreement, zh) {
            case (.intervalExcludesZeroTestDoesNot, true):
                lines.append("  \(trial.label)：置信区间不含 0，但（校正后的）精确检验未达 0.05，按未证实处理")
            case (.intervalExcludesZeroTestDoesNot, false):
                lines.append(
                    "  \(trial.label): the interval excludes 0 but the (adjusted) exact test does not reach 0.05: "
                        + "treat as not shown")
            case (.testSignificantIntervalIncludesZero, true):
                lines.append("  \(trial.label)：精确检验达到 0.05，但置信区间含 0：变化成立，幅度不确定")
            case (.testSignificantIntervalIncludesZero, false):
                lines.append(
                    "  \(trial.label): the exact test reaches 0.05 but the interval includes 0: the change is shown, "
                        + "its size uncertain")
            case (.agrees, _): break
            }
        }
        return lines
    }
}
