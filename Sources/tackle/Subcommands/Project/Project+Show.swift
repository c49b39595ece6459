import ArgumentParser
import TackleDomain
import TackleReport
import TackleStore

extension ProjectCommand {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show one project with its members, milestones and trials.",
            discussion: """
                Each milestone's state is where it stands today, plant time: open, done-on-time, done-late \
                or overdue.

                Example:
                  tackle project show SLAB-CRACK-2026 --json
                """)

        @Argument(help: "The project key.")
        var key: String
        @OptionGroup var plant: PlantOptions
        @OptionGroup var format: JSONFlag
        @OptionGroup var global: GlobalOptions

        /// The `--json` document of `project show`.
        struct Detail: Encodable {
            var project: Project
            var members: [Member]
            var milestones: [Milestone]
            var trials: [Trial]
            var observations: [Observation]
        }

        func run() throws {
            let today = try plant.clock().date()
            let detail = try global.withStore { store in
                Detail(
                    project: try store.project(key), members: try store.members(of: key),
                    milestones: try store.milestones(of: key), trials: try store.trials(of: key),
                    observations: try store.observations(of: key))
            }
            if format.json { return try Output.json(detail) }
            let project = detail.project
            let metric = project.metric
            var text = Fields([
                ("project", "\(project.key)  \(project.title)"),
                ("status", project.status.rawValue + (project.closedOn.map { " (closed \($0))" } ?? "")),
                ("unit", project.unitCode),
                (
                    "leader",
                    "\(project.leaderName) (\(project.leaderNo)), \(project.leaderSelection == .open ? "open selection" : "appointed")"
                ),
                ("opened", project.openedOn.description), ("due", project.dueOn.description),
                ("metric", metric.name),
                (
                    "baseline",
                    "\(metric.baseline) = \(Format.percent(metric.baseline.rate ?? 0)) over \(metric.baselinePeriod)"
                ),
                ("target", Format.percent(metric.targetRate)),
                ("problem", project.problem),
                ("version", String(project.version)),
            ]).render()
            text += "\nMembers\n" + MemberCommand.List.table(detail.members)
            text += "\nMilestones\n" + MilestoneCommand.List.table(detail.milestones, today: today)
            text += "\nTrials\n" + TrialCommand.List.table(detail.trials, baseline: metric.baseline)
            text += "\nDefect figures\n" + MetricCommand.List.table(detail.observations)
            Output.text(text)
        }
    }
}
