import ArgumentParser

/// `tackle db`: the database schema.
struct DB: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract: "Create and upgrade the database schema.",
        subcommands: [Migrate.self, Status.self]
    )
}
