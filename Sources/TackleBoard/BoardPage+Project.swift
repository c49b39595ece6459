import TackleDomain
import TackleReport

extension BoardPage {
    /// A project's page for a month: the header (leader, members, unit, dates, status, baseline,
    /// target), the p-chart of the rate with its limits, baseline, target, glide path and trial
    /// periods, the forest plot and table of the trials against the baseline, the trials pooled by
    /// each parameter, the milestones as a timeline with late and overdue ones marked, and the
    /// latest changes.
    ///
    /// - Parameters:
    ///   - page: The page's values, from the store (`Store.projectPage`).
    ///   - language: Chinese or English.
    ///   - clock: The plant's clock, to show the changes' times on it.
    /// - Returns: The page.
    public static func project(_ page: ProjectPage, language: Language = .zh, clock: PlantClock) -> String {
        let words = Words(language: language)
        let project = page.project
        let title = "\(project.key) \(oneLine(project.title))"
        return BoardDocument.render(title: title, language: language, capacity: 40_000 + page.trials.count * 2_000) {
            html in
            html.open("section", ["class": "part", "id": "project"])
            html.element("h1") { heading in
                heading.element("span", ["class": "key"], text: project.key)
                heading.text(" " + oneLine(project.title))
            }
            html.element(
                "p", ["class": "meta"],
                text: words.say(
                    "攻关项目页 \(page.month)（数据截至 \(page.asOf)）", "project page \(page.month) (as of \(page.asOf))"))
            header(&html, page, words)
            html.close("section")
            html.open("section", ["class": "part", "id": "chart"])
            html.element("h2", text: words.say("缺陷率控制图", "Defect rate control chart"))
            Chart.pchart(into: &html, page.chart, project: project, words: words)
            html.element(
                "p", ["class": "legend"],
                text: words.say(
                    "粗实线：基准（中心线）；短虚线：3σ 控制限；点划线：目标；长虚线：计划路径；灰色带：试验期；"
                        + "空心点：当月缺陷率；实心点：异常信号（超出控制限或连续 \(ControlChart.runRule) 个月在中心线同侧）；点线：状态变更",
                    "heavy line: baseline (centre line); short dashes: 3-sigma limits; dash-dot: target; long dashes: "
                        + "glide path; grey bands: trial periods; hollow dots: the month's rate; filled dots: signals "
                        + "(outside the limits, or \(ControlChart.runRule) months in a row on one side); dotted: status changes"
                ))
            html.close("section")
            trials(&html, page, words)
            pooled(&html, page, words)
            milestones(&html, page, words)
            history(&html, page, words, clock: clock)
        }
    }

    /// The project's facts and people.
    private static func header(_ html: inout HTML, _ page: ProjectPage, _ words: Words) {
        let project = page.project
        let metric = project.metric
        html.open("dl", ["class": "facts"])
        let selection =
            project.leaderSelection == .open ? words.say("揭榜挂帅", "open selection") : words.say("指定", "appointed")
        fact(
            &html, words.say("负责人", "Leader"),
            "\(oneLine(project.leaderName)) (\(project.leaderNo))" + words.say("，", ", ") + selection)
        let current = page.members.filter { $0.leftOn == nil }
        let former = page.members.filter { $0.leftOn != nil }
        var people = current.map { "\(oneLine($0.name))（\(role($0.role, words))）" }.joined(
            separator: words.say("、", ", "))
        if !former.isEmpty {
            people +=
                words.say("；已退出：", "; former: ")
                + former.map { "\(oneLine($0.name))（\($0.leftOn.map(\.description) ?? "")）" }
                .joined(separator: words.say("、", ", "))
        }
        fact(&html, words.say("成员", "Members"), people.isEmpty ? "-" : people)
        fact(&html, words.say("单位", "Unit"), project.unitCode)
        fact(
            &html, words.say("日期", "Dates"),
            words.say(
                "\(project.openedOn) 开始，\(project.dueOn) 到期", "opened \(project.openedOn), due \(project.dueOn)"))
        fact(
            &html, words.say("状态", "Status"),
            words.status(project.status) + (project.closedOn.map { " \($0)" } ?? ""))
        fact(&html, words.say("指标", "Metric"), oneLine(metric.name))
        fact(
            &html, words.say("基准", "Baseline"),
            counts(metric.baseline.defective, metric.baseline.inspected, rate: metric.baseline.rate)
                + " (\(metric.baselinePeriod))")
        fact(&html, words.say("目标", "Target"), Format.percent(metric.targetRate))
        if !project.problem.isEmpty {
            fact(&html, words.say("问题", "Problem"), project.problem)
        }
        html.close("dl")
    }

