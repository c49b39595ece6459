import ArgumentParser
import TackleDomain
import TackleReport
import TackleStore

extension MilestoneCommand {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show one milestone and where it stands today.",
            discussion: "Example:\n  tackle milestone show SLAB-CRACK-2026 1 --json"
        )

        @Argument(help: "The project key.")
        var key: String
        @Argument(help: "The milestone number.")
        var number: String
        @OptionGroup var plant: PlantOptions
        @OptionGroup var format: JSONFlag
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let number = try Input.number(number, field: "number", trialPrefix: false)
            let milestone = try global.withStore { store in try store.milestone(key, number) }
            if format.json { return try Output.json(milestone) }
            let state = milestone.state(on: try plant.clock().date())
            Output.text(
                Fields([
                    ("milestone", "\(milestone.number) of \(milestone.projectKey)"), ("title", milestone.title),
                    ("due", milestone.dueOn.description),
                    ("owner", milestone.ownerNo.map { "\(milestone.ownerName ?? "") (\($0))" } ?? ""),
                    ("done", milestone.doneOn?.description ?? "not yet"), ("state", state.rawValue),
                ]).render())
        }
    }
}
