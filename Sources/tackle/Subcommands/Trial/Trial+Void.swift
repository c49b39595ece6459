import ArgumentParser
import TackleDomain
import TackleStore

extension TrialCommand {
    /// `tackle trial void`: a trial entered by mistake.
    struct VoidRecord: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "void",
            abstract: "Void a trial entered by mistake, with a reason; it stays listed and counts nowhere.",
            discussion: """
                A voided trial is kept, marked with the reason (`trial list --all`, `trial show`, `history`), and \
                counts in no statistic, report or published sheet. It keeps its number. Voiding twice is refused.

                Example:
                  tackle trial void SLAB-CRACK-2026 T4 --reason "试验坯号录入错误"
                """
        )

        @Argument(help: "The project key.")
        var key: String
        @Argument(help: "The trial: T4 or 4.")
        var trial: String
        @Option(help: "Why (required; recorded in the history).")
        var reason: String
        @OptionGroup var actor: ActorOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let number = try Input.number(trial, field: "trial")
            try global.write(actor) { store in
                _ = try store.voidTrial(key, number, reason: reason, by: actor.resolved)
                return "voided T\(number) of \(key)\n"
            }
        }
    }
}
