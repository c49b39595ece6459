import TackleDomain
import TackleReport

extension BoardPage {
    /// The month's sheet (月度考核公示): the posting part, then the plant's figures per metric and a
    /// section per project.
    ///
    /// The posting part (`<section class="posting">`) holds the ranking with each score and its
    /// parts, a six-month sparkline per project and the judgement; the project of the month (the
    /// best score, all of them when tied); the projects called in with why; the follow-up of last
    /// month's talks; and the projects not ranked, each with its sparkline too. It prints on one A4
    /// landscape page for up to 20 ranked projects. The plant summary and each project's details
    /// follow in `<section class="detail">`s, each starting a printed page.
    ///
    /// - Parameters:
    ///   - report: The month's report.
    ///   - language: Chinese (the posting's language) or English.
    /// - Returns: The page.
    public static func monthly(_ report: MonthlyReport, language: Language = .zh) -> String {
        let words = Words(language: language)
        let title = words.say("攻关项目月度考核公示 \(report.month)", "tackle monthly assessment \(report.month)")
        return BoardDocument.render(title: title, language: language, capacity: 6_000 + report.projects.count * 5_000) {
            html in
            html.open("section", ["class": "posting"])
            html.element("h1", text: title)
            html.element("p", ["class": "meta"], text: metaLine(report, words))
            if !report.isMonthComplete {
                html.element(
                    "p", ["class": "meta"],
                    text: words.say(
                        "截至 \(report.asOf)，本月尚未结束，数据不完整", "as of \(report.asOf), month incomplete"))
            }
            if report.projects.isEmpty {
                html.element(
                    "p", text: words.say("\(report.month) 无进行中的攻关项目", "no projects active in \(report.month)"))
                html.close("section")
                return
            }
            ranking(&html, report, words)
            // Two columns under the ranking, so that the posting stays on one printed page.
            html.open("div", ["class": "columns"])
            html.open("div")
            best(&html, report, words)
            calledIn(&html, report, words)
            html.close("div")
            html.open("div")
            followUp(&html, report, words)
            unranked(&html, report, words)
            html.close("div")
            html.close("div")
            html.close("section")
            summary(&html, report, words)
            for project in report.projects {
                detail(&html, project, report, words)
            }
        }
    }

    /// `数据截至 2026-10-31；评分细则第 1 版（自 2000-01 起）：指标进度 50、…；末位约谈 3 个`.
    private static func metaLine(_ report: MonthlyReport, _ words: Words) -> String {
        let rubric = report.rubric
        let parts = ScorePart.Part.allCases.map { "\(words.part($0)) \(rubric.points(for: $0))" }
        return words.isChinese
            ? "数据截至 \(report.asOf)；评分细则第 \(rubric.version) 版（自 \(rubric.effectiveFrom) 起）："
                + "\(parts.joined(separator: "、"))；末位约谈 \(rubric.calledIn) 个"
            : "as of \(report.asOf); rubric version \(rubric.version) (from \(rubric.effectiveFrom)): "
                + "\(parts.joined(separator: ", ")); \(rubric.calledIn) lowest called in"
    }

    /// The ranking: one row per ranked project, score parts in columns of their own.
    private static func ranking(_ html: inout HTML, _ report: MonthlyReport, _ words: Words) {
        let ranked = report.projects.filter { $0.rank != nil }
        html.element("h2", text: words.say("本月排名", "Ranking"))
        guard !ranked.isEmpty else {
            html.element("p", text: words.say("本月无参加排名的项目", "no project is ranked this month"))
            return
        }
        let parts = ScorePart.Part.allCases
        let headers =
            [words.say("排名", "Rank"), words.say("项目", "Project"), words.say("负责人", "Leader"), words.say("得分", "Score")]
            + parts.map { words.part($0) }
            + [
                words.say("近六月", "Trend"), words.say("评价", "Judgement"), words.say("约谈", "Called in"),
                words.say("备注", "Note"),
            ]
        startTable(
            &html,
            caption: words.say(
                "\(report.month) 排名（\(ranked.count) 个项目参加排名，同分同名次）",
                "\(report.month) ranking (\(ranked.count) projects ranked; equal scores share a rank)"),
            headers: headers, numeric: Set([0, 3] + parts.indices.map { $0 + 4 }), className: "ranking")
        for project in ranked {
            html.open("tr", project.calledIn ? ["class": "called"] : [:])
            number(&html, project.rank.map(String.init) ?? "-")
            html.element("th", ["scope": "row"]) { cell in
                cell.element("a", ["class": "key", "href": "#p-" + project.key], text: project.key)
                cell.text(" " + oneLine(project.title))
            }
            cell(&html, oneLine(project.leaderName))
            number(&html, project.score.map { String($0.total) } ?? "-")
            for part in parts {
                let earned = project.score?.parts.first { $0.part == part }
                number(&html, earned.map { "\($0.points)/\($0.maximum)" } ?? "-")
            }
            trendCell(&html, project, words)
            html.element("td") { judgement(&$0, project.judgement, words) }
            cell(&html, project.calledIn ? words.say("是", "yes") : "")
            cell(&html, project.monthFigures == nil ? words.say("本月数据未报", "figures missing") : "")
            html.close("tr")
        }
        endTable(&html)
    }

