import ArgumentParser
import TackleDomain
import TackleStore

extension ProjectCommand {
    /// `tackle project edit`: extend, retitle, move or re-baseline a project, with a reason.
    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "edit",
            abstract: "Change a project's due date (延期), target, title, problem, unit or baseline, with a reason.",
            discussion: """
                Only the options given change; the edit is one transaction, recorded in the history with the \
                old and new values and the reason. A new baseline needs --baseline and --baseline-period together. \
                An edit that changes nothing is refused and writes nothing. --if-version refuses the edit if \
                someone changed the project since you looked (`project show` prints the version).

                Examples:
                  tackle project edit SLAB-CRACK-2026 --due 2027-03-31 --reason "设备改造推迟，党委批准延期"
                  tackle project edit SLAB-CRACK-2026 --target 0.4% --title "板坯纵裂攻关（二期）" --unit CC1 \\
                      --reason "党委会调整目标" --if-version 3
                  tackle project edit SLAB-CRACK-2026 --baseline 52/1600 --baseline-period 2026-02..2026-04 \\
                      --reason "基准期数据复核"
                """
        )

        @Argument(help: "The project key.")
        var key: String
        @Option(help: "A new title.")
        var title: String?
        @Option(help: "A new problem statement.")
        var problem: String?
        @Option(help: "A new sponsoring unit code.")
        var unit: String?
        @Option(help: "A new due date, YYYY-MM-DD (an extension, 延期).")
        var due: String?
        @Option(help: "A new target rate: 0.4% or 0.004.")
        var target: String?
        @Option(help: "A new baseline as counts, defective/inspected (with --baseline-period).")
        var baseline: String?
        @Option(help: "The new baseline's months, YYYY-MM..YYYY-MM (with --baseline).")
        var baselinePeriod: String?
        @Option(help: "Why (required; recorded in the history).")
        var reason: String
        @Option(help: "Refuse unless the project is at this version.")
        var ifVersion: Int?
        @OptionGroup var actor: ActorOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let changes = ProjectChanges(
                title: title, problem: problem, unitCode: unit,
                dueOn: try due.map { try Input.date($0, field: "--due") },
                targetRate: try target.map { try Rate.parse($0, field: "--target") },
                baseline: try baseline.map { try Input.baseline($0, field: "--baseline") },
                baselinePeriod: try baselinePeriod.map { try MonthRange.parse($0, field: "--baseline-period") })
            try global.write(actor) { store in
                let project = try store.editProject(
                    key, changes: changes, reason: reason, ifVersion: ifVersion, by: actor.resolved)
                return "\(project.key) edited (version \(project.version)): due \(project.dueOn)\n"
            }
        }
    }
}
