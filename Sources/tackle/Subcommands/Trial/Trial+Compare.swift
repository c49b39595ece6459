import ArgumentParser
import TackleDomain
import TackleStore

extension TrialCommand {
    struct Compare: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "compare",
            abstract: "Compare trials: pooled by a parameter's value against the baseline, or two sets of trials.",
            discussion: """
                --by P pools the project's trials (not void) by the value of parameter P, one row per value \
                and unit, ascending; --bins W pools values into windows [k·W, (k+1)·W) instead. Trials that \
                do not record P get a row of their own. --lever and --cond (may repeat) keep only the trials \
                of that lever and with every condition given, matched exactly as logged. Each row is \
                compared with the baseline: Fisher's exact test, p adjusted by Holm over all the rows, the \
                verdict from the adjusted p; the difference is the baseline's rate minus the row's. The \
                rows of values are also compared with each other (Holm over the pairs): shown when there \
                are at most 6 values, or with --pairs; --json always has them (up to 20 values). --trend \
                adds the Cochran-Armitage test for a trend across the values (window midpoints with --bins).

                --trials A --against B compares two trials, or two comma-separated sets each pooled \
                (T2,T5), with each other: the difference is A's rate minus B's, the verdict from Fisher's \
                exact test.

                Examples:
                  tackle trial compare SLAB-CRACK-2026 --by specific_water \\
                      --lever "secondary cooling" --cond grade=Q345B --bins 0.05
                  tackle trial compare SLAB-CRACK-2026 --by soft_reduction --trend --json
                  tackle trial compare SLAB-CRACK-2026 --trials T2,T5 --against T3
                """
        )

        @Argument(help: "The project key.")
        var key: String
        @Option(
            help: ArgumentHelp(
                "Pool the trials by the value of this parameter, e.g. specific_water.", valueName: "parameter"))
        var by: String?
        @Option(help: "With --by: only trials of this lever, as logged, e.g. \"secondary cooling\".")
        var lever: String?
        @Option(
            name: .customLong("cond"),
            help: "With --by: only trials that ran under this condition, name=text, e.g. grade=Q345B; may repeat.")
        var conditions: [String] = []
        @Option(
            parsing: .unconditional,
            help: ArgumentHelp("With --by: pool values into windows of this width, e.g. 0.05.", valueName: "width"))
        var bins: String?
        @Flag(help: "With --by: test for a trend in the rate across the values (Cochran-Armitage).")
        var trend = false
        @Flag(help: "With --by: print the pairwise comparisons of the values even when there are more than 6.")
        var pairs = false
        @Option(help: ArgumentHelp("Trials to compare, e.g. T3 or T2,T5 (pooled).", valueName: "trials"))
        var trials: String?
        @Option(help: ArgumentHelp("The trials to compare them with, e.g. T4.", valueName: "trials"))
        var against: String?
        @OptionGroup var format: JSONFlag
        @OptionGroup var global: GlobalOptions

        /// The most rows of values whose pairs the text prints without --pairs.
        static let pairsShownUpTo = 6

        func run() throws {
            // Checked here rather than in validate(): a usage error there would print the usage too,
            // and a refusal is one line naming the option.
            try checkOptions()
            if let by {
                let filter = try ParameterComparison.Filter(
                    lever: lever, conditions: try conditions.map { try TrialCondition.parse($0, field: "--cond") })
                let width = try bins.map { try Self.width($0) }
                let facts = try global.withStore { try $0.parameterComparisonFacts(for: key, by: by, matching: filter) }
                let comparison = try ParameterComparison(facts, binWidth: width, trend: trend)
                if format.json { return try Output.json(comparison) }
                return Output.text(Self.render(comparison, allPairs: pairs))
            }
            let first = try Self.numbers(trials ?? "", field: "--trials")
            let second = try Self.numbers(against ?? "", field: "--against")
            let sets = try global.withStore { try $0.trialSets(of: key, first, against: second) }
            let comparison = try TrialSetComparison(projectKey: key, first: sets.first, second: sets.second)
            if format.json { return try Output.json(comparison) }
            Output.text(Self.render(comparison))
        }

        /// One of --by and --trials, each with only its own options.
        private func checkOptions() throws(DomainError) {
            switch (by, trials) {
            case (nil, nil):
                throw DomainError(
                    .invalidValue, field: "--by",
                    message: "give --by PARAMETER to pool trials by a value, or --trials A --against B")
            case (.some, .some):
                throw DomainError(
                    .invalidValue, field: "--trials", message: "give --by or --trials, not both")
            case (.some, nil):
                if against != nil {
                    throw DomainError(.invalidValue, field: "--against", message: "goes with --trials, not with --by")
                }
            case (nil, .some):
                guard against != nil else {
                    throw DomainError(
                        .invalidValue, field: "--against", message: "give the trials to compare with, like --against T4"
                    )
                }
                let byOnly = [
                    ("--lever", lever != nil), ("--cond", !conditions.isEmpty), ("--bins", bins != nil),
                    ("--trend", trend), ("--pairs", pairs),
                ]
                if let option = byOnly.first(where: \.1)?.0 {
                    throw DomainError(.invalidValue, field: option, message: "goes with --by, not with --trials")
                }
            }
        }

        /// A window width: a number above 0, with a decimal point.
        static func width(_ text: String) throws(DomainError) -> Double {
            guard let width = Double(text.trimmingSpacesAndTabs), width.isFinite, width > 0 else {
                throw DomainError(
                    .invalidValue, field: "--bins", message: "'\(text)' must be a number above 0, like 0.05")
            }
            return width
        }

        /// Trial numbers from `T2,T5`, `t3` or `3`.
        static func numbers(_ text: String, field: String) throws(DomainError) -> [Int] {
            let parts = text.split(separator: ",", omittingEmptySubsequences: false)
            guard !parts.contains(where: { $0.trimmingSpaces.isEmpty }) else {
                throw DomainError(
                    .invalidValue, field: field, message: "'\(text)' must list trials like T3 or T2,T5")
            }
            return try parts.map { part throws(DomainError) in try Input.number(String(part), field: field) }
        }
    }
}

