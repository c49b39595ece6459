/// Changes to a logged trial; fields left nil stay as they are.
public struct TrialCorrection: Sendable, Hashable {
    public var lever: String?
    public var hypothesis: String?
    public var startedOn: LocalDate?
    public var endedOn: LocalDate?
    /// Replaces all parameters when given.
    public var parameters: [TrialParameter]?
    public var inspected: Int?
    public var defective: Int?
    /// Replaces all heat numbers when given.
    public var heats: [String]?
    public var note: String?
    public var conclusion: String?

    public init(
        lever: String? = nil, hypothesis: String? = nil, startedOn: LocalDate? = nil, endedOn: LocalDate? = nil,
        parameters: [TrialParameter]? = nil, inspected: Int? = nil, defective: Int? = nil, heats: [String]? = nil,
        note: String? = nil, conclusion: String? = nil
    ) {
        self.lever = lever
        self.hypothesis = hypothesis
        self.startedOn = startedOn
        self.endedOn = endedOn
        self.parameters = parameters
        self.inspected = inspected
        self.defective = defective
        self.heats = heats
        self.note = note
        self.conclusion = conclusion
    }

    /// True when the correction changes nothing.
    public var isEmpty: Bool { self == TrialCorrection() }

    /// The trial with the corrections applied, checked like a new trial.
    ///
    /// - Throws: ``DomainError`` naming the field when the result breaks a rule.
    public func applied(to trial: Trial) throws(DomainError) -> NewTrial {
        let outcome: Proportion
        do throws(DomainError) {
            outcome = try Proportion(
                defective: defective ?? trial.outcome.defective, inspected: inspected ?? trial.outcome.inspected)
        } catch {
            throw error.attributed(to: defective != nil ? "defective" : "inspected")
        }
        return try NewTrial(
            lever: lever ?? trial.lever, hypothesis: hypothesis ?? trial.hypothesis,
            startedOn: startedOn ?? trial.startedOn, endedOn: endedOn ?? trial.endedOn,
            parameters: parameters ?? trial.parameters, outcome: outcome, heats: heats ?? trial.heats,
            note: note ?? trial.note, conclusion: conclusion ?? trial.conclusion)
    }
}
