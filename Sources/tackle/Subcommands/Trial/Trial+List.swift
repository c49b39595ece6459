import ArgumentParser
import TackleDomain
import TackleStore

extension TrialCommand {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List a project's trials (voided ones only with --all).",
            discussion:
                "Examples:\n  tackle trial list SLAB-CRACK-2026 --json\n  tackle trial list SLAB-CRACK-2026 --all")

        @Argument(help: "The project key.")
        var key: String
        @Flag(help: "Also list voided trials, marked VOID with their reason.")
        var all = false
        @OptionGroup var format: JSONFlag
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let (trials, project) = try global.withStore { store in
                (try store.trials(of: key, includeVoided: all), try store.project(key))
            }
            if format.json { return try Output.json(trials) }
            Output.text(Self.table(trials, baseline: project.metric.baseline))
        }

        static func table(_ trials: [Trial], baseline: Proportion) -> String {
            let judged = Statistics.judge(trials, baseline: baseline)
            var table = TextTable(columns: [
                .init("TRIAL"), .init("LEVER", maxWidth: 24), .init("FROM"), .init("TO"),
                .init("PARAMETERS", maxWidth: 48), .init("CONDITIONS", maxWidth: 40),
                .init("DEFECTIVE/INSPECTED", alignment: .right), .init("RATE", alignment: .right),
                .init("P", alignment: .right), .init("P (HOLM)", alignment: .right), .init("VERDICT"),
            ])
            var cautions: [String] = []
            for trial in trials {
                let comparison = judged[trial.number]
                if let comparison, let caution = TrialCommand.caution(comparison) {
                    cautions.append("\(trial.label): \(caution)")
                }
                table.append([
                    trial.label, trial.lever, trial.startedOn.description, trial.endedOn.description,
                    trial.parameters.map(\.description).joined(separator: " "),
                    trial.conditions.map(\.description).joined(separator: " "), trial.outcome.description,
                    trial.outcome.rate.map { Format.percent($0) } ?? "-",
                    comparison.map { Format.pValue($0.fisherPValue) } ?? "-",
                    comparison.map { Format.pValue($0.adjustedPValue) } ?? "-",
                    trial.voidReason.map { "VOID: \($0)" } ?? comparison?.verdict.description ?? "-",
                ])
            }
            var text = table.render()
            if judged.count > 1 {
                text +=
                    "verdicts from Fisher's exact test against the baseline \(baseline), p adjusted by Holm over "
                    + "the \(judged.count) trials (α = 0.05)\n"
            }
            return text + cautions.map { $0 + "\n" }.joined()
        }
    }
}
