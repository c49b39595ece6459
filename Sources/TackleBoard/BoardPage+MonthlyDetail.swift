import TackleDomain
import TackleReport

/// The parts of the monthly sheet after the posting: the plant's figures and a section per project.
extension BoardPage {
    /// The plant's month: projects by status and judgement, who is behind, and the figures per metric.
    static func summary(_ html: inout HTML, _ report: MonthlyReport, _ words: Words) {
        let summary = report.summary
        html.open("section", ["class": "detail", "id": "plant"])
        html.element("h2", text: words.say("全厂汇总 \(report.month)", "Plant summary \(report.month)"))
        let statuses = ProjectStatus.allCases.filter { summary.byStatus[$0] > 0 }
            .map {
                words.say("\(words.status($0)) \(summary.byStatus[$0])", "\(summary.byStatus[$0]) \(words.status($0))")
            }
        let judgements = MonthlyReport.Judgement.allCases.filter { summary.byJudgement[$0] > 0 }
            .map {
                words.say(
                    "\(words.judgement($0)) \(summary.byJudgement[$0])",
                    "\(summary.byJudgement[$0]) \(words.judgement($0))")
            }
        let separator = words.say("、", ", ")
        html.element(
            "p",
            text: words.say(
                "项目 \(summary.projectCount) 个（\(statuses.joined(separator: separator))）；"
                    + judgements.joined(separator: separator),
                "\(summary.projectCount) projects (\(statuses.joined(separator: separator))); "
                    + judgements.joined(separator: separator)))
        html.element(
            "p",
            text: words.say(
                "滞后：\(words.list(summary.behind))；有风险：\(words.list(summary.atRisk))",
                "Behind (off track): \(words.list(summary.behind)); at risk: \(words.list(summary.atRisk))"))
        startTable(
            &html, caption: words.say("各指标本月数据", "The month's figures per metric"),
            headers: [
                words.say("指标", "Metric"), words.say("项目数", "Projects"), words.say("报送数据", "With figures"),
                words.say("本月合计", "Month in all"), words.say("本月结束试验", "Trials ended"),
                words.say("试验合计", "Trial outcomes"),
            ], numeric: [1, 2, 3, 4, 5])
        for metric in summary.metrics {
            html.open("tr")
            html.element("th", ["scope": "row"], text: oneLine(metric.metricName))
            number(&html, String(metric.projects))
            number(&html, String(metric.withFigures))
            let figures = metric.figures
            number(
                &html, metric.withFigures == 0 ? "-" : counts(figures.defective, figures.inspected, rate: figures.rate))
            number(&html, String(metric.trials))
            let outcomes = metric.trialOutcomes
            number(
                &html, metric.trials == 0 ? "-" : counts(outcomes.defective, outcomes.inspected, rate: outcomes.rate))
            html.close("tr")
        }
        endTable(&html)
        html.close("section")
    }

    /// One project's section: its facts, judgement, score parts, six months, trials and milestones.
    static func detail(
        _ html: inout HTML, _ project: MonthlyReport.ProjectEntry, _ report: MonthlyReport, _ words: Words
    ) {
        html.open("section", ["class": "detail", "id": "p-" + project.key])
        html.element("h2") { heading in
            heading.element("span", ["class": "key"], text: project.key)
            heading.text(" " + oneLine(project.title))
        }
        html.open("dl", ["class": "facts"])
        fact(&html, words.say("负责人", "Leader"), "\(oneLine(project.leaderName)) (\(project.leaderNo))")
        fact(&html, words.say("单位", "Unit"), project.unitCode)
        fact(
            &html, words.say("状态", "Status"),
            words.say(
                "\(words.status(project.status))，\(project.openedOn) 开始，\(project.dueOn) 到期（\(words.due(project))）",
                "\(words.status(project.status)), opened \(project.openedOn), due \(project.dueOn) (\(words.due(project)))"
            ))
        fact(&html, words.say("指标", "Metric"), oneLine(project.metricName))
        let baseline = project.baseline
        fact(
            &html, words.say("基准", "Baseline"),
            counts(baseline.defective, baseline.inspected, rate: baseline.rate) + " (\(project.baselinePeriod))"
                + (project.baselineChanged ? words.say("（基准本月已调整）", " (baseline changed this month)") : ""))
        fact(&html, words.say("目标", "Target"), Format.percent(project.targetRate))
        let none = words.say("无数据", "no figures")
        fact(
            &html, "\(report.month)",
            project.monthFigures.map { figures in
                counts(figures.defective, figures.inspected, rate: figures.rate)
                    + (figures.interval.map {
                        " (95% CI \(Format.number($0.lower * 100, decimals: 2))-\(Format.percent($0.upper)))"
                    } ?? "")
            } ?? none)
        fact(
            &html, "\(report.month.previous)",
            project.previousMonthFigures.map { counts($0.defective, $0.inspected, rate: $0.rate) } ?? none)
        if let gap = project.gapClosed {
            let share = Format.percent(gap, decimals: 0)
            let plan = Format.percent(project.expectedGapClosed, decimals: 0)
            fact(
                &html, words.say("差距缩小", "Gap closed"), words.say("\(share)（计划 \(plan)）", "\(share) (expected \(plan))")
            )
        }
        html.close("dl")

        html.element("p") { line in
            line.text(words.say("评价：", "Judgement: "))
            judgement(&line, project.judgement, words)
            if let rank = project.rank {
                let of = report.summary.rankedCount
                line.text(words.say("，排名 \(rank)/\(of)", ", rank \(rank) of \(of)"))
            }
            if !project.reasons.isEmpty {
                line.text(" — " + project.reasons.map(words.finding).joined(separator: words.say("；", "; ")))
            }
        }
        if let score = project.score {
            startTable(
                &html,
                caption: words.say(
                    "得分 \(score.total)（评分细则第 \(score.rubricVersion) 版）",
                    "Score \(score.total) (rubric version \(score.rubricVersion))"),
                headers: [words.say("项目", "Part"), words.say("得分", "Points"), words.say("依据", "Why")], numeric: [1])
            for part in score.parts {
                html.open("tr")
                html.element("th", ["scope": "row"], text: words.part(part.part))
                number(&html, "\(part.points)/\(part.maximum)")
                cell(&html, words.finding(part.finding))
                html.close("tr")
            }
            endTable(&html)
        }
        if let months = project.recentMonths {
            startTable(
                &html, caption: words.say("近六月缺陷率", "The last six months"),
                headers: [
                    words.say("月份", "Month"), words.say("缺陷/检验", "Defective/inspected"), words.say("缺陷率", "Rate"),
                ],
                numeric: [1, 2])
            for month in months {
                html.open("tr")
                html.element("th", ["scope": "row"], text: month.month.description)
                number(&html, month.inspected.map { "\(month.defective ?? 0)/\($0)" } ?? none)
                number(&html, month.rate.map { Format.percent($0) } ?? "-")
                html.close("tr")
            }
            endTable(&html)
        }
        trials(&html, project.trials, report.month, words)
        milestones(&html, project.milestones, report.month, words)
        html.close("section")
    }

