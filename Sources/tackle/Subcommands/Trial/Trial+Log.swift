import ArgumentParser
import TackleDomain
import TackleStore

extension TrialCommand {
    struct Log: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Log a trial result; prints its number, its rate and how it compares with the baseline.",
            discussion: """
                Parameters are name=value with a unit (--param may repeat). The trial gets the project's \
                next number (T1, T2, ...). The comparison uses Fisher's exact test against the project's \
                baseline counts: better, no detectable change, or worse.

                Example:
                  tackle trial log SLAB-CRACK-2026 --lever "secondary cooling" \\
                      --param specific_water=0.62L/kg --param casting_speed=1.2m/min \\
                      --inspected 320 --defective 3 --from 2026-05-01 --to 2026-05-10 --note "二冷水比水量下调"
                """
        )

        @Argument(help: "The project key.")
        var key: String
        @Option(help: "The lever (措施) pulled, e.g. \"secondary cooling\" or \"soft reduction\".")
        var lever: String
        @Option(help: "What the trial is expected to show.")
        var hypothesis: String = ""
        @Option(
            name: .customLong("param"),
            help: "A parameter tried: name=value with its unit, e.g. specific_water=0.62L/kg.")
        var parameters: [String] = []
        @Option(parsing: .unconditional, help: "Slabs inspected.")
        var inspected: String
        @Option(parsing: .unconditional, help: "Slabs defective among them.")
        var defective: String
        @Option(help: "The first day of the trial, YYYY-MM-DD.")
        var from: String
        @Option(help: "The last day of the trial, YYYY-MM-DD (default: the first day).")
        var to: String?
        @Option(name: .customLong("heat"), help: "A heat number (炉号) of the trial; may repeat.")
        var heats: [String] = []
        @Option(help: "Notes.")
        var note: String = ""
        @Option(help: "The conclusion drawn.")
        var conclusion: String = ""
        @OptionGroup var format: JSONFlag
        @OptionGroup var actor: ActorOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let outcome = try Input.proportion(defective: defective, inspected: inspected)
            let started = try Input.date(from, field: "--from")
            let trial = try NewTrial(
                lever: lever, hypothesis: hypothesis, startedOn: started,
                endedOn: try to.map { try Input.date($0, field: "--to") } ?? started,
                parameters: try parameters.map { try TrialParameter.parse($0, field: "--param") },
                outcome: outcome, heats: heats, note: note, conclusion: conclusion)
            let (logged, project) = try global.withStore { store in
                let logged = try store.logTrial(trial, in: key, by: actor.resolved)
                return (logged, try store.project(key))
            }
            if format.json {
                return try Output.json(
                    Result(
                        trial: logged,
                        comparison: Statistics.compare(trial: logged.outcome, baseline: project.metric.baseline)))
            }
            Output.text(
                "logged \(logged.label) of \(key): \(logged.lever)\n"
                    + TrialCommand.summary(logged, baseline: project.metric.baseline))
        }
    }
}
