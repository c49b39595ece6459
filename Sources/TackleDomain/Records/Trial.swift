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
    /// The settings tried, numbers with units: `specific_water=0.62L/kg`.
    public var parameters: [TrialParameter]
    /// What the trial ran on, as text: `grade=Q345B`, `strand=2`, `section=230x1600`.
    public var conditions: [TrialCondition]
    /// The outcome: slabs defective of slabs inspected.
    public var outcome: Proportion
    /// Heat numbers (炉号) of the trial, if recorded.
    public var heats: [String]
    public var note: String
    public var conclusion: String
    public var version: Int
    /// When the trial was voided (ISO 8601 UTC) and why; a voided trial counts nowhere.
    public var voidedAt: String?
    public var voidReason: String?

    /// Creates a trial as recorded; the store builds these from its rows.
    public init(
        projectKey: String, number: Int, lever: String, hypothesis: String, startedOn: LocalDate, endedOn: LocalDate,
        parameters: [TrialParameter], conditions: [TrialCondition] = [], outcome: Proportion, heats: [String],
        note: String, conclusion: String, version: Int, voidedAt: String? = nil, voidReason: String? = nil
    ) {
        self.voidedAt = voidedAt
        self.voidReason = voidReason
        self.projectKey = projectKey
        self.number = number
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
        self.version = version
    }

    /// `T3`.
    public var label: String { "T\(number)" }
}