extension TrialCommand.Compare {
    /// The text of a pooled comparison: a header, the rows, what the verdicts rest on, the pairs and the trend.
    static func render(_ comparison: ParameterComparison, allPairs: Bool) -> String {
        var text =
            "\(comparison.projectKey) \(comparison.metricName) by \(comparison.parameter): "
            + "\(comparison.trialCount) trials (\(comparison.filter)"
            + (comparison.binWidth.map { ", windows of \(Format.number($0, decimals: 6).trimmedZeros)" } ?? "") + ")\n"
        text += "baseline: \(TrialCommand.rateText(comparison.baseline))\n\n"

        var table = TextTable(columns: [
            .init("VALUE"), .init("TRIALS", maxWidth: 40), .init("DEFECTIVE/INSPECTED", alignment: .right),
            .init("RATE", alignment: .right), .init("95% CI"), .init("DIFFERENCE", alignment: .right),
            .init("95% CI OF DIFFERENCE"), .init("FISHER P", alignment: .right), .init("HOLM P", alignment: .right),
            .init("VERDICT"),
        ])
        for group in comparison.groups {
            let row = group.comparison
            table.append([
                group.label, trialsCell(group.trials), group.counts.description,
                row.trialRate.map { Format.percent($0) } ?? "-", row.trialInterval.map(percentRange) ?? "-",
                row.difference.map { Format.points($0) } ?? "-", row.differenceInterval.map(pointRange) ?? "-",
                Format.pValue(row.fisherPValue), Format.pValue(row.adjustedPValue), row.verdict.description,
            ])
        }
        text += table.render() + "\n"
        let rows = comparison.groups.count
        text += "difference: the baseline's rate minus the row's, in points (positive: fewer defects)\n"
        text +=
            "verdicts from Fisher's exact test, "
            + (rows == 1 ? "one row, so p is not adjusted" : "p adjusted by Holm over the \(rows) rows")
            + "; intervals 95 %\n"
        for group in comparison.groups {
            if let note = disagreement(group.comparison.agreement, alpha: comparison.alpha) {
                text += "\(group.label): \(note)\n"
            }
        }
        text += pairsText(comparison, all: allPairs)
        if let trend = comparison.trend {
            text += "\ntrend: \(trend)"
            if comparison.binWidth != nil { text += "; windows scored by their midpoints" }
            if comparison.groups.contains(where: { $0.kind == .without }) {
                text += "; the trials without \(comparison.parameter) are left out"
            }
            text += "\n"
        }
        return text
    }

    /// `T2, T5`, or for many trials the first few and how many: `T1, T11, T21, T31, … (100 trials)`.
    static func trialsCell(_ numbers: [Int]) -> String {
        let shown = numbers.count <= 5 ? numbers : Array(numbers.prefix(4))
        let labels = shown.map { "T\($0)" }.joined(separator: ", ")
        return shown.count == numbers.count ? labels : labels + ", … (\(numbers.count) trials)"
    }

