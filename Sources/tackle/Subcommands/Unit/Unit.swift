import ArgumentParser

/// `tackle unit`: the plant's organisational units.
struct UnitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unit",
        abstract: "The plant's units: plant, work areas, sections, party branches.",
        discussion: """
            Examples:
              tackle unit add CC3 --name "连铸三作业区" --kind work-area
              tackle unit list --json
            """,
        subcommands: [Add.self, List.self]
    )
}
