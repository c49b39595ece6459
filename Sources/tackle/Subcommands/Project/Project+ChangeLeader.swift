import ArgumentParser
import TackleDomain
import TackleReport
import TackleStore

extension ProjectCommand {
    /// `tackle project change-leader`: hand a project to a new leader.
    struct ChangeLeader: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "change-leader",
            abstract: "Hand a project to a new leader (负责人变更) from a day on, with a reason.",
            discussion: """
                The old leader's leadership ends that day; the old leader stays a member unless \
                --old-leader-leaves. The new leader must be an active person. The monthly report of each month \
                names the leader of that month.

                Example:
                  tackle project change-leader SLAB-CRACK-2026 E1006 --on 2026-09-01 --reason "原负责人调任" \\
                      --selection open
                """
        )

        @Argument(help: "The project key.")
        var key: String
        @Argument(help: "The new leader's employee number.")
        var employeeNo: String
        @Option(help: "The first day of the new leadership, YYYY-MM-DD (default: today, plant time).")
        var on: String?
        @Option(help: "Why (required; recorded in the history).")
        var reason: String
        @Option(help: "How the new leader was chosen: open (公开选拔) or appointed (default: unchanged).")
        var selection: String?
        @Flag(help: "The old leader leaves the project rather than stay a member.")
        var oldLeaderLeaves = false
        @Option(help: "Refuse unless the project is at this version.")
        var ifVersion: Int?
        @OptionGroup var plant: PlantOptions
        @OptionGroup var actor: ActorOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let date = try Input.dayUpToToday(on, field: "--on", today: plant.clock().date())
            let selection = try selection.map { try LeaderSelection.parse($0, field: "--selection") }
            try global.write(actor) { store in
                let project = try store.changeLeader(
                    of: key, to: employeeNo, on: date, reason: reason, selection: selection,
                    oldLeaderLeaves: oldLeaderLeaves, ifVersion: ifVersion, by: actor.resolved)
                return "\(project.key) is led by \(project.leaderNo) \(project.leaderName) from \(date)\n"
            }
        }
    }
}
