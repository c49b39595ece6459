import ArgumentParser
import TackleDomain
import TackleReport
import TackleScheduler
import TackleStore

extension ReportCommand {
    /// `tackle report archive`: what the scheduled job published.
    struct Archive: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The monthly reports the scheduled job published, exactly as published.",
            discussion: """
                Examples:
                  tackle report archive list
                  tackle report archive show 2026-05 --format json
                """,
            subcommands: [List.self, Show.self]
        )

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "List the published reports.",
                discussion: "Example:\n  tackle report archive list --json"
            )

            @OptionGroup var format: JSONFlag
            @OptionGroup var global: GlobalOptions

            func run() throws {
                let reports = try global.withStore { store in try store.publishedReports() }
                if format.json { return try Output.json(reports) }
                var table = TextTable(columns: [
                    .init("PERIOD"), .init("GENERATED (UTC)"), .init("INSTANCE"), .init("DATA CUT-OFF"),
                    .init("TIME ZONE"), .init("TEXT SHA-256"),
                ])
                for report in reports {
                    table.append([
                        report.period.description, report.generatedAt, report.instance, report.dataCutoff.description,
                        report.timeZone, String(report.textSHA256.prefix(16)) + "…",
                    ])
                }
                Output.text(table.render())
            }
        }

        struct Show: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Print a published report exactly as it was published.",
                discussion: "Example:\n  tackle report archive show 2026-05 --format json"
            )

            @Argument(help: "The month, YYYY-MM.")
            var month: String
            @Option(help: "text or json.")
            var format: String = "text"
            @OptionGroup var global: GlobalOptions

            func run() throws {
                guard let format = ReportFormat(rawValue: format.lowercased()) else {
                    throw DomainError(
                        .invalidValue, field: "--format", message: "'\(format)' is not a format; use text or json")
                }
                let month = try Input.month(month, field: "month")
                guard let (_, content) = try global.withStore({ store in try store.publishedReport(month) }) else {
                    throw StoreError(.notFound, field: "month", "no report for \(month) has been published")
                }
                Output.text(content.rendering(format))
            }
        }
    }
}
