import ReportFixtures
import TackleDomain
import TackleReport
import Testing

@testable import TackleBoard

/// The monthly sheet rendered from hand-made report values.
@Suite("Board: monthly sheet")
struct MonthlySheetTests {
    typealias F = ReportFixture

    /// Five ranked projects (so the lowest are called in), one on hold, a hostile title, six
    /// months of figures for one project with a gap.
    static let report: MonthlyReport = {
        let months = (0..<6).map { offset -> ProjectFacts.MonthFigures in
            let month = F.month.adding(months: offset - 5)
            return ProjectFacts.MonthFigures(
                month: month, counts: offset == 2 ? nil : F.counts(30 - offset * 3, of: 1400))
        }
        var trending = F.project("TREND-2026", month: F.counts(15, of: 1400), previousMonth: F.counts(18, of: 1400))
        trending.recentMonths = months
        return F.report([
            trending,
            F.project("SLAB-CRACK-2026", title: #"<script>alert("x")</script> & 'q'"#),
            F.project("BEHIND-1", month: F.counts(60, of: 1500)),
            F.project("BEHIND-2", month: F.counts(70, of: 1500)),
            F.project("MISSING", month: nil),
            F.project("PAUSED", status: .onHold, month: nil),
        ])
    }()

    @Test("a document in the language asked for, Chinese headings in Chinese, no URL and no script")
    func document() {
        let zh = BoardPage.monthly(Self.report, language: .zh)
        #expect(zh.hasPrefix("<!doctype html>\n<html lang=\"zh-Hans\"><head><meta charset=\"utf-8\">"))
        for heading in ["<h2>本月排名</h2>", "<h2>本月最佳项目</h2>", "<h2>末位约谈</h2>", "<h2>不参加排名的项目</h2>"] {
            #expect(zh.contains(heading), "\(heading)")
        }
        let en = BoardPage.monthly(Self.report, language: .en)
        #expect(en.hasPrefix("<!doctype html>\n<html lang=\"en\">"))
        #expect(en.contains("<h2>Ranking</h2>"))
        for page in [zh, en] {
            #expect(!page.contains("http:") && !page.contains("https:"))
            #expect(!page.contains("<script"))
            #expect(page.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;"))
            #expect(page == BoardPage.monthly(Self.report, language: page == zh ? .zh : .en), "same values, same page")
        }
    }

    @Test("one sparkline per project, plotting exactly its months with a rate")
    func sparklines() throws {
        let page = PageMarkup(html: BoardPage.monthly(Self.report, language: .zh))
        let sparklines = page.charts("sparkline")
        #expect(sparklines.count == Self.report.projects.count)
        for project in Self.report.projects {
            let chart = try #require(sparklines.first { $0.title.hasPrefix(project.key + " ") })
            let rates = (project.recentMonths ?? []).count { $0.rate != nil }
            #expect(chart.declaredPoints == rates, "\(project.key)")
            #expect(chart.marks == rates, "\(project.key)")
        }
        let trend = try #require(sparklines.first { $0.title.hasPrefix("TREND-2026 ") })
        #expect(trend.declaredPoints == 5, "six months, one of them without figures")
    }

    @Test("the posting part: the ranked rows, the best project, who is called in; then a section per project")
    func posting() throws {
        let html = BoardPage.monthly(Self.report, language: .en)
        let parts = html.split(separator: "<section class=\"detail\"", omittingEmptySubsequences: false)
        #expect(parts.count == Self.report.projects.count + 2, "the plant, then one per project")
        let posting = PageMarkup(html: String(parts[0]))
        #expect(posting.count("<section class=\"posting\">") == 1)
        let ranked = Self.report.projects.filter { $0.rank != nil }
        #expect(posting.count("<tr") == ranked.count + 1 + 2, "ranking rows, the not-ranked row, two header rows")
        try #require(!Self.report.calledIn.isEmpty)
        #expect(posting.count("<tr class=\"called\">") == Self.report.calledIn.count)
        for called in Self.report.calledIn {
            #expect(posting.html.contains("<li><span class=\"key\">\(called.key)</span>"))
        }
        let best = Self.report.projects.filter { $0.rank == 1 }
        #expect(posting.count("<p class=\"best\">") == best.count)
        // Judgements by word and border, never colour alone.
        for project in Self.report.projects {
            #expect(html.contains("<span class=\"judgement j-\(project.judgement.rawValue)\">"))
        }
    }

    @Test("a month without projects says so")
    func empty() {
        let html = BoardPage.monthly(F.report([]), language: .zh)
        #expect(html.contains("2026-05 无进行中的攻关项目"))
        #expect(PageMarkup(html: html).charts.isEmpty)
    }
}
