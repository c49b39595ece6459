extension MonthlyReport {
    /// A trial that ended in the month, judged against the project's baseline.
    public struct TrialEntry: Sendable, Hashable, Codable {
        /// The number within the project: 3 for T3.
        public var number: Int
        /// `T3`.
        public var label: String
        /// The lever (措施): `secondary cooling`.
        public var lever: String
        /// The parameters tried.
        public var parameters: [TrialParameter]
        /// The conditions the trial ran on (`grade=Q345B`); empty in reports published before they were shown.
        public var conditions: [TrialCondition]
        public var startedOn: LocalDate
        public var endedOn: LocalDate
        /// The outcome's counts, rate and 95 % Wilson interval.
        public var outcome: Figures
        /// Better, worse or no detectable change against the baseline, from Fisher's exact test
        /// with the p adjusted by Holm over the project's trials as of the month's end (α = 0.05).
        ///
        /// Encoded as `better`, `no-detectable-change` or `worse`, like the report's other
        /// enumerations.
        public var verdict: Verdict
        /// The two-sided p-value of Fisher's exact test against the baseline, unadjusted.
        public var fisherPValue: Double
        /// ``fisherPValue`` adjusted by Holm over ``comparisons`` trials; the verdict rests on it.
        /// Reports published before the adjustment read it as the raw p.
        public var adjustedPValue: Double
        /// How many trials of the project (ended by the month's end, not void) the adjustment ran over.
        public var comparisons: Int
        /// Whether the 95 % interval of the difference tells the same story as the verdict.
        public var agreement: IntervalAgreement
        /// How many more slabs an inconclusive trial needs to reach the size that shows a drop to
        /// the target (power 0.8, Fisher, the baseline's counts fixed); `nil` unless the verdict is
        /// no detectable change and some trial size suffices (see ``plan``).
        public var additionalSlabsNeeded: Int?
        /// The plan behind ``additionalSlabsNeeded``, for an inconclusive trial; absent in reports
        /// published before plans were exact.
        public var plan: TrialPlan?
        /// The conclusion the engineers wrote, possibly empty.
        public var conclusion: String

        /// A trial with its comparison against the baseline.
        ///
        /// - Parameters:
        ///   - trial: The trial.
        ///   - comparison: Its comparison, adjusted over the project's trials.
        init(trial: Trial, comparison: Comparison) {
            number = trial.number
            label = trial.label
            lever = trial.lever
            parameters = trial.parameters
            conditions = trial.conditions
            startedOn = trial.startedOn
            endedOn = trial.endedOn
            outcome = Figures(trial.outcome)
            verdict = comparison.verdict
            fisherPValue = comparison.fisherPValue
            adjustedPValue = comparison.adjustedPValue
            comparisons = comparison.comparisons
            agreement = comparison.agreement
            additionalSlabsNeeded = comparison.additionalSlabsNeeded
            plan = comparison.plan
            conclusion = trial.conclusion
        }

        private enum CodingKeys: String, CodingKey {
            case number
            case label
            case lever
            case parameters
            case conditions
            case startedOn
            case endedOn
            case outcome
            case verdict
            case fisherPValue
            case adjustedPValue
            case comparisons
            case agreement
            case additionalSlabsNeeded
            case plan
            case conclusion
        }

        /// The verdict as the report writes it: lower-case words joined by `-`.
        private static func code(of verdict: Verdict) -> String {
            switch verdict {
            case .better: "better"
            case .noDetectableChange: "no-detectable-change"
            case .worse: "worse"
            }
        }

        /// Decodes a trial entry of a published report.
        ///
        /// - Parameter decoder: The decoder to read from.
        /// - Throws: `DecodingError` for a missing field or an unknown verdict.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            number = try container.decode(Int.self, forKey: .number)
            label = try container.decode(String.self, forKey: .label)
            lever = try container.decode(String.self, forKey: .lever)
            parameters = try container.decode([TrialParameter].self, forKey: .parameters)
            conditions = try container.decodeIfPresent([TrialCondition].self, forKey: .conditions) ?? []
            startedOn = try container.decode(LocalDate.self, forKey: .startedOn)
            endedOn = try container.decode(LocalDate.self, forKey: .endedOn)
            outcome = try container.decode(Figures.self, forKey: .outcome)
            let verdictCode = try container.decode(String.self, forKey: .verdict)
            guard let verdict = Verdict.allCases.first(where: { Self.code(of: $0) == verdictCode }) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .verdict,
                    in: container,
                    debugDescription: "'\(verdictCode)' is not a verdict"
                )
            }
            self.verdict = verdict
            fisherPValue = try container.decode(Double.self, forKey: .fisherPValue)
            adjustedPValue = try container.decodeIfPresent(Double.self, forKey: .adjustedPValue) ?? fisherPValue
            comparisons = try container.decodeIfPresent(Int.self, forKey: .comparisons) ?? 1
            agreement = try container.decodeIfPresent(IntervalAgreement.self, forKey: .agreement) ?? .agrees
            additionalSlabsNeeded = try container.decodeIfPresent(Int.self, forKey: .additionalSlabsNeeded)
            plan = try container.decodeIfPresent(TrialPlan.self, forKey: .plan)
            conclusion = try container.decode(String.self, forKey: .conclusion)
        }

        /// Encodes the trial entry, with the verdict as `no-detectable-change` rather than
        /// ``Verdict``'s own raw value.
        ///
        /// - Parameter encoder: The encoder to write to.
        /// - Throws: Any error of the encoder.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(number, forKey: .number)
            try container.encode(label, forKey: .label)
            try container.encode(lever, forKey: .lever)
            try container.encode(parameters, forKey: .parameters)
            try container.encode(conditions, forKey: .conditions)
            try container.encode(startedOn, forKey: .startedOn)
            try container.encode(endedOn, forKey: .endedOn)
            try container.encode(outcome, forKey: .outcome)
            try container.encode(Self.code(of: verdict), forKey: .verdict)
            try container.encode(fisherPValue, forKey: .fisherPValue)
            try container.encode(adjustedPValue, forKey: .adjustedPValue)
            try container.encode(comparisons, forKey: .comparisons)
            try container.encode(agreement, forKey: .agreement)
            try container.encodeIfPresent(additionalSlabsNeeded, forKey: .additionalSlabsNeeded)
            try container.encodeIfPresent(plan, forKey: .plan)
            try container.encode(conclusion, forKey: .conclusion)
        }
    }
}
