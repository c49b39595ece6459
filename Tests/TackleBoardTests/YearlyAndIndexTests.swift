import ReportFixtures
import TackleDomain
import TackleReport
import Testing

@testable import TackleBoard

/// The year's heat map and the archive's index.
@Suite("Board: yearly page and index")
struct YearlyAndIndexTests {
    typealias F = ReportFixture

    @Test("the heat map has a cell per ranked project-month, heavy where called in")
    func heatmap() throws {
        let april = F.report([
            F.project("A-1"), F.project("B-1", month: F.counts(70, of: 1500)), F.project("C-1", month: nil),
            F.project("D-1", month: F.counts(80, of: 1500)), F.project("E-1", status: .onHold, month: nil),
        ])
        var may = F.report([F.project("A-1"), F.project("B-1")])
        may.month = try Month.parse("2026-06")
        let year = YearlyReport(year: 2026, monthlyReports: [april, may])
        let scored = year.projects.map { $0.months.count { $0.score != nil } }.reduce(0, +)
        let calledIn = year.projects.map { $0.months.count(where: \.calledIn) }.reduce(0, +)
        try #require(calledIn > 0)
        let html = BoardPage.yearly(year, language: .zh)
        let markup = PageMarkup(html: html)
        let heatmap = try #require(markup.charts("heatmap").first)
        #expect(markup.charts.count == 1)
        #expect(heatmap.declaredPoints == scored)
        #expect(heatmap.marks == scored)
        #expect(markup.count("stroke-width=\"2.5\"") == calledIn)
        #expect(html.contains("<h2>单位年度排名（作业区、科室、党支部）</h2>"))
        #expect(BoardPage.yearly(year, language: .en).contains("<h2>Units by yearly rank"))
    }

    @Test("the index links the latest sheet and every revision, and links only plain file names")
    func index() throws {
        let october = try Month.parse("2026-10")
        let september = try Month.parse("2026-09")
        let html = BoardPage.index(
            [
                .init(month: september, revision: 1, publishedAt: "2026-10-01 08:00 +08:00", files: ["2026-09.html"]),
                .init(month: october, revision: 1, publishedAt: "2026-11-01 08:00 +08:00", files: ["2026-10.html"]),
                .init(
                    month: october, revision: 2, publishedAt: "2026-11-03 09:30 +08:00",
                    files: ["2026-10-r2.html", "https://example.com/x", "../secret", "a b.html"]),
            ], latest: october, language: .zh)
        #expect(html.contains("最新公示：2026-10（第 2 版） <a href=\"2026-10-r2.html\">2026-10-r2.html</a>"))
        #expect(html.contains("<a href=\"2026-09.html\">"))
        #expect(!html.contains("href=\"https"))
        #expect(!html.contains("href=\"../"))
        #expect(!html.contains("href=\"a b"))
        #expect(html.contains("<span>https://example.com/x</span>"))
        let rows = html.split(separator: "<th scope=\"row\">").dropFirst().map { $0.prefix(7) }
        #expect(rows == ["2026-10", "2026-10", "2026-09"], "newest first")

        let none = BoardPage.index([], latest: nil, language: .en)
        #expect(none.contains("no month published yet"))
    }
}
