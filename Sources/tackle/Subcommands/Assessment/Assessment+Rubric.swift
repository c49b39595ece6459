import ArgumentParser
import TackleDomain
import TackleStore

extension AssessmentCommand.Rubric {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show every version of the rubric and the month it takes effect from.",
            discussion: "Example:\n  tackle assessment rubric show --json"
        )

        @OptionGroup var format: JSONFlag
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let rubrics = try global.withStore { store in try store.rubrics() }
            if format.json { return try Output.json(rubrics) }
            var table = TextTable(columns: [
                .init("VERSION", alignment: .right), .init("FROM"), .init("PROGRESS", alignment: .right),
                .init("MILESTONES", alignment: .right), .init("TRIALS", alignment: .right),
                .init("REPORTING", alignment: .right), .init("CALLED IN", alignment: .right),
                .init("FIGURES DUE", alignment: .right), .init("TRIAL MONTHS", alignment: .right),
                .init("REASON", maxWidth: 30, wraps: true),
            ])
            for rubric in rubrics {
                table.append([
                    String(rubric.version), rubric.effectiveFrom.description, String(rubric.progressPoints),
                    String(rubric.milestonePoints), String(rubric.trialPoints), String(rubric.reportingPoints),
                    String(rubric.calledIn), "day \(rubric.figuresDueDay)", String(rubric.trialMonths), rubric.reason,
                ])
            }
            Output.text(table.render())
        }
    }

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set",
            abstract: "Add a rubric version that takes effect from a month not yet published.",
            discussion: """
                Weights are whole points that sum to 100. Options left out keep the current version's value. \
                Past months keep the version that scored them.

                Example:
                  tackle assessment rubric set --progress 50 --milestones 25 --trials 15 --reporting 10 \\
                      --bottom 3 --from 2027-01 --reason "党委会决定调整权重"
                """
        )

        @Option(help: "Points for progress against the project's own glide path.")
        var progress: Int?
        @Option(help: "Points for milestones due by the month's end done on time.")
        var milestones: Int?
        @Option(help: "Points for trial work (trials ended recently, with conclusions).")
        var trials: Int?
        @Option(help: "Points for the month's figures recorded by the figures deadline.")
        var reporting: Int?
        @Option(help: "How many of the lowest-ranked projects are called in for a talk, 0-20.")
        var bottom: Int?
        @Option(help: "The day of the next month the figures are due, 1-28.")
        var figuresDueDay: Int?
        @Option(help: "How many months, the reported one included, count as recent trial work, 1-12.")
        var trialMonths: Int?
        @Option(help: "The first month the version scores, YYYY-MM.")
        var from: String
        @Option(help: "Why the rubric changes (required).")
        var reason: String
        @OptionGroup var actor: ActorOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let from = try Input.month(from, field: "--from")
            try global.write(actor, asNote: true) { store in
                let current = Store.rubric(for: from, in: try store.rubrics())
                let rubric = try TackleDomain.Rubric(
                    version: 0, effectiveFrom: from, progressPoints: progress ?? current.progressPoints,
                    milestonePoints: milestones ?? current.milestonePoints, trialPoints: trials ?? current.trialPoints,
                    reportingPoints: reporting ?? current.reportingPoints, calledIn: bottom ?? current.calledIn,
                    figuresDueDay: figuresDueDay ?? current.figuresDueDay,
                    trialMonths: trialMonths ?? current.trialMonths, reason: reason)
                let stored = try store.addRubric(rubric, by: actor.resolved)
                return "rubric version \(stored.version) takes effect from \(stored.effectiveFrom)"
            }
        }
    }
}
