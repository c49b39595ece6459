import ArgumentParser
import TackleBoard
import TackleDomain
import TackleReport
import TackleStore

extension ProjectCommand {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show one project with its members, milestones and trials.",
            discussion: """
                Each milestone's state is where it stands today, plant time: open, done-on-time, done-late \
                or overdue.

                --format html prints the project's page for the notice board, one self-contained file: the \
                p-chart of the rate from the baseline's first month to --month with its limits, target, glide \
                path and trial periods; the trials that ended by the month's end against the baseline (forest \
                plot, Holm-adjusted verdicts) and pooled by each parameter; the milestones as they stood at the \
                month's end; the latest changes, up to now. --month defaults to the last complete month at the \
                plant.

                Examples:
                  tackle project show SLAB-CRACK-2026 --json
                  tackle project show SLAB-CRACK-2026 --format html --month 2026-10 > SLAB-CRACK-2026.html
                """)

        @Argument(help: "The project key.")
        var key: String
        @Option(help: "text (for people), json (same as --json) or html (the project's page for the notice board).")
        var format: String?
        @Option(help: "The month of the HTML page, YYYY-MM (default: the last complete month at the plant).")
        var month: String?
        @OptionGroup var language: LanguageOption
        @OptionGroup var plant: PlantOptions
        @OptionGroup var json: JSONFlag
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
            if json.json, format != nil {
                throw DomainError(.invalidValue, message: "give --json or --format, not both (--json is --format json)")
            }
            let format = try format.map { try PageFormat.parse($0) } ?? (json.json ? .json : .text)
            if format != .html, month != nil {
                throw DomainError(
                    .invalidValue, field: "--month", message: "the month is for the HTML page; add --format html")
            }
            let clock = try plant.clock()
            let today = clock.date()
            if format == .html {
                let language = try language.language()
                let month = try month.map { try Input.month($0, field: "--month") } ?? clock.lastCompleteMonth()
                let page = try global.withStore { store in
                    try store.projectPage(key, month: month, today: today)
                }
                return Output.text(BoardPage.project(page, language: language, clock: clock))
            }
            let detail = try global.withStore { store in
                Detail(
                    project: try store.project(key), members: try store.members(of: key),
                    milestones: try store.milestones(of: key), trials: try store.trials(of: key),
                    observations: try store.observations(of: key))
            }
            if format == .json { return try Output.json(detail) }
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
