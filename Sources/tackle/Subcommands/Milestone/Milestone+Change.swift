import ArgumentParser
import TackleDomain
import TackleReport
import TackleStore

extension MilestoneCommand {
    /// `tackle milestone move`: a new due date for a milestone still to do.
    struct Move: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "move",
            abstract: "Move a milestone still to do to another due date, with a reason.",
            discussion: """
                The new date is within the project (not after its due date: extend the project first with \
                `project edit --due`). A done or cancelled milestone cannot move.

                Example:
                  tackle milestone move SLAB-CRACK-2026 3 --due 2026-12-15 --reason "等待喷嘴到货"
                """
        )

        @Argument(help: "The project key.")
        var key: String
        @Argument(help: "The milestone number.")
        var number: String
        @Option(help: "The new due date, YYYY-MM-DD.")
        var due: String
        @Option(help: "Why (required; recorded in the history).")
        var reason: String
        @Option(help: "Refuse unless the milestone is at this version.")
        var ifVersion: Int?
        @OptionGroup var actor: ActorOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let number = try Input.number(number, field: "number")
            let due = try Input.date(due, field: "--due")
            try global.write(actor) { store in
                let milestone = try store.moveMilestone(
                    key, number, to: due, reason: reason, ifVersion: ifVersion, by: actor.resolved)
                return "milestone \(milestone.number) of \(key) is now due \(milestone.dueOn)\n"
            }
        }
    }

    /// `tackle milestone cancel`: a milestone no longer part of the plan.
    struct Cancel: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "cancel",
            abstract: "Cancel a milestone no longer part of the plan, with a reason; it stays listed, counts nowhere.",
            discussion: """
                A cancelled milestone is listed as cancelled and counts in no report from the day it is \
                cancelled. A done milestone cannot be cancelled.

                Example:
                  tackle milestone cancel SLAB-CRACK-2026 3 --reason "方案调整，取消该节点"
                """
        )

        @Argument(help: "The project key.")
        var key: String
        @Argument(help: "The milestone number.")
        var number: String
        @Option(help: "The day it is cancelled, YYYY-MM-DD (default: today, plant time).")
        var on: String?
        @Option(help: "Why (required; recorded in the history).")
        var reason: String
        @OptionGroup var plant: PlantOptions
        @OptionGroup var actor: ActorOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let number = try Input.number(number, field: "number")
            let date = try Input.dayUpToToday(on, field: "--on", today: plant.clock().date())
            try global.write(actor) { store in
                let milestone = try store.cancelMilestone(key, number, on: date, reason: reason, by: actor.resolved)
                return "milestone \(milestone.number) of \(key) cancelled on \(date)\n"
            }
        }
    }
}
