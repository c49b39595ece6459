import ArgumentParser
import TackleBoard
import TackleDomain
import TackleReport
import TackleStore

extension ReportCommand {
    struct Yearly: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the year's monthly scores summed up per project and per unit, for awards and targets.",
            discussion: """
                For the year's awards (评优评先) and next year's target letters (目标责任书): every project \
                listed in a month of the year with its score and rank in each month, its average score over \
                the months it was ranked, the months ranked and the times called in for a talk, ranked by \
                average (equal averages share a rank); then the same per sponsoring unit (work area, section, \
                party branch), averaged over all its projects' ranked months. Each month counts as its monthly \
                report scored it (`tackle report monthly`). A past year covers January to December; the \
                current year covers the months that have ended at the plant; a future year is refused.

                Examples:
                  tackle report yearly                        # this year so far, plant time
                  tackle report yearly --year 2026 --lang zh
                  tackle report yearly --year 2026 --format json | jq '.units'
                  tackle report yearly --year 2026 --format html > 2026.html   # with a heat map of the scores
                """
        )

        @Option(help: "The year, YYYY (default: the plant's current year).")
        var year: String?
        @Option(help: "text (aligned for people), json (for programs) or html (one self-contained page).")
        var format: String = "text"
        @OptionGroup var language: LanguageOption
        @OptionGroup var plant: PlantOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let format = try PageFormat.parse(format)
            let language = try language.language()
            let clock = try plant.clock()
            let today = clock.date()
            let year = try year.map(Self.year) ?? today.year
            guard year <= today.year else {
                throw DomainError(
                    .invalidValue, field: "--year",
                    message: "\(year) has not begun yet (today is \(today) at the plant); a future year has no scores")
            }
            // The months that have ended: all twelve of a past year, the ones before this month of this one.
            let last = year < today.year ? 12 : today.month - 1
            let months = try (0..<last).map { offset in try Month(year: year, month: offset + 1) }
            let reports = try global.withStore { store in
                try months.map { month in
                    MonthlyReport(
                        facts: try store.monthlyReportFacts(for: month, timeZone: clock.timeZone, withFollowUp: false))
                }
            }
            let report = YearlyReport(year: year, monthlyReports: reports)
            switch format {
            case .text: Output.text(report.renderText(language: language))
            case .json: try Output.json(report)
            case .html: Output.text(BoardPage.yearly(report, language: language))
            }
        }

        /// Reads `YYYY`.
        private static func year(_ text: String) throws(DomainError) -> Int {
            let trimmed = text.trimmingSpacesAndTabs
            guard trimmed.count == 4, trimmed.allSatisfy(\.isASCIIDigit), let year = Int(trimmed), year >= 1 else {
                throw DomainError(.invalidFormat, field: "--year", message: "'\(text)' is not a year; write YYYY")
            }
            return year
        }
    }
}
