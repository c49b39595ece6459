import ArgumentParser

/// `tackle db`: the database schema.
struct DB: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract: "Create and upgrade the database schema.",
        discussion: """
            Examples:
              tackle db migrate
              tackle db status --database postgresql://tackle@db.plant.local/tackle
            """,
        subcommands: [Migrate.self, Status.self, Roles.self]
    )
}
