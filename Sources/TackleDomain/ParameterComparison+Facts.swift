extension ParameterComparison {
    /// Which of a project's trials to pool: those of one lever, and those that ran under every
    /// condition given. Voided trials are never pooled.
    public struct Filter: Sendable, Hashable, Codable, CustomStringConvertible {
        /// Only trials of this lever, matched exactly as logged (`secondary cooling`); `nil` for any.
        public var lever: String?
        /// Only trials that have every one of these conditions, values matched exactly as logged.
        public var conditions: [TrialCondition]

        /// Creates a filter, refusing a condition named twice (no trial could match both values).
        ///
        /// - Parameters:
        ///   - lever: The lever, or `nil` for any; blank counts as none, and spaces around it are dropped.
        ///   - conditions: The conditions every pooled trial must have.
        /// - Throws: ``DomainError`` for the field `cond` when a condition name is given twice.
        public init(lever: String? = nil, conditions: [TrialCondition] = []) throws(DomainError) {
            var seen = Set<String>()
            for condition in conditions where !seen.insert(condition.name.lowercased()).inserted {
                throw DomainError(
                    .invalidValue, field: "cond",
                    message: "condition \(condition.name) is given twice; a trial has one value of it")
            }
            let trimmed = lever.map { String($0.trimmingSpaces) }
            self.lever = trimmed?.isEmpty == false ? trimmed : nil
            self.conditions = conditions
        }

        /// True when every trial of the project is pooled.
        public var isEmpty: Bool { lever == nil && conditions.isEmpty }

        /// `lever "secondary cooling", grade=Q345B`, or `all trials`.
        public var description: String {
            guard !isEmpty else { return "all trials" }
            return ((lever.map { ["lever \"\($0)\""] } ?? []) + conditions.map(\.description))
                .joined(separator: ", ")
        }
    }

    /// A trial as pooling by one parameter sees it: its number, its value of the parameter and its
    /// outcome.
    ///
    /// The store reads only these (a project may have a thousand trials); the trial's other fields
    /// play no part in pooling.
    public struct Entry: Sendable, Hashable, Codable {
        /// The trial's number within the project: 3 for T3.
        public var number: Int
        /// The trial's value of the parameter, or `nil` when it does not record it.
        public var value: Double?
        /// The unit of ``value`` in its one stored spelling (possibly empty); `nil` without a value.
        public var unit: String?
        /// Slabs defective of slabs inspected.
        public var outcome: Proportion

        /// Creates an entry.
        ///
        /// - Parameters:
        ///   - number: The trial's number.
        ///   - value: The trial's value of the parameter, or `nil`.
        ///   - unit: The value's unit, or `nil` without a value.
        ///   - outcome: The counts.
        public init(number: Int, value: Double?, unit: String?, outcome: Proportion) {
            self.number = number
            self.value = value
            self.unit = value == nil ? nil : (unit ?? "")
            self.outcome = outcome
        }

        /// The entry of a trial for pooling by `parameter`, its name matched exactly as logged.
        ///
        /// - Parameters:
        ///   - trial: The trial.
        ///   - parameter: The parameter pooled by.
        public init(_ trial: Trial, parameter: String) {
            let setting = trial.parameters.first { $0.name == parameter }
            self.init(number: trial.number, value: setting?.value, unit: setting?.unit, outcome: trial.outcome)
        }
    }

    /// What a project's trials (not void) record: gathered only when no trial the filter matched
    /// records the parameter, to say what exists.
    public struct Recorded: Sendable, Hashable, Codable {
        /// How many trials of the project are not void.
        public var trialCount: Int
        /// The levers of those trials.
        public var levers: [String]
        /// The names of the parameters those trials record.
        public var parameterNames: [String]

        /// Creates the record.
        ///
        /// - Parameters:
        ///   - trialCount: How many trials of the project are not void.
        ///   - levers: Their levers.
        ///   - parameterNames: The parameter names they record.
        public init(trialCount: Int, levers: [String], parameterNames: [String]) {
            self.trialCount = trialCount
            self.levers = levers
            self.parameterNames = parameterNames
        }
    }

    /// What the store knows that a pooled comparison needs: the project's baseline and the trials
    /// the filter matched.
    public struct Facts: Sendable, Hashable, Codable {
        /// The project.
        public var projectKey: String
        /// The project's defect metric.
        public var metricName: String
        /// The project's baseline counts.
        public var baseline: Proportion
        /// The parameter to pool by, as asked for: `specific_water`.
        public var parameter: String
        /// The filter the trials were chosen by.
        public var filter: Filter
        /// The project's trials that are not void and match ``filter``, in any order, each with its
        /// value of the parameter pooled by. Voided trials are the store's to leave out: an entry does
        /// not say whether its trial is void.
        public var trials: [Entry]
        /// What the project's trials record, when no trial of ``trials`` records the parameter asked for.
        public var recorded: Recorded?

        /// Creates the facts.
        ///
        /// - Parameters:
        ///   - projectKey: The project.
        ///   - metricName: The project's defect metric.
        ///   - baseline: The project's baseline counts.
        ///   - parameter: The parameter to pool by.
        ///   - filter: The filter the trials were chosen by.
        ///   - trials: The trials that are not void and match the filter, with their value of the parameter.
        ///   - recorded: What the project's trials record, if gathered.
        public init(
            projectKey: String, metricName: String, baseline: Proportion, parameter: String, filter: Filter,
            trials: [Entry], recorded: Recorded? = nil
        ) {
            self.projectKey = projectKey
            self.metricName = metricName
            self.baseline = baseline
            self.parameter = parameter
            self.filter = filter
            self.trials = trials
            self.recorded = recorded
        }

        /// Whether some trial of ``trials`` records the parameter; when none does, the store gathers
        /// ``recorded`` so that the refusal can say what exists.
        public var anyTrialRecordsParameter: Bool {
            trials.contains { $0.value != nil }
        }
    }
}
