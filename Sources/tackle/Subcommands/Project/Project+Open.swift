import ArgumentParser
import TackleDomain
import TackleReport
import TackleStore

extension ProjectCommand {
    struct Open: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "open",
            abstract: "Open a new tackling project.",
            discussion: """
                The baseline is counts (defective/inspected) over whole months; the target is a rate below \
                the baseline rate. The leader becomes the project's first member. The project opens today \
                (plant time) unless --opened says otherwise.

                Example:
                  tackle project open SLAB-CRACK-2026 --title "板坯纵裂攻关" --unit CC3 --leader E1001 \\
                      --metric "longitudinal crack rate" --baseline 48/1500 --baseline-period 2026-01..2026-03 \\
                      --target 0.5% --due 2026-12-31 --selection open --problem "纵裂是本年度重点质量问题"
                """
        )

        @Argument(help: "The project key: 2-40 upper-case letters, digits, - or _ (e.g. SLAB-CRACK-2026).")
        var key: String
        @Option(help: "The title.")
        var title: String
        @Option(help: "The problem statement.")
        var problem: String = ""
        @Option(help: "The sponsoring unit's code.")
        var unit: String
        @Option(help: "The leader's employee number.")
        var leader: String
        @Option(help: "How the leader was chosen: open (公开选拔) or appointed.")
        var selection: String = "open"
        @Option(help: "The defect metric's name (lower is better).")
        var metric: String
        @Option(help: "The baseline as defective/inspected counts, e.g. 48/1500.")
        var baseline: String
        @Option(help: "The months the baseline was measured over: YYYY-MM..YYYY-MM.")
        var baselinePeriod: String
        @Option(help: "The target rate: 0.5% or 0.005.")
        var target: String
        @Option(help: "The opening date, YYYY-MM-DD (default: today, plant time).")
        var opened: String?
        @Option(help: "The due date, YYYY-MM-DD.")
        var due: String
        @Flag(help: "Open the project as proposed rather than active.")
        var proposed = false
        @OptionGroup var plant: PlantOptions
        @OptionGroup var actor: ActorOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let metric = try DefectMetric(
                name: metric,
                baseline: try Input.baseline(baseline, field: "--baseline"),
                baselinePeriod: try MonthRange.parse(baselinePeriod, field: "--baseline-period"),
                targetRate: try Rate.parse(target, field: "--target")
            )
            let project = try NewProject(
                key: key, title: title, problem: problem, unitCode: unit, leaderNo: leader,
                leaderSelection: try LeaderSelection.parse(selection, field: "--selection"),
                status: proposed ? .proposed : .active,
                openedOn: try opened.map { try Input.date($0, field: "--opened") } ?? plant.clock().date(),
                dueOn: try Input.date(due, field: "--due"),
                metric: metric
            )
            try global.write(actor) { store in
                let stored = try store.open(project: project, by: actor.resolved)
                return "opened \(stored.key) \(stored.title) (\(stored.status), due \(stored.dueOn))\n"
            }
        }
    }
}
