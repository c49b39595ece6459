import TackleDomain

extension MonthlyReport {
    /// The report as text for the posting board (公示) and the terminal, in Chinese or English.
    ///
    /// First the posting part, which fits 100 columns even with Chinese titles (long titles and
    /// names wrap onto more lines rather than being cut): the ranking with scores, six-month
    /// trends (a sparkline per project, see ``Sparkline``) and judgements, the projects not ranked, the projects called in and why, and the follow-up of
    /// last month's talks. Then the plant summary per metric, then a section per project with its
    /// figures, score parts, trials and milestones. Columns are laid out by terminal width, so
    /// they line up with CJK text. The same report gives the same text; no line has trailing
    /// spaces, and the text ends with a newline.
    ///
    /// - Parameter language: Chinese or English.
    /// - Returns: The rendered report.
    public func renderText(language: Language = .en) -> String {
        let words = Words(language: language)
        let zh = words.isChinese
        var lines = [
            zh ? "攻关项目月度考核 \(month)（数据截至 \(asOf)）" : "tackle monthly assessment \(month) (as of \(asOf))"
        ]
        if !isMonthComplete {
            lines.append(zh ? "截至 \(asOf)，本月尚未结束，数据不完整" : "as of \(asOf), month incomplete")
        }
        lines += Self.wrapped(rubricLine(words), indent: "  ")
        lines.append("")
        guard !projects.isEmpty else {
            lines.append(zh ? "\(month) 无进行中的攻关项目" : "no projects active in \(month)")
            return Self.joined(lines)
        }
        // The posting part, the summary and each project's section are laid out independently:
        // on every core at once (a plant's thousand projects are most of the report's time).
        let parts = (0..<projects.count + 2).concurrentMap { part in
            switch part {
            case 0: postingLines(words)
            case 1: summaryLines(words)
            default: detailLines(of: projects[part - 2], words)
            }
        }
        lines += parts[0]
        lines.append("")
        lines += parts[1]
        for section in parts.dropFirst(2) {
            lines.append("")
            lines += section
        }
        return Self.joined(lines)
    }

    /// `评分细则第 1 版（自 2000-01 起）：指标进度 50 …；末位约谈 3 个`.
    private func rubricLine(_ words: Words) -> String {
        let parts = ScorePart.Part.allCases.map { "\(words.part($0)) \(rubric.points(for: $0))" }
        if words.isChinese {
            return "评分细则第 \(rubric.version) 版（自 \(rubric.effectiveFrom) 起）：\(parts.joined(separator: "、"))；"
                + "末位约谈 \(rubric.calledIn) 个"
        }
        return "rubric version \(rubric.version) (from \(rubric.effectiveFrom)): \(parts.joined(separator: ", ")); "
            + "\(rubric.calledIn) lowest called in"
    }

