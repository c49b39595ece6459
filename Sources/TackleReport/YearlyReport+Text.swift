import TackleDomain

extension YearlyReport {
    /// The most terminal columns a line takes when the content allows it.
    static let lineWidth = 100

    /// The year summed up as text, in Chinese or English, for the awards meeting and the
    /// target letters.
    ///
    /// First the projects by yearly rank: rank, key, average score, months ranked, times called
    /// in, then one narrow column per month. The month cells show `score/rank` when the whole
    /// grid fits 100 columns that way, and the score alone otherwise (a full year), with `*`
    /// after a month called in, `-` for a month listed but not ranked, and nothing for a month
    /// not listed. Then a legend with each project's title, unit and leader (titles wrap), then
    /// the units by yearly rank. Columns are laid out by terminal width, so they line up with
    /// Chinese text; no line has trailing spaces, and the text ends with a newline.
    ///
    /// - Parameter language: Chinese or English.
    /// - Returns: The rendered summary.
    public func renderText(language: Language = .en) -> String {
        let words = Words(language: language)
        let zh = words.isChinese
        var lines = [titleLine(zh)]
        guard let last = months.last else {
            lines.append(zh ? "\(year) 年尚无已结束的月份，无可汇总的得分" : "no month of \(year) has ended; nothing to sum up")
            return MonthlyReport.joined(lines)
        }
        if last.month < 12 {
            lines.append(zh ? "全年尚未结束：汇总至 \(last)" : "the year has not ended: summed up to \(last)")
        }
        lines.append(
            zh
                ? "各月得分按当月评分细则；平均分为参加排名月份得分的平均；年度排名按平均分，同分同名次"
                : "monthly scores by each month's rubric; average over the months ranked; equal averages share a rank")
        lines.append("")
        guard !projects.isEmpty else {
            lines.append(zh ? "\(year) 年无列入考核的攻关项目" : "no project was listed in \(year)")
            return MonthlyReport.joined(lines)
        }
        lines.append(zh ? "项目年度排名：" : "Projects by yearly rank:")
        lines += projectLines(words)
        lines.append("")
        lines.append(zh ? "项目一览：" : "Projects:")
        lines += legendLines(words)
        lines.append("")
        lines.append(zh ? "单位年度排名（作业区、科室、党支部）：" : "Units by yearly rank (work areas, sections, party branches):")
        lines += unitLines(words)
        return MonthlyReport.joined(lines)
    }

    /// `攻关项目年度考核汇总 2026（1-11 月）` / `tackle yearly assessment 2026 (months 2026-01..2026-11)`.
    private func titleLine(_ zh: Bool) -> String {
        guard let first = months.first, let last = months.last else {
            return zh ? "攻关项目年度考核汇总 \(year)（尚无已结束的月份）" : "tackle yearly assessment \(year) (no month ended yet)"
        }
        if first == last {
            return zh ? "攻关项目年度考核汇总 \(year)（\(first.month) 月）" : "tackle yearly assessment \(year) (month \(first))"
        }
        return zh
            ? "攻关项目年度考核汇总 \(year)（\(first.month)-\(last.month) 月）"
            : "tackle yearly assessment \(year) (months \(first)..\(last))"
    }

    /// The projects' grid with its footnotes: `score/rank` cells when they fit, scores alone otherwise.
    private func projectLines(_ words: Words) -> [String] {
        let zh = words.isChinese
        var showsRank = true
        var grid = MonthlyReport.tableLines(projectTable(showsRank: true, words))
        if grid.contains(where: { TextWidth.columns(of: $0) > Self.lineWidth }) {
            showsRank = false
            grid = MonthlyReport.tableLines(projectTable(showsRank: false, words))
        }
        let notes =
            zh
            ? [
                (showsRank ? "各月为“得分/当月排名”" : "各月为得分") + "，* 为当月末位约谈",
                "- 当月不参加排名（暂停、拟立项或已结项）；空白：当月未列入（尚未立项或此前已结项）",
                "月数：参加排名的月数；约谈：被约谈的次数",
            ]
            : [
                (showsRank ? "months show score/rank" : "months show the score") + ", * when called in for a talk",
                "- not ranked that month (on hold, proposed or closed); blank: not listed that month",
                "RANKED: months ranked; CALLED: times called in for a talk",
            ]
        return grid + notes.flatMap { MonthlyReport.wrapped($0, indent: "  ") }
    }

