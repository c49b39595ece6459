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
        public var startedOn: LocalDate
        public var endedOn: LocalDate
        /// The outcome's counts, rate and 95 % Wilson interval.
        public var outcome: Figures
        /// Better, worse or no detectable change against the baseline, from
        /// ``Statistics/compare(trial:baseline:alpha:)`` (Fisher's exact test, α = 0.05).
        ///
        /// Encoded as `better`, `no-detectable-change` or `worse`, like the report's other
        /// enumerations.
        public var verdict: Verdict
        /// The two-sided p-value of Fisher's exact test against the baseline.
        public var fisherPValue: Double
        /// About how many more slabs an inconclusive drop needs before it could be detected;
        /// `nil` unless the verdict is no detectable change with a rate below the baseline's.
        public var additionalSlabsNeeded: Int?
        /// The conclusion the engineers wrote, possibly empty.
        public var conclusion: String

        /// Judges a trial against the baseline.
        ///
        /// - Parameters:
        ///   - trial: The trial.
        ///   - baseline: The project's baseline counts.
        init(trial: Trial, baseline: Proportion) {
            let comparison = Statistics.compare(trial: trial.outcome, baseline: baseline)
            number = trial.number
            label = trial.label
            lever = trial.lever
            parameters = trial.parameters
            startedOn = trial.startedOn
            endedOn = trial.endedOn
            outcome = Figures(trial.outcome)
            verdict = comparison.verdict
            fisherPValue = comparison.fisherPValue
            additionalSlabsNeeded = comparison.additionalSlabsNeeded
            conclusion = trial.conclusion
        }

        private enum CodingKeys: String, CodingKey {
            case number
            case label
            case lever
            case parameters
            case startedOn
            case endedOn
            case outcome
            case verdict
            case fisherPValue
            case additionalSlabsNeeded
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
            additionalSlabsNeeded = try container.decodeIfPresent(Int.self, forKey: .additionalSlabsNeeded)
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
            try container.encode(startedOn, forKey: .startedOn)
            try container.encode(endedOn, forKey: .endedOn)
            try container.encode(outcome, forKey: .outcome)
            try container.encode(Self.code(of: verdict), forKey: .verdict)
            try container.encode(fisherPValue, forKey: .fisherPValue)
            try container.encodeIfPresent(additionalSlabsNeeded, forKey: .additionalSlabsNeeded)
            try container.encode(conclusion, forKey: .conclusion)
        }
    }
}