    /// The part that is posted: ranking, projects not ranked, called in, follow-up.
    private func postingLines(_ words: Words) -> [String] {
        let zh = words.isChinese
        var lines: [String] = []
        let ranked = projects.filter { $0.rank != nil }
        if ranked.isEmpty {
            lines.append(zh ? "本月无参加排名的项目" : "no project is ranked this month")
        } else {
            var table = TextTable(columns: [
                .init(zh ? "排名" : "RANK", alignment: .right),
                .init(zh ? "项目" : "PROJECT", maxWidth: 28, wraps: true),
                .init(zh ? "负责人" : "LEADER", maxWidth: 10, wraps: true),
                .init(zh ? "得分" : "SCORE", alignment: .right),
                .init(zh ? "近六月" : "TREND"),
                .init(zh ? "评价" : "JUDGEMENT"),
                .init(zh ? "约谈" : "CALLED IN"),
                .init(zh ? "备注" : "NOTE", maxWidth: 15, wraps: true),
            ])
            for project in ranked {
                table.append([
                    project.rank.map(String.init) ?? "-",
                    "\(project.key) \(Self.oneLine(project.title))",
                    Self.oneLine(project.leaderName),
                    project.score.map { String($0.total) } ?? "-",
                    Self.trend(of: project)?.line ?? "",
                    words.judgement(project.judgement),
                    project.calledIn ? (zh ? "是" : "yes") : "",
                    project.monthFigures == nil ? (zh ? "本月数据未报" : "figures missing") : "",
                ])
            }
            lines += Self.tableLines(table)
        }

        let unranked = projects.filter { $0.rank == nil }
        if !unranked.isEmpty {
            lines.append("")
            lines.append(zh ? "不参加排名的项目：" : "Not ranked:")
            var table = TextTable(columns: [
                .init(zh ? "项目" : "PROJECT", maxWidth: 40, wraps: true),
                .init(zh ? "负责人" : "LEADER", maxWidth: 10, wraps: true),
                .init(zh ? "状态" : "STATUS"),
                .init(zh ? "说明" : "NOTE", maxWidth: 30, wraps: true),
            ])
            for project in unranked {
                table.append([
                    "\(project.key) \(Self.oneLine(project.title))", Self.oneLine(project.leaderName),
                    words.status(project.status), project.reasons.map(words.finding).joined(separator: "; "),
                ])
            }
            lines += Self.tableLines(table)
        }

        lines.append("")
        if calledIn.isEmpty {
            let why: String
            if rubric.calledIn == 0 {
                why = zh ? "（评分细则不约谈）" : " (the rubric calls nobody in)"
            } else if summary.rankedCount <= rubric.calledIn {
                why =
                    zh
                    ? "（参加排名的项目不足 \(rubric.calledIn + 1) 个）"
                    : " (fewer than \(rubric.calledIn + 1) projects ranked)"
            } else {
                why = zh ? "（得分末位的项目均为正常）" : " (the lowest-scoring projects are on track)"
            }
            lines.append(zh ? "末位约谈：无\(why)" : "Called in for a talk: none\(why)")
        } else {
            lines.append(zh ? "末位约谈：" : "Called in for a talk:")
            for called in calledIn {
                let head = "  \(called.key) \(Self.oneLine(called.title)) — \(Self.oneLine(called.leaderName))"
                lines += Self.wrapped(head, indent: "    ")
                let why = called.reasons.map(words.finding).joined(separator: zh ? "；" : "; ")
                lines += Self.wrapped(
                    "    " + (zh ? "得分 \(called.score)：" : "score \(called.score): ") + why, indent: "    ")
            }
        }

        if !followUp.isEmpty {
            lines.append("")
            lines.append(zh ? "上月约谈跟踪（\(month.previous)）：" : "Follow-up of the talks for \(month.previous):")
            for item in followUp {
                let talk: String
                if let held = item.talk {
                    let by = Self.oneLine(held.heldByName)
                    talk = zh ? "\(held.heldOn) 由\(by)约谈" : "talk held \(held.heldOn) by \(by)"
                } else {
                    talk = zh ? "尚未约谈" : "no talk recorded"
                }
                let change: String
                if let score = item.score, let delta = item.scoreChange {
                    let signed = delta > 0 ? "+\(delta)" : "\(delta)"
                    let verdict = delta > 0 ? (zh ? "上升" : "rose") : (zh ? "未上升" : "did not rise")
                    change =
                        zh
                        ? "得分 \(item.previousScore) → \(score)（\(signed)，\(verdict)）"
                        : "score \(item.previousScore) → \(score) (\(signed), \(verdict))"
                } else {
                    change = zh ? "本月未参加排名" : "not ranked this month"
                }
                let line =
                    zh
                    ? "  \(item.key) \(Self.oneLine(item.title))：\(talk)；\(change)"
                    : "  \(item.key) \(Self.oneLine(item.title)): \(talk); \(change)"
                lines += Self.wrapped(line, indent: "    ")
                for (index, action) in (item.talk?.actions ?? []).enumerated() {
                    lines += Self.wrapped("    \(index + 1). \(Self.oneLine(action))", indent: "       ")
                }
            }
        }
        return lines
    }

