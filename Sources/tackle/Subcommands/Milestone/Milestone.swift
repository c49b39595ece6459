import ArgumentParser
import TackleDomain
import TackleReport
import TackleStore

/// `tackle milestone`: a project's milestones (节点).
struct MilestoneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "milestone",
        abstract: "Milestones (节点): plan them, mark them done, list and show them.",
        discussion: """
            Examples:
              tackle milestone add SLAB-CRACK-2026 --title "二冷水优化方案" --due 2026-06-30 --owner E1002
              tackle milestone done SLAB-CRACK-2026 1 --on 2026-06-28
              tackle milestone move SLAB-CRACK-2026 3 --due 2026-12-15 --reason "等待设备到货"
              tackle milestone cancel SLAB-CRACK-2026 3 --reason "方案调整，取消该节点"
            """,
        subcommands: [Add.self, Done.self, Move.self, Cancel.self, List.self, Show.self]
    )

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Plan a milestone; it gets the project's next number. Due within the project's dates.",
            discussion:
                "Example:\n  tackle milestone add SLAB-CRACK-2026 --title \"二冷水优化方案\" --due 2026-06-30 --owner E1002"
        )

        @Argument(help: "The project key.")
        var key: String
        @Option(help: "What is to be done.")
        var title: String
        @Option(help: "The due date, YYYY-MM-DD.")
        var due: String
        @Option(help: "The owner's employee number.")
        var owner: String?
        @OptionGroup var actor: ActorOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let due = try Input.date(due, field: "--due")
            try global.write(actor) { store in
                let milestone = try store.addMilestone(
                    to: key, title: title, dueOn: due, ownerNo: owner, by: actor.resolved)
                return "added milestone \(milestone.number) of \(key): \(milestone.title), due \(milestone.dueOn)\n"
            }
        }
    }

    struct Done: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "done",
            abstract: "Mark a milestone done.",
            discussion: "Example:\n  tackle milestone done SLAB-CRACK-2026 1 --on 2026-06-28"
        )

        @Argument(help: "The project key.")
        var key: String
        @Argument(help: "The milestone number.")
        var number: String
        @Option(help: "The day it was done, YYYY-MM-DD (default: today, plant time).")
        var on: String?
        @OptionGroup var plant: PlantOptions
        @OptionGroup var actor: ActorOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let number = try Input.number(number, field: "number")
            let date = try Input.dayUpToToday(on, field: "--on", today: plant.clock().date())
            try global.write(actor) { store in
                let milestone = try store.completeMilestone(key, number, on: date, by: actor.resolved)
                let state = milestone.state(on: date) == .doneLate ? "late" : "on time"
                return "milestone \(milestone.number) of \(key) done on \(date) (\(state); due \(milestone.dueOn))\n"
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List a project's milestones.",
            discussion: "Example:\n  tackle milestone list SLAB-CRACK-2026 --json")

        @Argument(help: "The project key.")
        var key: String
        @OptionGroup var plant: PlantOptions
        @OptionGroup var format: JSONFlag
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let milestones = try global.withStore { store in try store.milestones(of: key) }
            if format.json { return try Output.json(milestones) }
            Output.text(Self.table(milestones, today: try plant.clock().date()))
        }

        static func table(_ milestones: [Milestone], today: LocalDate? = nil) -> String {
            var table = TextTable(columns: [
                .init("#", alignment: .right), .init("TITLE", maxWidth: 40), .init("DUE"), .init("OWNER"),
                .init("DONE"),
                .init("STATE"),
            ])
            for milestone in milestones {
                table.append([
                    String(milestone.number), milestone.title, milestone.dueOn.description, milestone.ownerName ?? "",
                    milestone.doneOn?.description ?? "",
                    milestone.cancelledOn.map { "cancelled \($0)" } ?? today.map { milestone.state(on: $0).rawValue }
                        ?? "",
                ])
            }
            return table.render()
        }
    }
}
