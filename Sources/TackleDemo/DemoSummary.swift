/// How many records the demo holds.
public struct DemoSummary: Sendable, Hashable {
    public var units: Int
    public var people: Int
    public var projects: Int
    /// Memberships, leaders included.
    public var members: Int
    public var milestones: Int
    public var trials: Int
    /// Monthly defect figures.
    public var observations: Int
    /// Units and people that were already in the database exactly as the demo has them, and were
    /// kept rather than added; they are counted in ``units`` and ``people``.
    public var kept: Int

    public init(
        units: Int, people: Int, projects: Int, members: Int, milestones: Int, trials: Int, observations: Int,
        kept: Int = 0
    ) {
        self.units = units
        self.people = people
        self.projects = projects
        self.members = members
        self.milestones = milestones
        self.trials = trials
        self.observations = observations
        self.kept = kept
    }
}

extension DemoPlant {
    /// The counts of the whole demo.
    func summary(kept: Int = 0) -> DemoSummary {
        DemoSummary(
            units: units.count, people: people.count, projects: projects.count,
            members: projects.reduce(0) { $0 + 1 + $1.members.count },
            milestones: projects.reduce(0) { $0 + $1.milestones.count },
            trials: projects.reduce(0) { $0 + $1.trials.count },
            observations: projects.reduce(0) { $0 + $1.figures.count },
            kept: kept
        )
    }
}
