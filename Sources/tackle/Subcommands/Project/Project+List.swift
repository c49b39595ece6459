import ArgumentParser
import TackleDomain
import TackleStore

extension ProjectCommand {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List projects.",
            discussion: "Example:\n  tackle project list --status active --json"
        )

        @Option(help: "Only projects in this status: proposed, active, on-hold, completed, cancelled.")
        var status: String?
        @OptionGroup var format: JSONFlag
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let status = try status.map { try ProjectStatus.parse($0, field: "--status") }
            let projects = try global.withStore { store in try store.projects(status: status) }
            if format.json { return try Output.json(projects) }
            var table = TextTable(columns: [
                .init("KEY"), .init("TITLE", maxWidth: 30), .init("LEADER"), .init("STATUS"),
                .init("BASELINE", alignment: .right),
                .init("TARGET", alignment: .right), .init("DUE"),
            ])
            for project in projects {
                table.append([
                    project.key, project.title, project.leaderName, project.status.rawValue,
                    Format.percent(project.metric.baseline.rate ?? 0), Format.percent(project.metric.targetRate),
                    project.dueOn.description,
                ])
            }
            Output.text(table.render())
        }
    }
}
