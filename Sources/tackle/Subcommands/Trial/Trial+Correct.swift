import ArgumentParser
import TackleDomain
import TackleStore

extension TrialCommand {
    struct Correct: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "correct",
            abstract: "Correct a logged trial, with a reason recorded in the history.",
            discussion: """
                Give only the fields to change. --if-version makes the correction apply only to the version \
                you looked at (`tackle trial show` prints it): if someone else changed the trial since, \
                nothing is written and you are told.

                --param and --cond replace all the trial's parameters, or all its conditions, when given; \
                their rules are those of `tackle trial log`.

                Examples:
                  tackle trial correct SLAB-CRACK-2026 T3 --defective 4 --reason "复检发现一块漏检" \\
                      --if-version 1
                  tackle trial correct SLAB-CRACK-2026 T3 --cond grade=Q235B --cond strand=2 \\
                      --reason "钢种记错"
                """
        )

        @Argument(help: "The project key.")
        var key: String
        @Argument(help: "The trial number: 3 or T3.")
        var number: String
        @Option(help: "Why (required; recorded in the history).")
        var reason: String
        @Option(help: "Apply only if the trial is still at this version.")
        var ifVersion: String?
        @Option(help: "The lever.")
        var lever: String?
        @Option(help: "The hypothesis.")
        var hypothesis: String?
        @Option(name: .customLong("param"), help: "Replaces all parameters: name=value with unit; may repeat.")
        var parameters: [String] = []
        @Option(
            name: .customLong("cond"),
            help: "Replaces all conditions: name=text, e.g. grade=Q235B; may repeat.")
        var conditions: [String] = []
        @Option(parsing: .unconditional, help: "Slabs inspected.")
        var inspected: String?
        @Option(parsing: .unconditional, help: "Slabs defective.")
        var defective: String?
        @Option(help: "The first day, YYYY-MM-DD.")
        var from: String?
        @Option(help: "The last day, YYYY-MM-DD.")
        var to: String?
        @Option(name: .customLong("heat"), help: "Replaces all heat numbers; may repeat.")
        var heats: [String] = []
        @Option(help: "Notes.")
        var note: String?
        @Option(help: "The conclusion.")
        var conclusion: String?
        @OptionGroup var actor: ActorOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let number = try Input.number(number, field: "trial")
            let correction = TrialCorrection(
                lever: lever, hypothesis: hypothesis,
                startedOn: try from.map { try Input.date($0, field: "--from") },
                endedOn: try to.map { try Input.date($0, field: "--to") },
                parameters: parameters.isEmpty
                    ? nil : try parameters.map { try TrialParameter.parse($0, field: "--param") },
                inspected: try inspected.map { try Input.count($0, field: "--inspected") },
                defective: try defective.map { try Input.count($0, field: "--defective") },
                heats: heats.isEmpty ? nil : heats, note: note, conclusion: conclusion)
            let conditions =
                conditions.isEmpty ? nil : try conditions.map { try TrialCondition.parse($0, field: "--cond") }
            let expected = try ifVersion.map { try Input.number($0, field: "--if-version", trialPrefix: false) }
            try global.write(actor) { store in
                let trial = try store.correctTrial(
                    key, number, with: correction, conditions: conditions, expectedVersion: expected, reason: reason,
                    by: actor.resolved)
                return "corrected \(trial.label) of \(key) (now version \(trial.version)): "
                    + "\(TrialCommand.rateText(trial.outcome))\n"
            }
        }
    }
}
