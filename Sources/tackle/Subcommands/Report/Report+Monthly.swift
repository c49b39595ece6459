import ArgumentParser
import TackleBoard
import TackleDomain
import TackleReport
import TackleStore

extension ReportCommand {
    struct Monthly: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the monthly status and assessment of every project: scores, ranking, who is called in.",
            discussion: """
                Every project active at the month's end is scored by the rubric in effect (`tackle assessment \
                rubric show`) and ranked by score; equal scores share a rank. The rubric's lowest-ranked projects \
                that are not on track are called in for a talk (末位约谈), and last month's talks are followed \
                up. On-hold, proposed and closed projects are listed without a rank. Only data dated up to the \
                end of the month counts, so any past month prints the same again; a month still running is \
                printed as of today and marked incomplete; a future month is refused.

                Examples:
                  tackle report monthly                      # the last complete month, plant time
                  tackle report monthly --month 2026-10 --lang zh
                  tackle report monthly --month 2026-05 --project SLAB-CRACK-2026
                  tackle report monthly --month 2026-05 --format json | jq '.called_in'
                  tackle report monthly --month 2026-10 --format html > 2026-10.html   # the sheet to post
                """
        )

        @Option(help: "The month, YYYY-MM (default: the last complete month in the plant's time zone).")
        var month: String?
        @Option(help: "Only this project's section (the ranking and summary stay plant-wide).")
        var project: String?
        @Option(
            help: "text (aligned for people), json (for programs) or html (the sheet to post: one self-contained page)."
        )
        var format: String = "text"
        @Flag(
            name: .customLong("print-sql"),
            help: """
                Print the SQL the report reads, instead of the report: a psql script of the same statements \
                with the same parameters in the same read-only snapshot (for measuring: psql -X -f -).
                """)
        var printSQL = false
        @OptionGroup var language: LanguageOption
        @OptionGroup var plant: PlantOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            OneShotMemory.keepFreedMemory()
            let format = try PageFormat.parse(format)
            let language = try language.language()
            let clock = try plant.clock()
            let today = clock.date()
            let month = try month.map { try Input.month($0, field: "--month") } ?? clock.lastCompleteMonth()
            guard month.firstDay <= today else {
                throw DomainError(
                    .invalidValue, field: "--month",
                    message: "\(month) has not begun yet (today is \(today) at the plant); a future month has no status"
                )
            }
            if printSQL {
                Output.text(Store.monthlyReportScript(for: month, asOf: today, timeZone: clock.timeZone))
                return
            }
            var report = try global.withStore { store in
                if let project { _ = try store.project(project) }
                // The trial plans are made while the last statements run (see TrialPlans).
                let plans = TrialPlans()
                return MonthlyReport(
                    facts: try store.monthlyReportFacts(
                        for: month, asOf: today, timeZone: clock.timeZone, plans: plans),
                    plans: plans)
            }
            if let project {
                guard report.projects.contains(where: { $0.key == project }) else {
                    throw DomainError(
                        .invalidValue, field: "--project",
                        message:
                            "project \(project) was not listed in \(month) (not yet opened, or closed before)"
                    )
                }
                report.projects = report.projects.filter { $0.key == project }
            }
            switch format.reportFormat {
            case let format?: try format.write(report, language: language, to: Output.bytes)
            case nil: Output.text(BoardPage.monthly(report, language: language))
            }
        }
    }
}
