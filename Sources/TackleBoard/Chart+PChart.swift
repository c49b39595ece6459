import TackleDomain
import TackleReport

extension Chart {
    /// A project's monthly p-chart: the rate per month (a dot per month with figures, hollow, filled
    /// black when it signals), the control limits per month (dashed steps), the baseline as the
    /// centre line (solid), the target (dash-dot), the glide path from the baseline at the opening to
    /// the target at the due date (long dashes), and the trials' periods as shaded bands labelled T1,
    /// T2, ... along the top.
    ///
    /// - Parameters:
    ///   - html: Where to write.
    ///   - chart: The chart's values.
    ///   - project: The project, for the target and the glide path's dates.
    ///   - words: The language.
    static func pchart(into html: inout HTML, _ chart: ControlChart, project: Project, words: Words) {
        let zh = words.isChinese
        let points = chart.points
        let (left, right, top, bottom) = (56.0, 14.0, 30.0, 36.0)
        let width = max(760, min(1100, left + right + Double(points.count) * 40))
        let height = 300.0
        let plotWidth = width - left - right
        let band = plotWidth / Double(max(points.count, 1))
        let target = project.metric.targetRate
        let highest = points.flatMap { [$0.rate, $0.limits?.upper] }.compactMap { $0 }.max() ?? 0
        let axis = Scale.roundAxis(upTo: max(highest, chart.centre) * 1.05)
        let y = Scale(domain: 0...axis.top, from: height - bottom, to: top)
        let firstMonth = points.first?.firstDay.monthOfYear ?? project.metric.baselinePeriod.first
        /// The x of a day: its month's band, and the share of the month gone by.
        func x(_ day: LocalDate) -> Double {
            let month = day.monthOfYear
            let days = Double(month.lastDay.day)
            return left + (Double(firstMonth.months(until: month)) + Double(day.day - 1) / days) * band
        }
        let withRate = points.count { $0.rate != nil }
        let signals = points.filter(\.isSignalled)
        let title =
            zh
            ? "\(chart.projectKey) 缺陷率 p 控制图（按月）" : "\(chart.projectKey): p-chart of the defect rate by month"
        var description =
            zh
            ? "\(points.first?.period ?? "")..\(points.last?.period ?? "")，\(points.count) 个月，其中 \(withRate) 个月有数据；"
                + "中心线为基准 \(Format.percent(chart.centre))，目标 \(Format.percent(target))；"
            : "\(points.first?.period ?? "")..\(points.last?.period ?? ""), \(points.count) months, \(withRate) with "
                + "figures; centre line the baseline \(Format.percent(chart.centre)), target \(Format.percent(target)); "
        description +=
            signals.isEmpty
            ? (zh ? "无异常信号" : "no signals")
            : (zh ? "异常信号：" : "signals: ")
                + signals.map { "\($0.period) \($0.signals.map(\.rawValue).joined(separator: "+"))" }
                .joined(separator: zh ? "，" : ", ")
        svg(
            into: &html, kind: .pchart, points: withRate, width: width, height: height, title: title,
            description: description
        ) {
            svg in
            let plotLeft = left
            let plotRight = width - right
            // Trials first, so everything else is drawn over their bands.
            for (index, trial) in chart.trials.enumerated() {
                let start = max(plotLeft, x(trial.startedOn))
                let end = min(plotRight, x(trial.endedOn.adding(days: 1)))
                guard end > start else { continue }
                svg.empty(
                    "rect",
                    [
                        "x": Scale.number(start), "y": Scale.number(top), "width": Scale.number(max(end - start, 1.5)),
                        "height": Scale.number(height - bottom - top), "fill": "#000", "fill-opacity": "0.08",
                        "stroke": "#777", "stroke-width": "0.5",
                    ], selfClosing: true)
                text(into: &svg, trial.label, x: start + 1, y: index % 2 == 0 ? top - 4 : top - 15, size: 9)
            }
            for tick in axis.ticks {
                line(into: &svg, plotLeft, y(tick), plotRight, y(tick), stroke: "#ddd", width: 0.5)
                text(
                    into: &svg, Scale.tickLabel(tick, step: axis.ticks.count > 1 ? axis.ticks[1] : tick),
                    x: plotLeft - 4, y: y(tick) + 3, anchor: "end", size: 9)
            }
            line(into: &svg, plotLeft, top, plotLeft, height - bottom, stroke: "#000", width: 0.8)
            line(into: &svg, plotLeft, height - bottom, plotRight, height - bottom, stroke: "#000", width: 0.8)
            let every = max(1, (points.count + 11) / 12)
            for (index, point) in points.enumerated() where index % every == 0 || index == points.count - 1 {
                let label = point.firstDay.month == 1 || index == 0 ? point.period : String(point.period.suffix(2))
                text(
                    into: &svg, label, x: plotLeft + (Double(index) + 0.5) * band, y: height - bottom + 13,
                    anchor: "middle", size: 9)
            }
            // Limits: a dashed step per month, upper and lower.
            var limits = ""
            for (index, point) in points.enumerated() {
                guard let bounds = point.limits else { continue }
                let x0 = Scale.number(plotLeft + Double(index) * band)
                let x1 = Scale.number(plotLeft + Double(index + 1) * band)
                limits += "M\(x0) \(Scale.number(y(bounds.upper)))H\(x1)M\(x0) \(Scale.number(y(bounds.lower)))H\(x1)"
            }
            if !limits.isEmpty {
                svg.empty(
                    "path",
                    ["d": limits, "fill": "none", "stroke": "#000", "stroke-width": "0.8", "stroke-dasharray": "4 2"],
                    selfClosing: true)
            }
            line(into: &svg, plotLeft, y(chart.centre), plotRight, y(chart.centre), stroke: "#000", width: 1.2)
            text(
                into: &svg, (zh ? "基准 " : "baseline ") + Format.percent(chart.centre), x: plotRight - 2,
                y: y(chart.centre) - 3, anchor: "end", size: 9)
            line(into: &svg, plotLeft, y(target), plotRight, y(target), stroke: "#000", width: 1, dash: "8 3 2 3")
            text(
                into: &svg, (zh ? "目标 " : "target ") + Format.percent(target), x: plotRight - 2, y: y(target) - 3,
                anchor: "end", size: 9)
            glidePath(into: &svg, project: project, from: plotLeft, to: plotRight, x: x, y: y)
            // Status changes: a dotted line at the day, the new status written at the foot.
            for change in chart.statusChanges {
                let at = x(change.effectiveOn)
                guard at >= plotLeft, at <= plotRight else { continue }
                line(into: &svg, at, top, at, height - bottom, stroke: "#000", width: 0.8, dash: "1 2")
                text(
                    into: &svg, "→" + words.status(change.status), x: at + 2, y: height - bottom - 4, size: 8)
            }
            let coordinates = points.enumerated().map { index, point in
                point.rate.map { (x: plotLeft + (Double(index) + 0.5) * band, y: y($0)) }
            }
            let path = path(coordinates)
            if !path.isEmpty {
                svg.empty(
                    "path", ["d": path, "fill": "none", "stroke": "#000", "stroke-width": "1.3"], selfClosing: true)
            }
            for (point, coordinate) in zip(points, coordinates) {
                guard let coordinate, let rate = point.rate else { continue }
                let counts = point.counts.map { "\($0.defective)/\($0.inspected) = " } ?? ""
                let signalled = point.isSignalled
                svg.element(
                    "circle",
                    [
                        "class": signalled ? "point signal" : "point", "cx": Scale.number(coordinate.x),
                        "cy": Scale.number(coordinate.y), "r": signalled ? "4.5" : "3.5",
                        "fill": signalled ? "#000" : "#fff",
                        "stroke": "#000", "stroke-width": "1.3",
                    ]
                ) { circle in
                    let what =
                        point.signals.isEmpty ? "" : " (" + point.signals.map(\.rawValue).joined(separator: ", ") + ")"
                    circle.element("title", text: "\(point.period): \(counts)\(Format.percent(rate))\(what)")
                }
            }
        }
    }

    /// The glide path, from the baseline rate on the opening day to the target on the due day, cut
    /// to the plot.
    private static func glidePath(
        into svg: inout HTML, project: Project, from plotLeft: Double, to plotRight: Double,
        x: (LocalDate) -> Double, y: Scale
    ) {
        guard let baselineRate = project.metric.baseline.rate else { return }
        let (x0, x1) = (x(project.openedOn), x(project.dueOn.adding(days: 1)))
        guard x1 > x0 else { return }
        let (y0, y1) = (baselineRate, project.metric.targetRate)
        func rate(at position: Double) -> Double { y0 + (y1 - y0) * (position - x0) / (x1 - x0) }
        let start = max(x0, plotLeft)
        let end = min(x1, plotRight)
        guard end > start else { return }
        line(into: &svg, start, y(rate(at: start)), end, y(rate(at: end)), stroke: "#000", width: 1, dash: "10 4")
    }
}
