/// A trial (试验) of a project: a lever pulled with some parameters, and the outcome as counts.
public struct Trial: Sendable, Hashable, Codable {
    public var projectKey: String
    /// The number within the project: 1 for T1.
    public var number: Int
    /// The lever (措施): `secondary cooling`, `soft reduction`.
    public var lever: String
    public var hypothesis: String
    public var startedOn: LocalDate
    public var endedOn: LocalDate
    public var parameters: [TrialParameter]
    /// The outcome: slabs defective of slabs inspected.
    public var outcome: Proportion
    /// Heat numbers (炉号) of the trial, if recorded.
    public var heats: [String]
    public var note: String
    public var conclusion: String
    public var version: Int

    public init(
        projectKey: String, number: Int, lever: String, hypothesis: String, startedOn: LocalDate, endedOn: LocalDate,
        parameters: [TrialParameter], outcome: Proportion, heats: [String], note: String, conclusion: String,
        version: Int
    ) {
        self.projectKey = projectKey
        self.number = number
        self.lever = lever
        self.hypothesis = hypothesis
        self.startedOn = startedOn
        self.endedOn = endedOn
        self.parameters = parameters
        self.outcome = outcome
        self.heats = heats
        self.note = note
        self.conclusion = conclusion
        self.version = version
    }

    /// `T3`.
    public var label: String { "T\(number)" }
}
