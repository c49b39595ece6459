import ArgumentParser
import TackleDomain
import TackleReport
import TackleStore

extension TrialCommand {
    struct Log: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "log",
            abstract: "Log a trial result; prints its number, its rate and how it compares with the baseline.",
            discussion: """
                Parameters are the settings tried, name=value with a unit (--param may repeat); conditions \
                are what the trial ran on, name=text (--cond may repeat): grade, strand, section, mould flux. \
                Names start with a letter of any script (比水量), then letters, digits or _, at most 40; \
                each name is given once. Values use a decimal point (1.1, not 1,1). Units are stored in one \
                spelling: ℃, °c, oC, degC -> °C; l/kg -> L/kg; M/min -> m/min; MM -> mm; mm/M -> mm/m.

                The trial gets the project's next number (T1, T2, ...). The comparison uses Fisher's exact \
                test against the project's baseline counts: better, no detectable change, or worse.

                Examples:
                  tackle trial log SLAB-CRACK-2026 --lever "secondary cooling" \\
                      --param specific_water=0.62L/kg --param casting_speed=1.2m/min \\
                      --inspected 320 --defective 3 --from 2026-05-01 --to 2026-05-10 \\
                      --note "二冷水比水量下调"
                  tackle trial log SLAB-CRACK-2026 --lever "二冷水" --param 比水量=0.62L/kg \\
                      --cond grade=Q345B --cond strand=2 --cond section=230x1600 \\
                      --inspected 320 --defective 3 --from 2026-05-01
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
            help:
                "A parameter tried: name=value with its unit, e.g. specific_water=0.62L/kg or 比水量=0.62L/kg; may repeat."
        )
        var parameters: [String] = []
        @Option(
            name: .customLong("cond"),
            help: "A condition the trial ran on: name=text, e.g. grade=Q345B, strand=2, section=230x1600; may repeat.")
        var conditions: [String] = []
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
        @OptionGroup var plant: PlantOptions
        @OptionGroup var actor: ActorOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let outcome = try Input.proportion(defective: defective, inspected: inspected)
            // A trial is logged after it ran: neither of its days may be after today at the plant.
            let today = try plant.clock().date()
            let started = try Input.dayUpToToday(from, field: "--from", today: today)
            let trial = try NewTrial(
                lever: lever, hypothesis: hypothesis, startedOn: started,
                endedOn: try to.map { try Input.dayUpToToday($0, field: "--to", today: today) } ?? started,
                parameters: try parameters.map { try TrialParameter.parse($0, field: "--param") },
                conditions: try conditions.map { try TrialCondition.parse($0, field: "--cond") }, outcome: outcome,
                heats: heats, note: note, conclusion: conclusion)
            try global.write(actor) { store in
                // One round trip: the trial, its project and the project's trials so far, this one included.
                let logged = try store.logTrialWithProject(trial, in: key, by: actor.resolved)
                let comparison = TrialCommand.comparison(
                    of: logged.trial, among: logged.trials, metric: logged.project.metric)
                if format.json { return try JSONDocument.encode(Result(trial: logged.trial, comparison: comparison)) }
                return "logged \(logged.trial.label) of \(key): \(logged.trial.lever)\n"
                    + TrialCommand.summary(comparison)
            }
        }
    }
}
