import ArgumentParser
import TackleDomain
import TackleReport
import TackleStore

extension ProjectCommand {
    struct SetStatus: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set-status",
            abstract: "Move a project to another status, with a reason.",
            discussion: """
                Allowed: proposed -> active | cancelled; active -> on-hold | completed | cancelled; \
                on-hold -> active | cancelled; completed -> active (reopen). Completing or cancelling sets the \
                closing date; cancelled is final. The day (--on, default today) is when the change takes effect: \
                the report of each month shows the status in force at its end. It may not be after today, nor \
                before the previous change.

                Examples:
                  tackle project set-status SLAB-CRACK-2026 completed --reason "纵裂率连续三个月低于目标" --on 2026-12-20
                  tackle project set-status SLAB-CRACK-2026 active --reason "验收后复发，重新打开"
                """
        )

        @Argument(help: "The project key.")
        var key: String
        @Argument(help: "The new status: proposed, active, on-hold, completed, cancelled.")
        var status: String
        @Option(help: "Why (required; recorded in the history).")
        var reason: String
        @Option(
            help: "The day of the change, YYYY-MM-DD (default: today, plant time): the closing date when finishing.")
        var on: String?
        @OptionGroup var plant: PlantOptions
        @OptionGroup var actor: ActorOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let status = try ProjectStatus.parse(status, field: "status")
            let date = try Input.dayUpToToday(on, field: "--on", today: plant.clock().date())
            try global.write(actor) { store in
                let project = try store.setStatus(of: key, to: status, on: date, reason: reason, by: actor.resolved)
                return "\(project.key) is now \(project.status)\n"
            }
        }
    }
}
