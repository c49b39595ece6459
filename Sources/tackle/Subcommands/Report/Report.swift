import ArgumentParser

/// `tackle report`: the monthly status management reviews, ranks and posts.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "The monthly project status (月度进展): print it, or read what was published.",
        discussion: """
            Examples:
              tackle report monthly --month 2026-05
              tackle report archive show 2026-05
            """,
        subcommands: [Monthly.self, Publish.self, Archive.self]
    )
}
