import ArgumentParser
import TackleDomain
import TackleStore

extension TrialCommand {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show one trial and how it compares with the baseline.",
            discussion: """
                --json prints the trial (parameters, conditions, counts, version) and the comparison, its \
                intervals as {"lower": …, "upper": …} objects.

                Examples:
                  tackle trial show SLAB-CRACK-2026 T3
                  tackle trial show SLAB-CRACK-2026 T3 --json | jq '.trial.conditions'
                """
        )

        @Argument(help: "The project key.")
        var key: String
        @Argument(help: "The trial number: 3 or T3.")
        var number: String
        @OptionGroup var format: JSONFlag
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let number = try Input.number(number, field: "trial")
            let (trial, project, trials) = try global.withStore { store in
                (try store.trial(key, number), try store.project(key), try store.trials(of: key))
            }
            let comparison = TrialCommand.comparison(of: trial, among: trials, metric: project.metric)
            if format.json { return try Output.json(Result(trial: trial, comparison: comparison)) }
            let fields = Fields([
                ("trial", "\(trial.label) of \(trial.projectKey)"), ("lever", trial.lever),
                ("hypothesis", trial.hypothesis),
                ("dates", "\(trial.startedOn) .. \(trial.endedOn)"),
                ("parameters", trial.parameters.map(\.description).joined(separator: " ")),
                ("conditions", trial.conditions.map(\.description).joined(separator: " ")),
                ("heats", trial.heats.joined(separator: ", ")), ("note", trial.note), ("conclusion", trial.conclusion),
                ("version", String(trial.version)),
            ])
            Output.text(fields.render() + TrialCommand.summary(comparison))
        }
    }
}
