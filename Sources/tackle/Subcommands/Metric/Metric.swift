import ArgumentParser
import TackleDomain
import TackleReport
import TackleStore

/// `tackle metric`: the project metric's production figures.
struct MetricCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "metric",
        abstract: "Defect figures of a project's metric, per month or per day, as counts.",
        discussion: """
            Examples:
              tackle metric record SLAB-CRACK-2026 --month 2026-05 --inspected 1450 --defective 21
              tackle metric list SLAB-CRACK-2026
              tackle metric chart SLAB-CRACK-2026 --from 2026-01 --to 2026-10
            """,
        subcommands: [Record.self, Correct.self, VoidRecord.self, List.self, Chart.self, Import.self, Export.self]
    )

    /// The period named by --month or --day; exactly one must be given.
    struct Period: ParsableArguments {
        @Option(help: "The month, YYYY-MM.")
        var month: String?
        @Option(help: "The day, YYYY-MM-DD (daily figures instead of monthly).")
        var day: String?

        func resolve() throws -> (Observation.Granularity, LocalDate) {
            switch (month, day) {
            case (let month?, nil): return (.month, try Input.month(month, field: "--month").firstDay)
            case (nil, let day?): return (.day, try Input.date(day, field: "--day"))
            default:
                throw DomainError(
                    .invalidValue, field: "--month", message: "give either --month YYYY-MM or --day YYYY-MM-DD")
            }
        }
    }

    struct Record: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "record",
            abstract: "Record a month's (or a day's) production figures of the project metric.",
            discussion:
                "Example:\n  tackle metric record SLAB-CRACK-2026 --month 2026-05 --inspected 1450 --defective 21"
        )

        @Argument(help: "The project key.")
        var key: String
        @OptionGroup var period: Period
        @Option(parsing: .unconditional, help: "Slabs inspected.")
        var inspected: String
        @Option(parsing: .unconditional, help: "Slabs defective among them.")
        var defective: String
        @Option(help: "Notes.")
        var note: String = ""
        @OptionGroup var plant: PlantOptions
        @OptionGroup var actor: ActorOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let (granularity, start) = try period.resolve()
            let today = try plant.clock().date()
            guard start <= today else {
                let field = granularity == .month ? "--month" : "--day"
                let period = granularity == .month ? start.monthOfYear.description : start.description
                throw DomainError(
                    .invalidValue, field: field,
                    message:
                        "\(period) has not begun yet (today is \(today) at the plant); figures are recorded after the fact"
                )
            }
            let counts = try Input.proportion(defective: defective, inspected: inspected)
            try global.write(actor) { store in
                let observation = try store.recordObservation(
                    key, granularity: granularity, periodStart: start, counts: counts, note: note, by: actor.resolved)
                return "recorded \(observation.period) of \(key): \(TrialCommand.rateText(observation.counts))\n"
            }
        }
    }

    struct Correct: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Correct recorded figures, with a reason recorded in the history.",
            discussion: """
                Example:
                  tackle metric correct SLAB-CRACK-2026 --month 2026-05 --inspected 1450 --defective 19 \\
                      --reason "两块复判为非纵裂" --if-version 1
                """
        )

        @Argument(help: "The project key.")
        var key: String
        @OptionGroup var period: Period
        @Option(parsing: .unconditional, help: "Slabs inspected.")
        var inspected: String
        @Option(parsing: .unconditional, help: "Slabs defective among them.")
        var defective: String
        @Option(help: "Why (required; recorded in the history).")
        var reason: String
        @Option(help: "Apply only if the figures are still at this version (`metric list` shows it).")
        var ifVersion: String?
        @OptionGroup var actor: ActorOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let (granularity, start) = try period.resolve()
            let counts = try Input.proportion(defective: defective, inspected: inspected)
            let expected = try ifVersion.map { try Input.number($0, field: "--if-version", trialPrefix: false) }
            try global.write(actor) { store in
                let observation = try store.correctObservation(
                    key, granularity: granularity, periodStart: start, counts: counts, expectedVersion: expected,
                    reason: reason, by: actor.resolved)
                return "corrected \(observation.period) of \(key) (now version \(observation.version)): "
                    + "\(TrialCommand.rateText(observation.counts))\n"
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List a project's recorded figures, oldest first.",
            discussion:
                "Examples:\n  tackle metric list SLAB-CRACK-2026 --json\n  tackle metric list SLAB-CRACK-2026 --all")

        @Argument(help: "The project key.")
        var key: String
        @Flag(help: "Also list voided figures, marked VOID with their reason.")
        var all = false
        @OptionGroup var format: JSONFlag
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let observations = try global.withStore { store in try store.observations(of: key, includeVoided: all) }
            if format.json { return try Output.json(observations) }
            Output.text(Self.table(observations))
        }

        static func table(_ observations: [Observation]) -> String {
            var table = TextTable(columns: [
                .init("PERIOD"), .init("DEFECTIVE/INSPECTED", alignment: .right), .init("RATE", alignment: .right),
                .init("95% CI", alignment: .right), .init("VERSION", alignment: .right), .init("NOTE", maxWidth: 40),
            ])
            for observation in observations {
                let interval = observation.counts.wilsonInterval()
                table.append([
                    observation.period, observation.counts.description,
                    observation.counts.rate.map { Format.percent($0) } ?? "-",
                    interval.map { "\(Format.percent($0.lowerBound))-\(Format.percent($0.upperBound))" } ?? "-",
                    String(observation.version),
                    observation.voidReason.map {
                        "VOID: \($0)" + (observation.note.isEmpty ? "" : "; \(observation.note)")
                    }
                        ?? observation.note,
                ])
            }
            return table.render()
        }
    }
}