    /// The cell with a project's sparkline, empty for a report made before the trend was kept.
    private static func trendCell(_ html: inout HTML, _ project: MonthlyReport.ProjectEntry, _ words: Words) {
        html.element("td") { cell in
            guard let months = project.recentMonths else { return }
            Chart.sparkline(
                into: &cell, months: months, baseline: project.baseline.rate, key: project.key, words: words)
        }
    }

    /// The project of the month: the best score; every project that shares it.
    private static func best(_ html: inout HTML, _ report: MonthlyReport, _ words: Words) {
        let best = report.projects.filter { $0.rank == 1 }
        guard !best.isEmpty else { return }
        html.element("h2", text: words.say("本月最佳项目", "Project of the month"))
        for project in best {
            html.element("p", ["class": "best"]) { line in
                line.element("span", ["class": "key"], text: project.key)
                let score = project.score.map { String($0.total) } ?? "-"
                line.text(
                    words.say(
                        " \(oneLine(project.title))，负责人 \(oneLine(project.leaderName))，得分 \(score)，",
                        " \(oneLine(project.title)), led by \(oneLine(project.leaderName)), score \(score), "))
                judgement(&line, project.judgement, words)
            }
        }
    }

    /// The projects called in for a talk and why, or why nobody is.
    private static func calledIn(_ html: inout HTML, _ report: MonthlyReport, _ words: Words) {
        html.element("h2", text: words.say("末位约谈", "Called in for a talk"))
        guard !report.calledIn.isEmpty else {
            let why: String
            if report.rubric.calledIn == 0 {
                why = words.say("评分细则不约谈", "the rubric calls nobody in")
            } else if report.summary.rankedCount <= report.rubric.calledIn {
                why = words.say(
                    "参加排名的项目不足 \(report.rubric.calledIn + 1) 个",
                    "fewer than \(report.rubric.calledIn + 1) projects ranked")
            } else {
                why = words.say("得分末位的项目均为正常", "the lowest-scoring projects are on track")
            }
            html.element("p", text: words.say("无（\(why)）", "none (\(why))"))
            return
        }
        html.open("ul")
        for called in report.calledIn {
            html.element("li") { item in
                item.element("span", ["class": "key"], text: called.key)
                let reasons = called.reasons.map(words.finding).joined(separator: words.say("；", "; "))
                item.text(
                    words.say(
                        " \(oneLine(called.title)) — \(oneLine(called.leaderName))：得分 \(called.score)：\(reasons)",
                        " \(oneLine(called.title)) — \(oneLine(called.leaderName)): score \(called.score): \(reasons)"))
            }
        }
        html.close("ul")
    }

    /// Last month's talks: held or not, the actions agreed, the score since.
    private static func followUp(_ html: inout HTML, _ report: MonthlyReport, _ words: Words) {
        guard !report.followUp.isEmpty else { return }
        let previous = report.month.previous
        html.element("h2", text: words.say("上月约谈跟踪（\(previous)）", "Follow-up of the talks for \(previous)"))
        html.open("ul")
        for item in report.followUp {
            html.element("li") { line in
                line.element("span", ["class": "key"], text: item.key)
                let talk =
                    item.talk.map {
                        words.say(
                            "\($0.heldOn) 由\(oneLine($0.heldByName))约谈",
                            "talk held \($0.heldOn) by \(oneLine($0.heldByName))")
                    } ?? words.say("尚未约谈", "no talk recorded")
                var change = words.say("本月未参加排名", "not ranked this month")
                if let score = item.score, let delta = item.scoreChange {
                    let signed = delta > 0 ? "+\(delta)" : "\(delta)"
                    let verdict = delta > 0 ? words.say("上升", "rose") : words.say("未上升", "did not rise")
                    change = words.say(
                        "得分 \(item.previousScore) → \(score)（\(signed)，\(verdict)）",
                        "score \(item.previousScore) → \(score) (\(signed), \(verdict))")
                }
                line.text(
                    words.say(
                        " \(oneLine(item.title))：\(talk)；\(change)", " \(oneLine(item.title)): \(talk); \(change)"))
                let actions = item.talk?.actions ?? []
                if !actions.isEmpty {
                    line.element("ol") { list in
                        for action in actions { list.element("li", text: oneLine(action)) }
                    }
                }
            }
        }
        html.close("ul")
    }

    /// The projects listed without a rank, with their sparklines.
    private static func unranked(_ html: inout HTML, _ report: MonthlyReport, _ words: Words) {
        let unranked = report.projects.filter { $0.rank == nil }
        guard !unranked.isEmpty else { return }
        html.element("h2", text: words.say("不参加排名的项目", "Not ranked"))
        startTable(
            &html, caption: words.say("月末暂停、拟立项或已结项的项目", "Projects on hold, proposed or closed at the month's end"),
            headers: [
                words.say("项目", "Project"), words.say("负责人", "Leader"), words.say("状态", "Status"),
                words.say("近六月", "Trend"), words.say("说明", "Note"),
            ])
        for project in unranked {
            html.open("tr")
            html.element("th", ["scope": "row"]) { cell in
                cell.element("a", ["class": "key", "href": "#p-" + project.key], text: project.key)
                cell.text(" " + oneLine(project.title))
            }
            cell(&html, oneLine(project.leaderName))
            cell(&html, words.status(project.status))
            trendCell(&html, project, words)
            cell(&html, project.reasons.map(words.finding).joined(separator: words.say("；", "; ")))
            html.close("tr")
        }
        endTable(&html)
    }
}
