import ArgumentParser
import TackleDomain
import TackleReport
import TackleStore

extension MemberCommand {
    /// `tackle member leave`: a member leaves a project.
    struct Leave: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "leave",
            abstract: "Record a member leaving a project on a day.",
            discussion: """
                The membership ends that day (the LEFT column of `member list`). The leader cannot leave: hand \
                the project over first with `project change-leader`.

                Example:
                  tackle member leave SLAB-CRACK-2026 E1002 --on 2026-10-31 --reason "调往技术科"
                """
        )

        @Argument(help: "The project key.")
        var key: String
        @Argument(help: "The member's employee number.")
        var employeeNo: String
        @Option(help: "The day the member leaves, YYYY-MM-DD (default: today, plant time).")
        var on: String?
        @Option(help: "Why (recorded in the history).")
        var reason: String?
        @OptionGroup var plant: PlantOptions
        @OptionGroup var actor: ActorOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let date = try Input.dayUpToToday(on, field: "--on", today: plant.clock().date())
            try global.write(actor) { store in
                let member = try store.removeMember(employeeNo, from: key, on: date, reason: reason, by: actor.resolved)
                return "\(member.employeeNo) \(member.name) left \(key) on \(date)\n"
            }
        }
    }
}