    /// The plant's month in a few lines, figures per metric.
    private func summaryLines(_ words: Words) -> [String] {
        let zh = words.isChinese
        let statuses = ProjectStatus.allCases.filter { summary.byStatus[$0] > 0 }
            .map { zh ? "\(words.status($0)) \(summary.byStatus[$0])" : "\(summary.byStatus[$0]) \(words.status($0))" }
        let judgements = Judgement.allCases.filter { summary.byJudgement[$0] > 0 }
            .map {
                zh
                    ? "\(words.judgement($0)) \(summary.byJudgement[$0])"
                    : "\(summary.byJudgement[$0]) \(words.judgement($0))"
            }
        var lines: [String] = []
        if zh {
            lines.append(
                "全厂汇总：项目 \(summary.projectCount) 个（\(statuses.joined(separator: "、"))）；"
                    + judgements.joined(separator: "、"))
            lines.append("滞后：\(words.list(summary.behind))；有风险：\(words.list(summary.atRisk))")
        } else {
            let noun = summary.projectCount == 1 ? "project" : "projects"
            lines.append(
                "Plant summary: \(summary.projectCount) \(noun) (\(statuses.joined(separator: ", "))); "
                    + judgements.joined(separator: ", "))
            lines.append("Behind (off track): \(words.list(summary.behind)); at risk: \(words.list(summary.atRisk))")
        }
        for metric in summary.metrics {
            let name = Self.oneLine(metric.metricName)
            let figures = metric.figures
            let trials = metric.trialOutcomes
            let projects =
                zh
                ? "\(metric.projects) 个项目"
                : "\(metric.projects) project\(metric.projects == 1 ? "" : "s")"
            let production =
                metric.withFigures == 0
                ? (zh ? "本月无数据" : "no figures")
                : zh
                    ? "\(metric.withFigures) 个报送数据，合计 \(figures.defective)/\(figures.inspected)"
                    : "\(metric.withFigures) with figures, \(figures.defective)/\(figures.inspected) in all"
            let trialWork =
                metric.trials == 0
                ? (zh ? "本月无结束的试验" : "no trial ended")
                : zh
                    ? "本月结束试验 \(metric.trials) 次（\(trials.defective)/\(trials.inspected)）"
                    : "\(metric.trials) trial\(metric.trials == 1 ? "" : "s") ended "
                        + "(\(trials.defective)/\(trials.inspected))"
            let line =
                zh
                ? "  \(name)：\(projects)，\(production)；\(trialWork)"
                : "  \(name): \(projects), \(production); \(trialWork)"
            lines += Self.wrapped(line, indent: "    ")
        }
        return lines
    }

