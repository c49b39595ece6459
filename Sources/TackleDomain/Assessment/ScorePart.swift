/// One part of a project's monthly score: its points, the most it could earn, and why.
public struct ScorePart: Sendable, Hashable, Codable {
    /// The parts of the rubric.
    public enum Part: String, Sendable, Hashable, Codable, CaseIterable {
        case progress
        case milestones
        case trials
        case reporting
    }

    public var part: Part
    /// The points earned, 0 to ``maximum``.
    public var points: Int
    /// The rubric's points for this part.
    public var maximum: Int
    /// Why, in one finding.
    public var finding: Finding

    public init(part: Part, points: Int, maximum: Int, finding: Finding) {
        self.part = part
        self.points = points
        self.maximum = maximum
        self.finding = finding
    }
}

/// A project's score for a month: the sum of its parts, 0-100, and the rubric version that made it.
public struct Score: Sendable, Hashable, Codable {
    /// The sum of the parts' points.
    public var total: Int
    /// The rubric version that made the score.
    public var rubricVersion: Int
    /// Progress, milestones, trials, reporting, in that order.
    public var parts: [ScorePart]

    public init(rubricVersion: Int, parts: [ScorePart]) {
        self.total = parts.map(\.points).reduce(0, +)
        self.rubricVersion = rubricVersion
        self.parts = parts
    }
}
