/// A talk with the leader of a project called in for a month (末位约谈), with the actions agreed (帮扶).
public struct Talk: Sendable, Hashable, Codable {
    public var projectKey: String
    /// The month the project was called in for.
    public var month: Month
    /// The day the talk was held.
    public var heldOn: LocalDate
    /// Who held the talk: employee number and name.
    public var heldByNo: String
    public var heldByName: String
    public var notes: String
    /// The actions agreed, in order.
    public var actions: [String]

    public init(
        projectKey: String, month: Month, heldOn: LocalDate, heldByNo: String, heldByName: String, notes: String,
        actions: [String]
    ) {
        self.projectKey = projectKey
        self.month = month
        self.heldOn = heldOn
        self.heldByNo = heldByNo
        self.heldByName = heldByName
        self.notes = notes
        self.actions = actions
    }
}