    /// A member's role in words.
    private static func role(_ role: MemberRole, _ words: Words) -> String {
        switch role {
        case .leader: words.say("负责人", "leader")
        case .deputy: words.say("副组长", "deputy")
        case .member: words.say("成员", "member")
        case .advisor: words.say("顾问", "advisor")
        }
    }

    /// The forest plot and the table of the trials.
    private static func trials(_ html: inout HTML, _ page: ProjectPage, _ words: Words) {
        html.open("section", ["class": "part", "id": "trials"])
        html.element("h2", text: words.say("试验与基准对比", "Trials against the baseline"))
        guard !page.trials.isEmpty else {
            html.element("p", text: words.say("截至 \(page.asOf) 无试验", "no trial ended by \(page.asOf)"))
            html.close("section")
            return
        }
        Chart.forest(into: &html, page.trials, project: page.project, words: words)
        html.element(
            "p", ["class": "legend"],
            text: words.say(
                "灰色带：基准的 95% 置信区间；横线：试验缺陷率的 95% Wilson 区间；实心圆：改善；空心圆：无显著变化；"
                    + "空心方块：变差。结论依据 Fisher 精确检验，p 值按本项目 \(page.trials.count) 项试验做 Holm 校正（α = 0.05）",
                "grey band: the baseline's 95% interval; bars: each trial's 95% Wilson interval; filled dot: better; "
                    + "hollow dot: no detectable change; hollow square: worse. Verdicts from Fisher's exact test, p "
                    + "adjusted by Holm over the project's \(page.trials.count) trials (α = 0.05)"))
        startTable(
            &html, caption: words.say("试验明细", "The trials"),
            headers: [
                words.say("试验", "Trial"), words.say("措施", "Lever"), words.say("日期", "Dates"),
                words.say("参数与条件", "Parameters and conditions"), words.say("结果", "Outcome"),
                words.say("缺陷率 (95% CI)", "Rate (95% CI)"), words.say("降低（百分点，95% CI）", "Drop (points, 95% CI)"),
                "Fisher p", words.say("Holm 校正 p", "Holm p"), words.say("结论", "Verdict"),
                words.say("试验结论", "Conclusion"),
            ], numeric: [4, 5, 6, 7, 8])
        for judged in page.trials {
            let trial = judged.trial
            let comparison = judged.comparison
            html.open("tr")
            html.element("th", ["scope": "row"], text: trial.label)
            cell(&html, oneLine(trial.lever))
            cell(&html, "\(trial.startedOn)..\(trial.endedOn)")
            cell(
                &html,
                (trial.parameters.map(\.description) + trial.conditions.map(\.description)).joined(separator: " "))
            number(&html, "\(trial.outcome.defective)/\(trial.outcome.inspected)")
            number(&html, rateWithInterval(comparison.trialRate, comparison.trialInterval))
            number(&html, difference(comparison))
            number(&html, Format.pValue(comparison.fisherPValue))
            number(&html, Format.pValue(comparison.adjustedPValue))
            html.element("td") { verdict(&$0, comparison.verdict, words) }
            cell(&html, trial.conclusion)
            html.close("tr")
        }
        endTable(&html)
        html.close("section")
    }

    /// `+0.95 (+0.12 to +1.80)`: the baseline's rate minus the trial's, in points.
    static func difference(_ comparison: Comparison) -> String {
        guard let difference = comparison.difference else { return "-" }
        guard let interval = comparison.differenceInterval else { return Format.points(difference) }
        return
            "\(Format.points(difference)) (\(Format.points(interval.lowerBound)) ~ \(Format.points(interval.upperBound)))"
    }
}