    /// One project's section.
    private func detailLines(of project: ProjectEntry, _ words: Words) -> [String] {
        let zh = words.isChinese
        var lines: [String] = []
        lines += Self.wrapped(
            "\(project.key)  \(Self.oneLine(project.title)) — "
                + (zh ? "负责人 " : "leader ") + "\(Self.oneLine(project.leaderName)) (\(project.leaderNo)), "
                + (zh ? "单位 " : "unit ") + project.unitCode, indent: "  ")
        lines.append(
            zh
                ? "  状态：\(words.status(project.status))，\(project.openedOn) 开始，\(project.dueOn) 到期（\(words.due(project))）"
                : "  Status: \(words.status(project.status)), opened \(project.openedOn), due \(project.dueOn) "
                    + "(\(words.due(project)))")
        lines += Self.wrapped(
            (zh ? "  指标：" : "  Metric: ") + Self.oneLine(project.metricName) + (zh ? "；基准 " : "; baseline ")
                + Self.counts(project.baseline, words) + " (\(project.baselinePeriod))"
                + (zh ? "；目标 " : "; target ") + Format.percent(project.targetRate)
                + (project.baselineChanged ? (zh ? "（基准本月已调整）" : " (baseline changed this month)") : ""),
            indent: "    ")

        let noFigures = zh ? "无数据" : "no figures"
        var figures = [
            "\(month): " + (project.monthFigures.map { Self.countsWithInterval($0, words) } ?? noFigures)
        ]
        figures.append(
            "\(month.previous): " + (project.previousMonthFigures.map { Self.counts($0, words) } ?? noFigures))
        if let gapClosed = project.gapClosed {
            let share = Format.percent(gapClosed, decimals: 0)
            let plan = Format.percent(project.expectedGapClosed, decimals: 0)
            figures.append(zh ? "差距缩小 \(share)（计划 \(plan)）" : "gap closed \(share) (expected \(plan))")
        }
        lines += Self.wrapped("  " + figures.joined(separator: "; "), indent: "    ")
        if let trend = Self.trend(of: project), let months = project.recentMonths,
            let first = months.first?.month, let last = months.last?.month
        {
            let top = Format.percent(trend.top)
            lines += Self.wrapped(
                zh
                    ? "  近六月走势 \(first)..\(last)：\(trend.line)（0 至 \(top)，即基准与最高月中的较高者；· 为无数据）"
                    : "  Trend \(first)..\(last): \(trend.line) (0 to \(top): the baseline or the highest month; "
                        + "· no figures)",
                indent: "    ")
        }

        let rank =
            project.rank.map { zh ? "，排名 \($0)/\(summary.rankedCount)" : ", rank \($0) of \(summary.rankedCount)" }
            ?? ""
        let reasons = project.reasons.isEmpty ? "" : " — " + project.reasons.map(words.finding).joined(separator: "; ")
        lines += Self.wrapped(
            (zh ? "  评价：" : "  Judgement: ") + words.judgement(project.judgement) + rank + reasons, indent: "    ")
        if let score = project.score {
            lines.append(
                zh
                    ? "  得分：\(score.total)（评分细则第 \(score.rubricVersion) 版）"
                    : "  Score: \(score.total) (rubric version \(score.rubricVersion))")
            for part in score.parts {
                let head = "    \(words.part(part.part)) \(part.points)/\(part.maximum)\(zh ? "：" : ": ")"
                lines += Self.wrapped(head + words.finding(part.finding), indent: "      ")
            }
        }

        if project.trials.isEmpty {
            lines.append(zh ? "  本月结束的试验：无" : "  Trials ended in \(month): none")
        } else {
            lines.append(zh ? "  本月结束的试验：" : "  Trials ended in \(month):")
            lines += Self.tableLines(Self.trialTable(project.trials, words)).map { "    " + $0 }
            lines += Self.verdictBasis(project.trials, words).flatMap { Self.wrapped($0, indent: "    ") }
        }

        let milestones = project.milestones
        if milestones.dueInMonth.isEmpty {
            lines.append(zh ? "  本月到期节点：无" : "  Milestones due in \(month): none")
        } else {
            lines.append(zh ? "  本月到期节点：" : "  Milestones due in \(month):")
            lines += Self.tableLines(Self.milestoneTable(milestones.dueInMonth, words)).map { "    " + $0 }
        }
        guard milestones.total > 0 else {
            lines.append(zh ? "  节点：未计划" : "  Milestones: none planned")
            return lines
        }
        var progress =
            zh
            ? "  节点：完成 \(milestones.done)/\(milestones.total)"
            : "  Milestones: \(milestones.done)/\(milestones.total) done"
        if !milestones.overdue.isEmpty {
            let numbers = words.numbers(milestones.overdue)
            progress +=
                zh
                ? "，逾期 \(milestones.overdue.count) 个（\(numbers)）" : ", \(milestones.overdue.count) overdue (\(numbers))"
        }
        if let next = milestones.next {
            progress +=
                zh
                ? "；下一个：#\(next.number) \(Self.oneLine(next.title))，\(next.dueOn) 到期"
                : "; next: #\(next.number) \(Self.oneLine(next.title)) due \(next.dueOn)"
            if next.state == .overdue { progress += zh ? "（已逾期）" : " (overdue)" }
        }
        lines += Self.wrapped(progress, indent: "    ")
        return lines
    }

