/// A milestone (节点) of a project, numbered per project.
public struct Milestone: Sendable, Hashable, Codable {
    public var projectKey: String
    public var number: Int
    public var title: String
    public var dueOn: LocalDate
    public var ownerNo: String?
    public var ownerName: String?
    public var doneOn: LocalDate?
    /// The day the milestone was cancelled, and why; a cancelled milestone counts nowhere.
    public var cancelledOn: LocalDate?
    public var cancelReason: String?
    /// Bumped by every change, for `--if-version`.
    public var version: Int

    public init(
        projectKey: String, number: Int, title: String, dueOn: LocalDate, ownerNo: String?, ownerName: String?,
        doneOn: LocalDate?, cancelledOn: LocalDate? = nil, cancelReason: String? = nil, version: Int = 1
    ) {
        self.cancelledOn = cancelledOn
        self.cancelReason = cancelReason
        self.version = version
        self.projectKey = projectKey
        self.number = number
        self.title = title
        self.dueOn = dueOn
        self.ownerNo = ownerNo
        self.ownerName = ownerName
        self.doneOn = doneOn
    }

    /// Where the milestone stands on a day.
    public enum State: String, Sendable, Hashable, Codable {
        case open
        case doneOnTime = "done-on-time"
        case doneLate = "done-late"
        case overdue
    }

    /// Where the milestone stands at the end of `day`: work done after `day` does not count yet.
    public func state(on day: LocalDate) -> State {
        if let doneOn, doneOn <= day {
            return doneOn <= dueOn ? .doneOnTime : .doneLate
        }
        return dueOn < day ? .overdue : .open
    }
}
