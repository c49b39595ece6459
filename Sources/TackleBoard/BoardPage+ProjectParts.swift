import TackleDomain
import TackleReport

/// The later parts of a project's page: the pooled comparisons, the milestones, the changes.
extension BoardPage {
    /// One table per parameter the trials record: each value's pooled trials against the baseline,
    /// and the trend across the values when it can be tested.
    static func pooled(_ html: inout HTML, _ page: ProjectPage, _ words: Words) {
        guard !page.parameters.isEmpty else { return }
        html.open("section", ["class": "part", "id": "parameters"])
        html.element("h2", text: words.say("按参数合并的试验", "The trials pooled by parameter"))
        html.element(
            "p", ["class": "note"],
            text: words.say(
                "同一参数值的试验合并后与基准比较，p 值按该参数的各行做 Holm 校正；未记录该参数的试验单列一行",
                "trials at one value pooled and compared with the baseline, p adjusted by Holm over the parameter's "
                    + "rows; trials without the parameter in a row of their own"))
        for comparison in page.parameters {
            let parameter = comparison.parameter
            startTable(
                &html, caption: words.say("按 \(parameter) 合并", "Pooled by \(parameter)"),
                headers: [
                    words.say("取值", "Value"), words.say("试验", "Trials"), words.say("结果", "Outcome"),
                    words.say("缺陷率 (95% CI)", "Rate (95% CI)"), words.say("降低（百分点，95% CI）", "Drop (points, 95% CI)"),
                    "Fisher p", words.say("Holm 校正 p", "Holm p"), words.say("结论", "Verdict"),
                ], numeric: [2, 3, 4, 5, 6])
            for group in comparison.groups {
                let pooled = group.comparison
                html.open("tr")
                html.element(
                    "th", ["scope": "row"],
                    text: group.kind == .without ? words.say("未记录 \(parameter)", "without \(parameter)") : group.label)
                cell(&html, group.trials.map { "T\($0)" }.joined(separator: " "))
                number(&html, "\(pooled.trial.defective)/\(pooled.trial.inspected)")
                number(&html, rateWithInterval(pooled.trialRate, pooled.trialInterval))
                number(&html, difference(pooled))
                number(&html, Format.pValue(pooled.fisherPValue))
                number(&html, Format.pValue(pooled.adjustedPValue))
                html.element("td") { verdict(&$0, pooled.verdict, words) }
                html.close("tr")
            }
            endTable(&html)
            if let trend = comparison.trend {
                html.element("p", ["class": "note"], text: trendLine(trend, words))
            }
        }
        html.close("section")
    }

    /// The Cochran-Armitage finding in words.
    private static func trendLine(_ trend: ParameterComparison.Trend, _ words: Words) -> String {
        guard let z = trend.z, let p = trend.pValue else {
            return words.say("趋势检验：无法检验（无缺陷或全部缺陷）", "trend: cannot be tested (no slab defective, or every slab)")
        }
        let statistics = "z = \(Format.number(z, decimals: 2)), p = \(Format.pValue(p))"
        let parameter = trend.parameter
        switch trend.direction {
        case .falls:
            return words.say("趋势检验：缺陷率随 \(parameter) 增大而下降（\(statistics)）", "trend: " + trend.description)
        case .rises:
            return words.say("趋势检验：缺陷率随 \(parameter) 增大而上升（\(statistics)）", "trend: " + trend.description)
        case .notShown, .untestable:
            return words.say("趋势检验：未显示趋势（\(statistics)）", "trend: " + trend.description)
        }
    }

    /// The milestones as a timeline: due date, title, owner, and the state in a border of its own.
    static func milestones(_ html: inout HTML, _ page: ProjectPage, _ words: Words) {
        html.open("section", ["class": "part", "id": "milestones"])
        html.element("h2", text: words.say("节点", "Milestones"))
        guard !page.milestones.isEmpty else {
            html.element("p", text: words.say("未计划节点", "no milestone planned"))
            html.close("section")
            return
        }
        let late = page.milestones.count { $0.state == .overdue || $0.state == .doneLate }
        html.element(
            "p", ["class": "note"],
            text: words.say(
                "截至 \(page.asOf)：\(page.milestones.count) 个节点，逾期或延期完成 \(late) 个",
                "as of \(page.asOf): \(page.milestones.count) milestones, \(late) overdue or done late"))
        html.open("ol", ["class": "timeline"])
        for line in page.milestones {
            let milestone = line.milestone
            html.element("li", ["class": "m-" + line.state.rawValue]) { item in
                item.element("time", text: milestone.dueOn.description)
                item.text(" #\(milestone.number) \(oneLine(milestone.title))")
                if let owner = milestone.ownerName {
                    item.text(words.say("（\(oneLine(owner))）", " (\(oneLine(owner)))"))
                }
                item.text(" ")
                milestoneState(&item, line.state, words)
                if let done = milestone.doneOn, done <= page.asOf {
                    item.text(words.say(" \(done) 完成", " done \(done)"))
                }
            }
        }
        html.close("ol")
        html.close("section")
    }

    /// The latest changes, newest first, times on the plant's clock.
    static func history(_ html: inout HTML, _ page: ProjectPage, _ words: Words, clock: PlantClock) {
        html.open("section", ["class": "part", "id": "history"])
        html.element("h2", text: words.say("最近的变更", "Latest changes"))
        guard !page.history.isEmpty else {
            html.element("p", text: words.say("无变更记录", "no change recorded"))
            html.close("section")
            return
        }
        startTable(
            &html,
            caption: words.say(
                "最近 \(page.history.count) 条变更（\(clock.timeZone) 时间）",
                "The latest \(page.history.count) changes (\(clock.timeZone) time)"),
            headers: [
                words.say("时间", "When"), words.say("操作人", "Who"), words.say("对象", "What"),
                words.say("变更", "Change"), words.say("原因", "Reason"),
            ])
        for entry in page.history {
            let local = clock.localTime(at: entry.instant)
            let time = "\(local.date) \(pad(local.hour)):\(pad(local.minute))"
            html.open("tr")
            html.element("th", ["scope": "row"], text: time)
            cell(&html, entry.actor)
            cell(&html, "\(entry.entity) \(entry.record)")
            let change: String
            switch entry.action {
            case "insert": change = words.say("新建", "created")
            case "delete": change = words.say("删除", "deleted")
            default: change = shortened("\(entry.oldValues ?? "{}") → \(entry.newValues ?? "{}")", to: 240)
            }
            cell(&html, change)
            cell(&html, entry.reason ?? "")
            html.close("tr")
        }
        endTable(&html)
        html.close("section")
    }

    /// `7` as `07`.
    private static func pad(_ number: Int) -> String { number < 10 ? "0\(number)" : String(number) }

    /// The text cut to `count` characters, with `…` when cut.
    private static func shortened(_ text: String, to count: Int) -> String {
        text.count <= count ? text : String(text.prefix(count - 1)) + "…"
    }
}
