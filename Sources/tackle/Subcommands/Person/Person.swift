import ArgumentParser

/// `tackle person`: people at the plant, by employee number.
struct PersonCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "person",
        abstract: "People at the plant, keyed by employee number.",
        subcommands: [Add.self, List.self, Show.self]
    )
}