    /// The pairs of values, or a line saying where they are.
    private static func pairsText(_ comparison: ParameterComparison, all: Bool) -> String {
        let values = comparison.valueGroups.count
        guard values >= 2 else { return "" }
        if comparison.pairsOmitted {
            return "\nthe \(values) values are too many to compare pair by pair (at most "
                + "\(ParameterComparison.maximumPairedGroups)); pool them into windows with --bins\n"
        }
        guard all || values <= pairsShownUpTo else {
            return "\nthe \(values) values compared pair by pair (\(comparison.pairs.count) pairs): add --pairs, "
                + "or see --json\n"
        }
        let count = comparison.pairs.count
        var text =
            "\nbetween the values: the first's rate minus the second's, in points; Fisher's exact test, "
            + (count == 1 ? "one pair, so p is not adjusted" : "p adjusted by Holm over the \(count) pairs") + "\n"
        var table = TextTable(columns: [
            .init("FIRST"), .init("SECOND"), .init("DIFFERENCE", alignment: .right), .init("95% CI"),
            .init("FISHER P", alignment: .right), .init("HOLM P", alignment: .right), .init("VERDICT"),
        ])
        for pair in comparison.pairs {
            let difference = pair.comparison
            table.append([
                pair.first, pair.second, difference.difference.map { Format.points($0) } ?? "-",
                difference.differenceInterval.map(pointRange) ?? "-", Format.pValue(difference.fisherPValue),
                Format.pValue(difference.adjustedPValue),
                difference.verdict == .noDetectableDifference
                    ? difference.verdict.description : "first \(difference.verdict)",
            ])
        }
        text += table.render()
        for pair in comparison.pairs {
            if let note = disagreement(pair.comparison.agreement, alpha: comparison.alpha) {
                text += "\(pair.first) vs \(pair.second): \(note)\n"
            }
        }
        return text
    }

    /// The text of two sets of trials against each other.
    static func render(_ comparison: TrialSetComparison) -> String {
        let first = comparison.first.description
        let second = comparison.second.description
        let result = comparison.comparison
        var pairs = [
            (first, TrialCommand.rateText(result.first)), (second, TrialCommand.rateText(result.second)),
        ]
        if let difference = result.difference {
            var line =
                difference == 0
                ? "\(first) and \(second) have the same rate"
                : "\(first) is \(Format.number(abs(difference) * 100, decimals: 2)) points "
                    + "\(difference < 0 ? "below" : "above") \(second)"
            if let interval = result.differenceInterval {
                line += " (95% CI of \(first) minus \(second): \(pointRange(interval)) points)"
            }
            pairs.append(("difference", line))
        }
        if let z = result.z, let p = result.zPValue {
            pairs.append(("z-test", "z = \(Format.number(z, decimals: 2)), \(pText(p)) (for reference)"))
        }
        pairs.append(("Fisher", "\(pText(result.fisherPValue)) (two-sided exact test)"))
        let verdict: String =
            switch result.verdict {
            case .noDetectableDifference: "no detectable difference"
            case .lower, .higher: "\(first) \(result.verdict) than \(second)"
            }
        pairs.append(("verdict", verdict))
        var text = "\(comparison.projectKey): \(first) against \(second)\n" + Fields(pairs).render()
        if let note = disagreement(result.agreement, alpha: result.alpha, adjusted: false) {
            text += note + "\n"
        }
        return text
    }

    /// What to believe when the interval and the test disagree; `nil` when they agree.
    static func disagreement(_ agreement: IntervalAgreement, alpha: Double, adjusted: Bool = true) -> String? {
        let p = adjusted ? "the adjusted p" : "p"
        let level = Format.number(alpha, decimals: 2)
        return switch agreement {
        case .agrees: nil
        case .intervalExcludesZeroTestDoesNot:
            "the interval excludes 0 but \(p) does not reach \(level): treat as not shown"
        case .testSignificantIntervalIncludesZero:
            "\(p) reaches \(level) but the interval includes 0: the verdict stands on the exact test, "
                + "the size of the change is uncertain"
        }
    }

    /// `p = 0.0123`, or `p < 0.0001`.
    private static func pText(_ p: Double) -> String {
        let text = Format.pValue(p)
        return text.hasPrefix("<") ? "p \(text)" : "p = \(text)"
    }

    /// `0.16%-1.34%`.
    private static func percentRange(_ interval: ClosedRange<Double>) -> String {
        "\(Format.percent(interval.lowerBound))-\(Format.percent(interval.upperBound))"
    }

    /// `+1.78 to +3.62`.
    private static func pointRange(_ interval: ClosedRange<Double>) -> String {
        "\(Format.points(interval.lowerBound)) to \(Format.points(interval.upperBound))"
    }
}

extension String {
    /// The number without trailing zeros after its decimal point: `0.05` for `0.050000`.
    fileprivate var trimmedZeros: String {
        guard contains(".") else { return self }
        var text = Substring(self)
        while text.last == "0" { text = text.dropLast() }
        if text.last == "." { text = text.dropLast() }
        return String(text)
    }
}
