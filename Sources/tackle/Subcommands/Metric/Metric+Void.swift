import ArgumentParser
import TackleDomain
import TackleStore

extension MetricCommand {
    /// `tackle metric void`: figures entered by mistake.
    struct VoidRecord: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "void",
            abstract: "Void figures entered by mistake (误录), with a reason; they stay listed and count nowhere.",
            discussion: """
                Voided figures are kept, marked with the reason (`metric list --all`, `history`), and count in no \
                statistic, report or published sheet. The period can then be recorded again. Voiding twice is refused.

                Examples:
                  tackle metric void SLAB-CRACK-2026 --month 2027-05 --reason "误录"
                  tackle metric void SLAB-CRACK-2026 --day 2026-10-14 --reason "重复录入"
                """
        )

        @Argument(help: "The project key.")
        var key: String
        @OptionGroup var period: Period
        @Option(help: "Why (required; recorded in the history).")
        var reason: String
        @OptionGroup var actor: ActorOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let (granularity, start) = try period.resolve()
            try global.write(actor) { store in
                let observation = try store.voidObservation(
                    key, granularity: granularity, periodStart: start, reason: reason, by: actor.resolved)
                return "voided the figures for \(observation.period) of \(key) (\(observation.counts))\n"
            }
        }
    }
}
