import TackleDomain
import TackleReport

extension BoardPage {
    /// The year summed up (年度考核汇总): the months × projects heat map of scores, then the projects
    /// by yearly rank with their averages, months ranked and times called in, then the units
    /// (work areas, sections, party branches) by yearly rank.
    ///
    /// - Parameters:
    ///   - report: The year.
    ///   - language: Chinese or English.
    /// - Returns: The page.
    public static func yearly(_ report: YearlyReport, language: Language = .zh) -> String {
        let words = Words(language: language)
        let title = yearTitle(report, words)
        return BoardDocument.render(title: title, language: language, capacity: 8_000 + report.projects.count * 2_500) {
            html in
            html.open("section", ["class": "posting"])
            html.element("h1", text: title)
            guard let last = report.months.last else {
                html.element(
                    "p",
                    text: words.say(
                        "\(report.year) 年尚无已结束的月份，无可汇总的得分", "no month of \(report.year) has ended; nothing to sum up"))
                html.close("section")
                return
            }
            if last.month < 12 {
                html.element(
                    "p", ["class": "meta"],
                    text: words.say("全年尚未结束：汇总至 \(last)", "the year has not ended: summed up to \(last)"))
            }
            html.element(
                "p", ["class": "meta"],
                text: words.say(
                    "各月得分按当月评分细则；平均分为参加排名月份得分的平均；年度排名按平均分，同分同名次",
                    "monthly scores by each month's rubric; average over the months ranked; equal averages share a rank"
                ))
            guard !report.projects.isEmpty else {
                html.element(
                    "p", text: words.say("\(report.year) 年无列入考核的攻关项目", "no project was listed in \(report.year)"))
                html.close("section")
                return
            }
            html.element("h2", text: words.say("各月得分", "Scores by month"))
            Chart.heatmap(into: &html, report, words: words)
            html.element(
                "p", ["class": "legend"],
                text: words.say(
                    "格内为当月得分，颜色越深得分越高；* 及粗框：当月末位约谈；-（虚线框）：当月不参加排名；空白：当月未列入",
                    "each cell is the month's score, darker for higher; * and a heavy border: called in that month; "
                        + "- (dashed): not ranked that month; blank: not listed that month"))
            projects(&html, report, words)
            units(&html, report, words)
            html.close("section")
        }
    }

    /// `攻关项目年度考核汇总 2026（1-11 月）`.
    private static func yearTitle(_ report: YearlyReport, _ words: Words) -> String {
        guard let first = report.months.first, let last = report.months.last else {
            return words.say("攻关项目年度考核汇总 \(report.year)", "tackle yearly assessment \(report.year)")
        }
        if first == last {
            return words.say(
                "攻关项目年度考核汇总 \(report.year)（\(first.month) 月）",
                "tackle yearly assessment \(report.year) (month \(first))")
        }
        return words.say(
            "攻关项目年度考核汇总 \(report.year)（\(first.month)-\(last.month) 月）",
            "tackle yearly assessment \(report.year) (months \(first)..\(last))")
    }

    /// The projects by yearly rank.
    private static func projects(_ html: inout HTML, _ report: YearlyReport, _ words: Words) {
        html.element("h2", text: words.say("项目年度排名", "Projects by yearly rank"))
        startTable(
            &html, caption: words.say("\(report.year) 年项目年度排名", "Projects by yearly rank, \(report.year)"),
            headers: [
                words.say("排名", "Rank"), words.say("项目", "Project"), words.say("单位", "Unit"),
                words.say("负责人", "Leader"), words.say("平均分", "Average"), words.say("排名月数", "Months ranked"),
                words.say("约谈次数", "Times called in"),
            ], numeric: [0, 4, 5, 6])
        for project in report.projects {
            html.open("tr")
            number(&html, project.rank.map(String.init) ?? "-")
            html.element("th", ["scope": "row"]) { cell in
                cell.element("span", ["class": "key"], text: project.key)
                cell.text(" " + oneLine(project.title))
            }
            cell(&html, project.unitCode)
            cell(&html, oneLine(project.leaderName))
            number(&html, project.averageScore.map { Format.number($0, decimals: 1) } ?? "-")
            number(&html, String(project.monthsRanked))
            number(&html, String(project.timesCalledIn))
            html.close("tr")
        }
        endTable(&html)
    }

    /// The units by yearly rank.
    private static func units(_ html: inout HTML, _ report: YearlyReport, _ words: Words) {
        html.element(
            "h2", text: words.say("单位年度排名（作业区、科室、党支部）", "Units by yearly rank (work areas, sections, party branches)"))
        startTable(
            &html, caption: words.say("\(report.year) 年单位年度排名", "Units by yearly rank, \(report.year)"),
            headers: [
                words.say("排名", "Rank"), words.say("单位", "Unit"), words.say("项目数", "Projects"),
                words.say("平均分", "Average"), words.say("月次", "Months ranked"), words.say("约谈", "Times called in"),
            ], numeric: [0, 2, 3, 4, 5])
        for unit in report.units {
            html.open("tr")
            number(&html, unit.rank.map(String.init) ?? "-")
            html.element("th", ["scope": "row"], text: unit.unitCode)
            number(&html, String(unit.projects))
            number(&html, unit.averageScore.map { Format.number($0, decimals: 1) } ?? "-")
            number(&html, String(unit.monthsRanked))
            number(&html, String(unit.timesCalledIn))
            html.close("tr")
        }
        endTable(&html)
        html.element(
            "p", ["class": "note"],
            text: words.say(
                "平均分：本单位各项目参加排名各月得分的平均；月次：各项目参加排名的月数之和；约谈：各项目被约谈次数之和",
                "Average: the mean of its projects' scores over all their ranked months; months ranked: its projects' "
                    + "ranked months in all; times called in: of all its projects"))
    }
}
