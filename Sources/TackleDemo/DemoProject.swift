import TackleDomain
import TackleStore

/// One demo project: what opens it and everything recorded on it afterwards.
struct DemoProject: Sendable {
    /// A membership beyond the leader, who joins when the project opens.
    struct Member: Sendable {
        var employeeNo: String
        var role: MemberRole
        var joinedOn: LocalDate
    }

    /// A milestone and, when it is done, the day it was done.
    struct Milestone: Sendable {
        var title: String
        var dueOn: LocalDate
        var ownerNo: String
        var doneOn: LocalDate?
    }

    /// One month's production figures of the project metric.
    struct MonthFigures: Sendable {
        var month: Month
        var counts: Proportion
        var note: String
        /// The day the figures were recorded: by the figures deadline (the 5th) or after it.
        var recordedOn: LocalDate
    }

    /// A move to another status, after everything else is recorded.
    struct StatusChange: Sendable {
        var status: ProjectStatus
        var on: LocalDate
        var reason: String
    }

    var project: NewProject
    var members: [Member]
    var milestones: [Milestone]
    /// Logged in order, so they become T1, T2, ...
    var trials: [NewTrial]
    var figures: [MonthFigures]
    var statusChanges: [StatusChange] = []
}
