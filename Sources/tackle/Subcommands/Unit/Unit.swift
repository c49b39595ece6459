import ArgumentParser

/// `tackle unit`: the plant's organisational units.
struct UnitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unit",
        abstract: "The plant's units: plant, work areas, sections, party branches.",
        subcommands: [Add.self, List.self]
    )
}