    /// Rank, key, average, months ranked, times called in, then the months as one block of
    /// narrow cells, each followed by its call-in mark or a space, so twelve fit beside the key.
    private func projectTable(showsRank: Bool, _ words: Words) -> TextTable {
        let zh = words.isChinese
        let texts = projects.map { project in
            project.months.map { month -> String in
                guard month.status != nil else { return "" }
                guard let score = month.score else { return "-" }
                return showsRank ? "\(score)/\(month.rank.map(String.init) ?? "-")" : String(score)
            }
        }
        let cellWidth = max(2, texts.joined().map { $0.count }.max() ?? 0)
        // A full year packs its cells, the mark (or a space) the only gap; `score/rank` cells get one more.
        let gap = showsRank ? " " : ""
        let header = months.map { TextWidth.pad(String($0.description.suffix(2)), to: cellWidth, alignment: .right) }
            .joined(separator: " " + gap)
        let blocks = zip(projects, texts).map { project, texts in
            var block = zip(project.months, texts).map { month, text in
                TextWidth.pad(text, to: cellWidth, alignment: .right) + (month.calledIn ? "*" : " ")
            }
            .joined(separator: gap)
            while block.last == " " { block.removeLast() }
            return block
        }

        let ranks = projects.map { $0.rank.map(String.init) ?? "-" }
        let averages = projects.map { $0.averageScore.map { Format.number($0, decimals: 1) } ?? "-" }
        let ranked = projects.map { String($0.monthsRanked) }
        let calledIn = projects.map { String($0.timesCalledIn) }
        let headers =
            zh ? ["排名", "项目", "平均分", "月数", "约谈"] : ["RANK", "PROJECT", "AVG", "RANKED", "CALLED"]
        let others = [ranks, averages, ranked, calledIn].enumerated().map { index, cells in
            Self.width(header: headers[[0, 2, 3, 4][index]], cells: cells)
        }
        let fixed = others.reduce(0, +) + Self.width(header: header, cells: blocks) + 2 * 5
        var table = TextTable(columns: [
            .init(headers[0], alignment: .right),
            .init(headers[1], maxWidth: max(Self.lineWidth - fixed, 10), wraps: true),
            .init(headers[2], alignment: .right),
            .init(headers[3], alignment: .right),
            .init(headers[4], alignment: .right),
            .init(header),
        ])
        for index in projects.indices {
            table.append([
                ranks[index], projects[index].key, averages[index], ranked[index], calledIn[index], blocks[index],
            ])
        }
        return table
    }

    /// Each project's title, unit and leader; titles wrap in the room the other columns leave.
    private func legendLines(_ words: Words) -> [String] {
        let zh = words.isChinese
        let headers = zh ? ["项目", "名称", "单位", "负责人"] : ["PROJECT", "TITLE", "UNIT", "LEADER"]
        let leaders = projects.map { MonthlyReport.oneLine($0.leaderName) }
        let fixed =
            Self.width(header: headers[0], cells: projects.map(\.key))
            + Self.width(header: headers[2], cells: projects.map(\.unitCode))
            + min(Self.width(header: headers[3], cells: leaders), 10) + 2 * 3
        var table = TextTable(columns: [
            .init(headers[0]),
            .init(headers[1], maxWidth: max(Self.lineWidth - fixed, 16), wraps: true),
            .init(headers[2]),
            .init(headers[3], maxWidth: 10, wraps: true),
        ])
        for (project, leader) in zip(projects, leaders) {
            table.append([project.key, MonthlyReport.oneLine(project.title), project.unitCode, leader])
        }
        return MonthlyReport.tableLines(table)
    }

    /// The units by yearly rank, with a footnote on how their average is taken.
    private func unitLines(_ words: Words) -> [String] {
        let zh = words.isChinese
        var table = TextTable(columns: [
            .init(zh ? "排名" : "RANK", alignment: .right),
            .init(zh ? "单位" : "UNIT"),
            .init(zh ? "项目数" : "PROJECTS", alignment: .right),
            .init(zh ? "平均分" : "AVG", alignment: .right),
            .init(zh ? "月次" : "RANKED", alignment: .right),
            .init(zh ? "约谈" : "CALLED", alignment: .right),
        ])
        for unit in units {
            table.append([
                unit.rank.map(String.init) ?? "-",
                unit.unitCode,
                String(unit.projects),
                unit.averageScore.map { Format.number($0, decimals: 1) } ?? "-",
                String(unit.monthsRanked),
                String(unit.timesCalledIn),
            ])
        }
        let notes =
            zh
            ? ["平均分：本单位各项目参加排名各月得分的平均", "月次：各项目参加排名的月数之和；约谈：各项目被约谈次数之和"]
            : [
                "AVG: the mean of its projects' scores over all their ranked months",
                "RANKED: its projects' ranked months in all; CALLED: times its projects were called in",
            ]
        return MonthlyReport.tableLines(table) + notes.flatMap { MonthlyReport.wrapped($0, indent: "  ") }
    }

    /// The terminal columns a column takes: its widest cell or its header.
    private static func width(header: String, cells: [String]) -> Int {
        ([header] + cells).map { TextWidth.columns(of: $0) }.max() ?? 0
    }
}
