extension MonthlyReport {
    /// A milestone as it stands at the end of the month.
    public struct MilestoneEntry: Sendable, Hashable, Codable {
        /// The number within the project: 2 for #2.
        public var number: Int
        public var title: String
        public var dueOn: LocalDate
        /// The done date, when it is on or before the end of the month.
        public var doneOn: LocalDate?
        /// The owner's employee number and name, if the milestone has an owner.
        public var ownerNo: String?
        public var ownerName: String?
        /// Done on time, done late, overdue or open, at the end of the month.
        public var state: Milestone.State

        /// Takes a milestone as it stands at the end of `day`: a done date after `day` does not
        /// count yet, whatever the store sent.
        ///
        /// - Parameters:
        ///   - milestone: The milestone.
        ///   - day: The last day of the month.
        init(_ milestone: Milestone, on day: LocalDate) {
            number = milestone.number
            title = milestone.title
            dueOn = milestone.dueOn
            doneOn = milestone.doneOn.flatMap { $0 <= day ? $0 : nil }
            ownerNo = milestone.ownerNo
            ownerName = milestone.ownerName
            state = milestone.state(on: day)
        }

        /// Whether the milestone was done by the end of the month, on time or late.
        public var isDone: Bool { state == .doneOnTime || state == .doneLate }
    }

    /// A project's milestones at the end of the month: the ones due in the month, the counts,
    /// and the next one to do.
    public struct MilestoneProgress: Sendable, Hashable, Codable {
        /// The milestones due in the month, by due date then number, whatever their state.
        public var dueInMonth: [MilestoneEntry]
        /// How many milestones were done by the end of the month.
        public var done: Int
        /// How many milestones the project has.
        public var total: Int
        /// The numbers of the milestones overdue at the end of the month, ascending.
        public var overdue: [Int]
        /// The earliest milestone not done by the end of the month (by due date, then number),
        /// overdue or open; `nil` when all are done.
        public var next: MilestoneEntry?

        /// Sums up a project's milestones at the end of `day`.
        ///
        /// - Parameters:
        ///   - milestones: All milestones of the project.
        ///   - month: The month reported on.
        ///   - day: The last day whose data counts.
        init(_ milestones: [Milestone], in month: Month, asOf day: LocalDate) {
            let entries = milestones.map { MilestoneEntry($0, on: day) }
                .sorted { ($0.dueOn, $0.number) < ($1.dueOn, $1.number) }
            dueInMonth = entries.filter { month.contains($0.dueOn) }
            done = entries.count(where: \.isDone)
            total = entries.count
            overdue = entries.filter { $0.state == .overdue }.map(\.number).sorted()
            next = entries.first { !$0.isDone }
        }
    }
}
