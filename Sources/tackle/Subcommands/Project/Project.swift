import ArgumentParser

/// `tackle project`: tackling projects.
struct ProjectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "project",
        abstract: "Tackling projects (攻关项目): open, list, show, change status.",
        discussion: """
            Examples:
              tackle project list --status active
              tackle project show SLAB-CRACK-2026
              tackle project set-status SLAB-CRACK-2026 on-hold --reason "连铸机检修"
            """,
        subcommands: [Open.self, List.self, Show.self, SetStatus.self]
    )
}
