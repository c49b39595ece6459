import ArgumentParser

/// `tackle project`: tackling projects.
struct ProjectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "project",
        abstract: "Tackling projects (攻关项目): open, list, show, edit, change leader or status.",
        discussion: """
            Examples:
              tackle project list --status active
              tackle project show SLAB-CRACK-2026
              tackle project edit SLAB-CRACK-2026 --due 2027-03-31 --reason "设备改造推迟，党委批准延期"
              tackle project change-leader SLAB-CRACK-2026 E1006 --on 2026-09-01 --reason "原负责人调任"
              tackle project set-status SLAB-CRACK-2026 on-hold --reason "连铸机检修"
            """,
        subcommands: [Open.self, List.self, Show.self, Edit.self, ChangeLeader.self, SetStatus.self]
    )
}
