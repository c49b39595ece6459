import ArgumentParser

/// `tackle report`: the monthly status and assessment management reviews, ranks and posts, and the year's summary.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "The monthly status and assessment (月度考核) and the year's summary: print, publish, read the archive.",
        discussion: """
            Examples:
              tackle report monthly --month 2026-05
              tackle report yearly --year 2026 --lang zh
              tackle report publish --month 2026-10 --reason "补报十月数据"
              tackle report archive show 2026-05
            """,
        subcommands: [Monthly.self, Yearly.self, Publish.self, Archive.self]
    )
}
