/// A trial result to log, checked before anything is written.
public struct NewTrial: Sendable, Hashable {
    public var lever: String
    public var hypothesis: String
    public var startedOn: LocalDate
    public var endedOn: LocalDate
    public var parameters: [TrialParameter]
    public var outcome: Proportion
    public var heats: [String]
    public var note: String
    public var conclusion: String

    /// Checks the lever, the dates and the parameters.
    ///
    /// - Throws: ``DomainError`` naming the field and the rule.
    public init(
        lever: String, hypothesis: String = "", startedOn: LocalDate, endedOn: LocalDate,
        parameters: [TrialParameter], outcome: Proportion, heats: [String] = [], note: String = "",
        conclusion: String = ""
    ) throws(DomainError) {
        try Keys.checkNotBlank(lever, field: "--lever")
        guard outcome.inspected > 0 else {
            throw DomainError(.invalidValue, field: "--inspected", message: "a trial must inspect at least one slab")
        }
        guard endedOn >= startedOn else {
            throw DomainError(
                .invalidValue, field: "--to", message: "the trial ends (\(endedOn)) before it starts (\(startedOn))")
        }
        var seen = Set<String>()
        for parameter in parameters where !seen.insert(parameter.name).inserted {
            throw DomainError(.invalidValue, field: "--param", message: "parameter \(parameter.name) is given twice")
        }
        for heat in heats where heat.trimmingSpaces.isEmpty {
            throw DomainError(.invalidValue, field: "--heat", message: "a heat number must not be empty")
        }
        self.lever = lever
        self.hypothesis = hypothesis
        self.startedOn = startedOn
        self.endedOn = endedOn
        self.parameters = parameters
        self.outcome = outcome
        self.heats = heats
        self.note = note
        self.conclusion = conclusion
    }
}
