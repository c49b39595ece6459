import ArgumentParser
import TackleDomain
import TackleReport
import TackleStore

extension ReportCommand {
    struct Monthly: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the monthly status of every project active in a month, ranked.",
            discussion: """
                For each project: status, days left or overdue, the month's defect rate with its 95% Wilson \
                interval, the previous month, baseline and target, the share of the gap closed, the month's \
                trials, milestones, and a judgement (on track / at risk / off track; the README states the \
                rule). Then a plant summary with the bottom three. Only data dated up to the end of the month \
                counts, so any past month can be printed again.

                Examples:
                  tackle report monthly                      # the last complete month, plant time
                  tackle report monthly --month 2026-05 --project SLAB-CRACK-2026
                  tackle report monthly --month 2026-05 --format json | jq '.summary'
                """
        )

        @Option(help: "The month, YYYY-MM (default: the last complete month in the plant's time zone).")
        var month: String?
        @Option(help: "Only this project's section (the ranking and summary stay plant-wide).")
        var project: String?
        @Option(help: "text (aligned for people) or json (for programs).")
        var format: String = "text"
        @OptionGroup var plant: PlantOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            guard let format = ReportFormat(rawValue: format.lowercased()) else {
                throw DomainError(
                    .invalidValue, field: "--format", message: "'\(format)' is not a format; use text or json")
            }
            let month = try month.map { try Input.month($0, field: "--month") } ?? plant.clock().lastCompleteMonth()
            var report = try global.withStore { store in
                if let project { _ = try store.project(project) }
                return MonthlyReport(facts: try store.monthlyReportFacts(for: month))
            }
            if let project {
                guard report.projects.contains(where: { $0.key == project }) else {
                    throw DomainError(
                        .invalidValue, field: "--project",
                        message:
                            "project \(project) was not active in \(month) (proposed, not yet opened, or closed before)"
                    )
                }
                report.projects = report.projects.filter { $0.key == project }
            }
            Output.text(try format.render(report))
        }
    }
}
