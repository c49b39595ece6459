import ArgumentParser
import TackleDomain
import TackleStore

extension MetricCommand {
    /// `tackle metric export`: recorded figures as CSV, in the format `metric import` reads.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Write recorded figures to stdout as CSV, in the format `metric import` reads.",
            discussion: """
                Writes the header project,date,inspected,defective,note (daily figures) or \
                project,month,inspected,defective,note (monthly figures), then one line per figure, \
                ordered by project key and period. Voided figures are not written. Importing the output \
                into a database with the same projects and no figures and exporting again gives the same \
                bytes.

                --from and --to take a day (YYYY-MM-DD) or a month (YYYY-MM, from its first or to its last \
                day); a month's figures are written when the month overlaps the range. Without --daily or \
                --monthly, the kind the selection has is written (daily when it has none); a selection \
                with both needs one of them.

                Examples:
                  tackle metric export > figures.csv
                  tackle metric export --project SLAB-CRACK-2026 --from 2026-01-01 --to 2026-10-31 --daily
                  tackle metric export --monthly | tackle metric import - --database "$OTHER" --reason "迁移"
                """
        )

        @Option(help: ArgumentHelp("Only this project's figures.", valueName: "key"))
        var project: String?
        @Option(help: "Figures from this day or month on (YYYY-MM-DD or YYYY-MM).")
        var from: String?
        @Option(help: "Figures up to this day or month (YYYY-MM-DD or YYYY-MM).")
        var to: String?
        @Flag(help: "Daily figures.")
        var daily = false
        @Flag(help: "Monthly figures.")
        var monthly = false
        @OptionGroup var global: GlobalOptions

        func validate() throws {
            if daily && monthly {
                throw ValidationError("give --daily or --monthly, not both")
            }
        }

        func run() throws {
            let selection = Store.FigureSelection(
                projectKey: project, from: try from.map { try Self.day($0, field: "--from", last: false) },
                to: try to.map { try Self.day($0, field: "--to", last: true) },
                granularity: daily ? .day : monthly ? .month : nil)
            if let start = selection.from, let end = selection.to, start > end {
                throw DomainError(.invalidValue, field: "--to", message: "\(end) is before --from \(start)")
            }
            _ = try global.withBulkStore { store in
                try store.exportFigures(selection) { try BulkOutput.write($0) }
            }
        }

        /// A day, or a month's first (`last` false) or last day.
        static func day(_ text: String, field: String, last: Bool) throws -> LocalDate {
            if text.count == 7 {
                let month = try Input.month(text, field: field)
                return last ? month.lastDay : month.firstDay
            }
            return try Input.date(text, field: field)
        }
    }
}