    /// The milestones due in the month, one row each.
    private static func milestoneTable(_ milestones: [MilestoneEntry], _ words: Words) -> TextTable {
        let zh = words.isChinese
        var table = TextTable(columns: [
            .init("#", alignment: .right),
            .init(zh ? "节点" : "MILESTONE", maxWidth: 30, wraps: true),
            .init(zh ? "到期" : "DUE"),
            .init(zh ? "状态" : "STATE"),
            .init(zh ? "完成" : "DONE"),
            .init(zh ? "负责人" : "OWNER", maxWidth: 12, wraps: true),
        ])
        for milestone in milestones {
            table.append([
                String(milestone.number),
                milestone.title,
                milestone.dueOn.description,
                words.milestoneState(milestone.state),
                milestone.doneOn?.description ?? "-",
                milestone.ownerName ?? "-",
            ])
        }
        return table
    }

    /// The six months' rates as a sparkline on the project's own scale, from 0 to the higher of its
    /// baseline rate and its highest month, so a full block means at or above the baseline; `nil`
    /// for a report published before the trend was part of it.
    static func trend(of project: ProjectEntry) -> (line: String, top: Double)? {
        guard let months = project.recentMonths else { return nil }
        let rates = months.map(\.rate)
        let sparkline = Sparkline(scaling: rates, reference: project.baseline.rate)
        return (sparkline.render(rates), sparkline.top)
    }

    /// `1.45% (0.90-2.31%)`, or `no slabs inspected`.
    static func rateWithInterval(_ figures: Figures, _ words: Words) -> String {
        guard let rate = figures.rate else { return words.isChinese ? "无检验" : "no slabs inspected" }
        guard let interval = figures.interval else { return Format.percent(rate) }
        return "\(Format.percent(rate)) (\(Format.number(interval.lower * 100, decimals: 2))-"
            + "\(Format.percent(interval.upper)))"
    }

    /// `48/1500 = 3.20%`.
    private static func counts(_ figures: Figures, _ words: Words) -> String {
        let none = words.isChinese ? "，无检验" : ", no slabs inspected"
        let rate = figures.rate.map { " = \(Format.percent($0))" } ?? none
        return "\(figures.defective)/\(figures.inspected)\(rate)"
    }

    /// `21/1450 = 1.45% (95% CI 0.90-2.31%)`.
    private static func countsWithInterval(_ figures: Figures, _ words: Words) -> String {
        guard let interval = figures.interval else { return counts(figures, words) }
        return counts(figures, words) + " (95% CI \(Format.number(interval.lower * 100, decimals: 2))-"
            + "\(Format.percent(interval.upper)))"
    }

    /// The text on one line without spaces around it: a title with a line break or tab must not
    /// break the layout.
    static func oneLine(_ text: String) -> String {
        let scalars = text.unicodeScalars.map { scalar -> Unicode.Scalar in
            switch scalar.properties.generalCategory {
            case .control, .lineSeparator, .paragraphSeparator: " "
            default: scalar
            }
        }
        return String(String(String.UnicodeScalarView(scalars)).trimmingSpaces)
    }

    /// A long line wrapped to 100 columns, continuation lines indented.
    static func wrapped(_ line: String, indent: String, width: Int = 100) -> [String] {
        let pieces = TextWidth.wrap(line, to: width)
        guard pieces.count > 1 else { return pieces }
        let rest = String(line.dropFirst(pieces[0].count)).trimmingSpaces
        return [pieces[0]] + TextWidth.wrap(String(rest), to: width - indent.count).map { indent + $0 }
    }

    /// A rendered table as lines, without the final newline.
    static func tableLines(_ table: TextTable) -> [String] {
        table.renderLines()
    }

    /// The lines joined, each without trailing spaces and ending in a newline.
    static func joined(_ lines: [String]) -> String {
        lines.map(\.withoutTrailingSpaces).joined(separator: "\n") + "\n"
    }
}
