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
                abstract:
                    "List every revision of the published reports; for the latest, whether the data changed since.",
                discussion: "Example:\n  tackle report archive list --json"
            )

            @OptionGroup var format: JSONFlag
            @OptionGroup var plant: PlantOptions
            @OptionGroup var global: GlobalOptions

            /// One revision with, for the latest of its month, whether the data changed since.
            struct Entry: Encodable {
                var report: PublishedReport
                var isLatest: Bool
                var dataChangedSince: Bool?

                func encode(to encoder: any Encoder) throws {
                    try report.encode(to: encoder)
                    var container = encoder.container(keyedBy: Keys.self)
                    try container.encode(isLatest, forKey: .isLatest)
                    try container.encodeIfPresent(dataChangedSince, forKey: .dataChangedSince)
                }

                enum Keys: String, CodingKey {
                    case isLatest
                    case dataChangedSince
                }
            }

            func run() throws {
                let clock = try plant.clock()
                let entries = try global.withStore { store in
                    let reports = try store.publishedReports()
                    let latest = Dictionary(reports.map { ($0.period, $0.revision) }, uniquingKeysWith: max)
                    return try reports.map { report in
                        guard latest[report.period] == report.revision else {
                            return Entry(report: report, isLatest: false, dataChangedSince: nil)
                        }
                        let now = MonthlyReport(
                            facts: try store.monthlyReportFacts(for: report.period, timeZone: clock.timeZone))
                        let changed = SHA256.hex(try ReportFormat.json.render(now)) != report.jsonSHA256
                        return Entry(report: report, isLatest: true, dataChangedSince: changed)
                    }
                }
                if format.json { return try Output.json(entries) }
                var table = TextTable(columns: [
                    .init("PERIOD"), .init("REV", alignment: .right), .init("GENERATED (UTC)"), .init("BY"),
                    .init("LANG"), .init("CALLED IN", maxWidth: 30, wraps: true), .init("DATA SINCE"),
                    .init("REASON", maxWidth: 30, wraps: true),
                ])
                for entry in entries {
                    let report = entry.report
                    table.append([
                        report.period.description, String(report.revision), report.generatedAt, report.instance,
                        report.language, report.calledIn.isEmpty ? "-" : report.calledIn.joined(separator: ", "),
                        entry.dataChangedSince.map { $0 ? "changed" : "unchanged" } ?? "-", report.reason ?? "-",
                    ])
                }
                Output.text(table.render())
            }
        }

        struct Show: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Print a published report exactly as it was published.",
                discussion:
                    "Examples:\n  tackle report archive show 2026-05 --format json\n  tackle report archive show 2026-10 --revision 1"
            )

            @Argument(help: "The month, YYYY-MM.")
            var month: String
            @Option(help: "text or json.")
            var format: String = "text"
            @Option(help: "The revision (default: the latest).")
            var revision: Int?
            @OptionGroup var global: GlobalOptions

            func run() throws {
                let format = try ReportFormat.parse(format)
                let month = try Input.month(month, field: "month")
                guard
                    let (_, content) = try global.withStore({ store in
                        try store.publishedReport(month, revision: revision)
                    })
                else {
                    throw StoreError(
                        .notFound, field: revision == nil ? "period" : "--revision",
                        "no report for \(month)\(revision.map { " revision \($0)" } ?? "") has been published")
                }
                Output.text(content.rendering(format))
            }
        }
    }
}
