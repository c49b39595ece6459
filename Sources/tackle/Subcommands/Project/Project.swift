import ArgumentParser

/// `tackle project`: tackling projects.
struct ProjectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "project",
        abstract: "Tackling projects (攻关项目): open, list, show, change status.",
        subcommands: [Open.self, List.self, Show.self, SetStatus.self]
    )
}
