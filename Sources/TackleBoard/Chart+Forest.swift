import TackleDomain
import TackleReport

extension Chart {
    /// The trials against the baseline: a row per trial with its rate (a dot: filled black when
    /// better, hollow when no detectable change, a black square's outline when worse) and its 95 %
    /// Wilson interval, over the baseline's interval as a grey band with its rate as a solid line
    /// and the target dashed; the verdict and its Holm-adjusted p written at the right.
    ///
    /// - Parameters:
    ///   - html: Where to write.
    ///   - trials: The judged trials, by number.
    ///   - project: The project, for the baseline and the target.
    ///   - words: The language.
    static func forest(into html: inout HTML, _ trials: [ProjectPage.JudgedTrial], project: Project, words: Words) {
        let zh = words.isChinese
        let baseline = project.metric.baseline
        let baselineInterval = baseline.wilsonInterval()
        let target = project.metric.targetRate
        let (left, right, top, rowHeight) = (70.0, 230.0, 22.0, 20.0)
        let width = 820.0
        let height = top + Double(max(trials.count, 1)) * rowHeight + 30
        let highest =
            (trials.compactMap { $0.comparison.trialInterval?.upperBound } + [baselineInterval?.upperBound ?? 0]).max()
            ?? 0
        let axis = Scale.roundAxis(upTo: highest * 1.05, steps: 6)
        let plotRight = width - right
        let x = Scale(domain: 0...axis.top, from: left, to: plotRight)
        let bottom = height - 30
        let marked = trials.count { $0.comparison.trialRate != nil }
        let title = zh ? "\(project.key) 各试验与基准对比（森林图）" : "\(project.key): trials against the baseline (forest plot)"
        let description =
            trials.map { judged in
                let comparison = judged.comparison
                let rate = BoardPage.rateWithInterval(comparison.trialRate, comparison.trialInterval)
                return "\(judged.trial.label) \(rate) \(words.verdict(comparison.verdict))"
            }.joined(separator: zh ? "；" : "; ")
            + (zh ? "；基准 " : "; baseline ") + BoardPage.rateWithInterval(baseline.rate, baselineInterval)
        svg(
            into: &html, kind: .forest, points: marked, width: width, height: height, title: title,
            description: description
        ) {
            svg in
            if let interval = baselineInterval {
                svg.empty(
                    "rect",
                    [
                        "x": Scale.number(x(interval.lowerBound)), "y": Scale.number(top - 6),
                        "width": Scale.number(max(x(interval.upperBound) - x(interval.lowerBound), 1)),
                        "height": Scale.number(bottom - top + 6), "fill": "#000", "fill-opacity": "0.1",
                    ], selfClosing: true)
            }
            for tick in axis.ticks {
                line(into: &svg, x(tick), bottom, x(tick), bottom + 4, stroke: "#000", width: 0.8)
                text(
                    into: &svg, Scale.tickLabel(tick, step: axis.ticks.count > 1 ? axis.ticks[1] : tick), x: x(tick),
                    y: bottom + 15, anchor: "middle", size: 9)
            }
            line(into: &svg, left, bottom, plotRight, bottom, stroke: "#000", width: 0.8)
            if let rate = baseline.rate {
                line(into: &svg, x(rate), top - 6, x(rate), bottom, stroke: "#000", width: 1.2)
                text(
                    into: &svg, (zh ? "基准 " : "baseline ") + Format.percent(rate), x: x(rate) + 3, y: top - 10, size: 9)
            }
            line(into: &svg, x(target), top - 6, x(target), bottom, stroke: "#000", width: 1, dash: "8 3 2 3")
            text(
                into: &svg, (zh ? "目标 " : "target ") + Format.percent(target), x: x(target) - 3, y: top - 10,
                anchor: "end", size: 9)
            text(
                into: &svg, zh ? "结论（Holm 校正 p）" : "verdict (Holm p)", x: plotRight + 10, y: top - 10, size: 9,
                weight: "bold")
            for (row, judged) in trials.enumerated() {
                let comparison = judged.comparison
                let middle = top + (Double(row) + 0.5) * rowHeight
                text(
                    into: &svg, judged.trial.label, x: left - 8, y: middle + 4, anchor: "end", size: 10, weight: "bold")
                if let interval = comparison.trialInterval {
                    let (a, b) = (x(interval.lowerBound), x(interval.upperBound))
                    line(into: &svg, a, middle, b, middle, stroke: "#000", width: 1.2)
                    line(into: &svg, a, middle - 4, a, middle + 4, stroke: "#000", width: 1.2)
                    line(into: &svg, b, middle - 4, b, middle + 4, stroke: "#000", width: 1.2)
                }
                if let rate = comparison.trialRate {
                    marker(
                        into: &svg, verdict: comparison.verdict, x: x(rate), y: middle,
                        label: "\(judged.trial.label) "
                            + "\(comparison.trial.defective)/\(comparison.trial.inspected) = \(Format.percent(rate))")
                }
                text(
                    into: &svg, "\(words.verdict(comparison.verdict)) (\(Format.pValue(comparison.adjustedPValue)))",
                    x: plotRight + 10, y: middle + 4, size: 9,
                    weight: comparison.verdict == .noDetectableChange ? "normal" : "bold")
            }
        }
    }

    /// A trial's mark, shaped by its verdict so it reads without colour.
    private static func marker(into svg: inout HTML, verdict: Verdict, x: Double, y: Double, label: String) {
        let (cx, cy) = (Scale.number(x), Scale.number(y))
        switch verdict {
        case .better:
            svg.element(
                "circle", ["class": "point", "cx": cx, "cy": cy, "r": "5", "fill": "#000", "stroke": "#000"]
            ) { $0.element("title", text: label) }
        case .noDetectableChange:
            svg.element(
                "circle",
                [
                    "class": "point", "cx": cx, "cy": cy, "r": "5", "fill": "#fff", "stroke": "#000",
                    "stroke-width": "1.5",
                ]
            ) { $0.element("title", text: label) }
        case .worse:
            svg.element(
                "rect",
                [
                    "class": "point", "x": Scale.number(x - 5), "y": Scale.number(y - 5), "width": "10", "height": "10",
                    "fill": "#fff", "stroke": "#000", "stroke-width": "2",
                ]
            ) { $0.element("title", text: label) }
        }
    }
}
