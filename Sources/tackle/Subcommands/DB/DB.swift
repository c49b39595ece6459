import ArgumentParser

/// `tackle db`: the database schema.
struct DB: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract: "Create and upgrade the database schema, and make logins in its roles.",
        discussion: """
            Examples:
              tackle db migrate
              tackle db status --database postgresql://tackle@db.plant.local/tackle
              tackle db roles --writer wang_lei --reader board
            """,
        subcommands: [Migrate.self, Status.self, Roles.self]
    )
}