    /// A term and its value in a `<dl>`.
    static func fact(_ html: inout HTML, _ term: String, _ value: String) {
        html.element("dt", text: term)
        html.element("dd", text: value)
    }

    /// The trials that ended in the month, one row each, with their verdicts.
    private static func trials(_ html: inout HTML, _ trials: [MonthlyReport.TrialEntry], _ month: Month, _ words: Words)
    {
        guard !trials.isEmpty else {
            html.element("p", text: words.say("本月结束的试验：无", "Trials ended in \(month): none"))
            return
        }
        startTable(
            &html, caption: words.say("本月结束的试验", "Trials ended in \(month)"),
            headers: [
                words.say("试验", "Trial"), words.say("措施", "Lever"), words.say("参数", "Parameters"),
                words.say("结果", "Outcome"), words.say("缺陷率 (95% CI)", "Rate (95% CI)"), words.say("结论", "Verdict"),
                "Fisher p", words.say("Holm 校正 p", "Holm p"),
            ], numeric: [3, 4, 6, 7])
        for trial in trials {
            html.open("tr")
            html.element("th", ["scope": "row"], text: trial.label)
            cell(&html, oneLine(trial.lever))
            cell(
                &html,
                (trial.parameters.map(\.description) + trial.conditions.map(\.description)).joined(separator: " "))
            number(&html, "\(trial.outcome.defective)/\(trial.outcome.inspected)")
            number(&html, rateWithInterval(trial.outcome.rate, trial.outcome.interval.map { $0.lower...$0.upper }))
            html.element("td") { verdict(&$0, trial.verdict, words) }
            number(&html, Format.pValue(trial.fisherPValue))
            number(&html, trial.comparisons > 1 ? Format.pValue(trial.adjustedPValue) : "-")
            html.close("tr")
        }
        endTable(&html)
    }

    /// The milestones due in the month, then the project's milestones summed up.
    private static func milestones(
        _ html: inout HTML, _ milestones: MonthlyReport.MilestoneProgress, _ month: Month, _ words: Words
    ) {
        if milestones.dueInMonth.isEmpty {
            html.element("p", text: words.say("本月到期节点：无", "Milestones due in \(month): none"))
        } else {
            startTable(
                &html, caption: words.say("本月到期节点", "Milestones due in \(month)"),
                headers: [
                    "#", words.say("节点", "Milestone"), words.say("到期", "Due"), words.say("状态", "State"),
                    words.say("完成", "Done"), words.say("负责人", "Owner"),
                ], numeric: [0])
            for milestone in milestones.dueInMonth {
                html.open("tr")
                number(&html, String(milestone.number))
                html.element("th", ["scope": "row"], text: oneLine(milestone.title))
                cell(&html, milestone.dueOn.description)
                html.element("td") { milestoneState(&$0, milestone.state, words) }
                cell(&html, milestone.doneOn?.description ?? "-")
                cell(&html, milestone.ownerName.map(oneLine) ?? "-")
                html.close("tr")
            }
            endTable(&html)
        }
        guard milestones.total > 0 else {
            html.element("p", text: words.say("节点：未计划", "Milestones: none planned"))
            return
        }
        var progress = words.say(
            "节点：完成 \(milestones.done)/\(milestones.total)", "Milestones: \(milestones.done)/\(milestones.total) done")
        if !milestones.overdue.isEmpty {
            let numbers = words.numbers(milestones.overdue)
            progress += words.say(
                "，逾期 \(milestones.overdue.count) 个（\(numbers)）", ", \(milestones.overdue.count) overdue (\(numbers))")
        }
        if let next = milestones.next {
            progress += words.say(
                "；下一个：#\(next.number) \(oneLine(next.title))，\(next.dueOn) 到期",
                "; next: #\(next.number) \(oneLine(next.title)) due \(next.dueOn)")
            if next.state == .overdue { progress += words.say("（已逾期）", " (overdue)") }
        }
        html.element("p", text: progress)
    }
}
