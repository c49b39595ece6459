extension ParameterComparison {
    /// Pools the trials of the facts by their value of the facts' parameter and judges the rows.
    ///
    /// Trials are grouped by value and unit: `0.62 L/kg` and `0.62 L/t` are different rows, and so
    /// are 0.62 and 0.620001. With `binWidth` W a value v falls in the window
    /// [k·W, (k+1)·W) with k = ⌊v / W⌋, read with a tolerance of 1e-9 windows so that 0.60 as typed
    /// falls in 0.60–0.65 although 0.60 / 0.05 is 11.999… in binary; the window's midpoint is its
    /// score. The parameter's name, like the lever and the conditions, matches exactly as logged.
    ///
    /// Voided trials are the store's to leave out (``Facts/trials``).
    ///
    /// - Parameters:
    ///   - facts: The project's baseline, the parameter, and the trials the filter matched with their values.
    ///   - binWidth: The width of the windows of values, above 0; `nil` for one row per value.
    ///   - trend: Also test for a trend across the values (Cochran-Armitage).
    ///   - alpha: The two-sided significance level of every test.
    /// - Throws: ``DomainError`` naming the field: `by` when no trial of the project records the
    ///   parameter, or none of the matching ones; `lever` or `cond` when no trial matches the filter;
    ///   `bins` for a width that is not a number above 0; `trend` with fewer than two values, or
    ///   values in different units; no field when the project has no trials at all.
    public init(
        _ facts: Facts, binWidth: Double? = nil, trend: Bool = false, alpha: Double = 0.05
    ) throws(DomainError) {
        let parameter = facts.parameter
        if let binWidth, !(binWidth.isFinite && binWidth > 0) {
            throw DomainError(
                .outOfRange, field: "bins", message: "the bin width must be a number above 0, like 0.05")
        }
        guard facts.anyTrialRecordsParameter else { throw Self.nothingToPool(facts, parameter: parameter) }
        let groups = Self.pool(facts.trials.sorted { $0.number < $1.number }, binWidth: binWidth)
        let comparisons = Statistics.compare(
            trials: groups.map { Proportion.pooled($0.trials.map(\.outcome)) }, baseline: facts.baseline,
            alpha: alpha)
        let rows = zip(groups, comparisons).map { group, comparison in
            Self.row(group, parameter: parameter, binWidth: binWidth, comparison: comparison)
        }
        let values = rows.filter { $0.kind != .without }

        self.projectKey = facts.projectKey
        self.metricName = facts.metricName
        self.parameter = parameter
        self.filter = facts.filter
        self.binWidth = binWidth
        self.baseline = facts.baseline
        self.alpha = alpha
        self.groups = rows
        self.pairsOmitted = values.count > Self.maximumPairedGroups
        self.pairs = pairsOmitted ? [] : Self.pairs(of: values, alpha: alpha)
        self.trend = trend ? try Self.trend(of: values, parameter: parameter, alpha: alpha) : nil
    }

    /// Why no trial the filter matched records the parameter, saying what the project's trials have:
    /// none at all, not this parameter, not this lever, not these conditions.
    private static func nothingToPool(_ facts: Facts, parameter: String) -> DomainError {
        let key = facts.projectKey
        let filter = facts.filter
        if let recorded = facts.recorded {
            if recorded.trialCount == 0 {
                return DomainError(.invalidValue, message: "\(key) has no trials to compare (none logged, or all void)")
            }
            if !recorded.parameterNames.contains(parameter) {
                let names = Set(recorded.parameterNames).sorted()
                return DomainError(
                    .invalidValue, field: "by",
                    message: "no trial of \(key) has parameter \(parameter); "
                        + (names.isEmpty
                            ? "its trials record no parameters" : "its trials have: " + names.joined(separator: ", ")))
            }
            if let lever = filter.lever, !recorded.levers.contains(lever) {
                return DomainError(
                    .invalidValue, field: "lever",
                    message: "no trial of \(key) has lever \"\(lever)\"; its trials have: "
                        + Set(recorded.levers).sorted().map { "\"\($0)\"" }.joined(separator: ", "))
            }
        }
        if facts.trials.isEmpty {
            let lever = filter.lever.map { " with lever \"\($0)\"" } ?? ""
            let conditions = filter.conditions.map(\.description).joined(separator: " and ")
            return DomainError(
                .invalidValue, field: filter.conditions.isEmpty ? "lever" : "cond",
                message: "no trial of \(key)\(lever) ran with \(conditions.isEmpty ? "these settings" : conditions)")
        }
        return DomainError(
            .invalidValue, field: "by",
            message: "none of the \(facts.trials.count) trials of \(key) with \(filter) has parameter \(parameter)")
    }

    /// Where a trial's value falls: its unit and its value or window; `nil` for a trial without it.
    struct GroupKey: Hashable, Comparable {
        var unit: String
        /// The value, or the window's index k for [k·W, (k+1)·W).
        var position: Double

        static func < (lhs: GroupKey, rhs: GroupKey) -> Bool {
            (lhs.unit, lhs.position) < (rhs.unit, rhs.position)
        }
    }

    /// The trials grouped by where their value falls, ascending, then the trials without it.
    static func pool(_ trials: [Entry], binWidth: Double?) -> [(key: GroupKey?, trials: [Entry])] {
        var byKey: [GroupKey: [Entry]] = [:]
        var without: [Entry] = []
        for trial in trials {
            guard let value = trial.value else {
                without.append(trial)
                continue
            }
            let position = binWidth.map { (value / $0 + 1e-9).rounded(.down) } ?? value
            byKey[GroupKey(unit: trial.unit ?? "", position: position), default: []].append(trial)
        }
        var groups: [(key: GroupKey?, trials: [Entry])] = byKey.keys.sorted().map { ($0, byKey[$0] ?? []) }
        if !without.isEmpty { groups.append((nil, without)) }
        return groups
    }

    /// The row of a group, labelled.
    private static func row(
        _ group: (key: GroupKey?, trials: [Entry]), parameter: String, binWidth: Double?, comparison: Comparison
    ) -> Group {
        let numbers = group.trials.map(\.number)
        guard let key = group.key else {
            return Group(
                kind: .without, label: "without \(parameter)", value: nil, upperBound: nil, unit: nil, score: nil,
                trials: numbers, comparison: comparison)
        }
        let unit = key.unit.isEmpty ? "" : " " + key.unit
        guard let binWidth else {
            return Group(
                kind: .value, label: TrialParameter.format(key.position) + unit, value: key.position, upperBound: nil,
                unit: key.unit, score: key.position, trials: numbers, comparison: comparison)
        }
        let lower = key.position * binWidth
        let upper = (key.position + 1) * binWidth
        let decimals = Self.decimals(of: binWidth)
        return Group(
            kind: .bin,
            label: "\(Format.number(lower, decimals: decimals))–\(Format.number(upper, decimals: decimals))\(unit)",
            value: lower, upperBound: upper, unit: key.unit, score: (key.position + 0.5) * binWidth, trials: numbers,
            comparison: comparison)
    }

    /// The decimals a width was written with, at most 6: 2 for 0.05, 0 for 5.
    static func decimals(of width: Double) -> Int {
        var scaled = width
        for decimals in 0..<6 {
            if abs(scaled - scaled.rounded()) <= 1e-9 * max(1, scaled) { return decimals }
            scaled *= 10
        }
        return 6
    }

    /// Every pair of rows of values, the lower value first, adjusted by Holm over all the pairs.
    private static func pairs(of values: [Group], alpha: Double) -> [Pair] {
        var indices: [(Int, Int)] = []
        for first in values.indices {
            for second in values.indices where second > first {
                indices.append((first, second))
            }
        }
        let compared = Statistics.compare(
            pairs: indices.map { (values[$0.0].counts, values[$0.1].counts) }, alpha: alpha)
        return zip(indices, compared).map { index, comparison in
            Pair(first: values[index.0].label, second: values[index.1].label, comparison: comparison)
        }
    }

    /// The Cochran-Armitage test across the rows of values, scored by value (or window midpoint).
    private static func trend(of values: [Group], parameter: String, alpha: Double) throws(DomainError) -> Trend {
        guard values.count >= 2 else {
            throw DomainError(
                .invalidValue, field: "trend",
                message: "a trend needs at least two values of \(parameter); the trials compared have only "
                    + (values.first?.label ?? "none"))
        }
        let units = Set(values.compactMap(\.unit))
        guard units.count == 1 else {
            let listed = units.sorted().map { $0.isEmpty ? "no unit" : $0 }.joined(separator: " and ")
            throw DomainError(
                .invalidValue, field: "trend",
                message: "\(parameter) is recorded in \(listed); a trend needs its values in one unit")
        }
        let groups = values.compactMap { row in row.score.map { (score: $0, counts: row.counts) } }
        return Trend(parameter: parameter, test: Statistics.cochranArmitage(groups), alpha: alpha)
    }
}
