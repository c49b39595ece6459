/// A trial result to log, checked before anything is written.
public struct NewTrial: Sendable, Hashable {
    public var lever: String
    public var hypothesis: String
    public var startedOn: LocalDate
    public var endedOn: LocalDate
    public var parameters: [TrialParameter]
    /// What the trial ran on, as text (`grade=Q345B`, `strand=2`); see ``TrialCondition``.
    public var conditions: [TrialCondition]
    public var outcome: Proportion
    public var heats: [String]
    public var note: String
    public var conclusion: String

    /// Checks the lever, the dates, the parameters and the conditions.
    ///
    /// Each name appears once among the parameters and conditions together (compared ignoring letter
    /// case), so that trials can be pooled by a name without asking which `grade` was meant.
    ///
    /// - Throws: ``DomainError`` naming the field and the rule.
    public init(
        lever: String, hypothesis: String = "", startedOn: LocalDate, endedOn: LocalDate,
        parameters: [TrialParameter], conditions: [TrialCondition] = [], outcome: Proportion, heats: [String] = [],
        note: String = "", conclusion: String = ""
    ) throws(DomainError) {
        try Keys.checkNotBlank(lever, field: "lever")
        guard outcome.inspected > 0 else {
            throw DomainError(.invalidValue, field: "inspected", message: "a trial must inspect at least one slab")
        }
        guard endedOn >= startedOn else {
            throw DomainError(
                .invalidValue, field: "to", message: "the trial ends (\(endedOn)) before it starts (\(startedOn))")
        }
        try Self.checkNames(parameters: parameters, conditions: conditions)
        for heat in heats where heat.trimmingSpaces.isEmpty {
            throw DomainError(.invalidValue, field: "heat", message: "a heat number must not be empty")
        }
        self.lever = lever
        self.hypothesis = hypothesis
        self.startedOn = startedOn
        self.endedOn = endedOn
        self.parameters = parameters
        self.conditions = conditions
        self.outcome = outcome
        self.heats = heats
        self.note = note
        self.conclusion = conclusion
    }

    /// The same trial with other conditions, checked again.
    ///
    /// - Parameter conditions: The conditions that replace the trial's.
    /// - Returns: The trial with `conditions`.
    /// - Throws: ``DomainError`` when a name is given twice.
    public func replacingConditions(with conditions: [TrialCondition]) throws(DomainError) -> NewTrial {
        try Self.checkNames(parameters: parameters, conditions: conditions)
        var trial = self
        trial.conditions = conditions
        return trial
    }

    /// Refuses a name given twice among the parameters, among the conditions, or in both.
    private static func checkNames(parameters: [TrialParameter], conditions: [TrialCondition]) throws(DomainError) {
        var seen = Set<String>()
        for parameter in parameters where !seen.insert(parameter.name.lowercased()).inserted {
            throw DomainError(.invalidValue, field: "param", message: "parameter \(parameter.name) is given twice")
        }
        let parameterNames = seen
        for condition in conditions where !seen.insert(condition.name.lowercased()).inserted {
            let message =
                parameterNames.contains(condition.name.lowercased())
                ? "\(condition.name) is already a parameter; a name is either a parameter or a condition"
                : "condition \(condition.name) is given twice"
            throw DomainError(.invalidValue, field: "cond", message: message)
        }
    }
}
