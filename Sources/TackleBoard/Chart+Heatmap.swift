import TackleDomain
import TackleReport

extension Chart {
    /// The year's scores as a grid: a row per project, a column per month, each ranked month a cell
    /// shaded by its score (darker is higher) with the score written in it, and `*` and a heavy
    /// border when the project was called in that month. A month listed but not ranked shows `-`
    /// on white; a month not listed stays empty.
    ///
    /// - Parameters:
    ///   - html: Where to write.
    ///   - report: The year.
    ///   - words: The language.
    static func heatmap(into html: inout HTML, _ report: YearlyReport, words: Words) {
        let (left, top, cellWidth, cellHeight) = (150.0, 22.0, 38.0, 18.0)
        let width = left + Double(report.months.count) * cellWidth + 6
        let height = top + Double(report.projects.count) * cellHeight + 6
        let scored = report.projects.map { $0.months.count { $0.score != nil } }.reduce(0, +)
        let zh = words.isChinese
        let title = zh ? "\(report.year) 年各月得分热图" : "Monthly scores, \(report.year)"
        let description =
            zh
            ? "\(report.projects.count) 个项目 × \(report.months.count) 个月，\(scored) 个有得分的月份；颜色越深得分越高，"
                + "* 为当月末位约谈，- 为当月不参加排名"
            : "\(report.projects.count) projects × \(report.months.count) months, \(scored) scored months; darker is a "
                + "higher score, * called in that month, - not ranked that month"
        svg(
            into: &html, kind: .heatmap, points: scored, width: width, height: height, title: title,
            description: description
        ) { svg in
            for (column, month) in report.months.enumerated() {
                text(
                    into: &svg, String(month.description.suffix(2)), x: left + (Double(column) + 0.5) * cellWidth,
                    y: top - 8, anchor: "middle", size: 10, weight: "bold")
            }
            for (row, project) in report.projects.enumerated() {
                let y = top + Double(row) * cellHeight
                text(into: &svg, project.key, x: left - 6, y: y + 13, anchor: "end", size: 10)
                for (column, month) in project.months.enumerated() where month.status != nil {
                    let x = left + Double(column) * cellWidth
                    cell(into: &svg, month, key: project.key, x: x, y: y, width: cellWidth, height: cellHeight, zh: zh)
                }
            }
        }
    }

    /// One month of one project.
    private static func cell(
        into svg: inout HTML, _ month: YearlyReport.MonthScore, key: String, x: Double, y: Double, width: Double,
        height: Double, zh: Bool
    ) {
        let (cx, cy, w, h) = (
            Scale.number(x + 1), Scale.number(y + 1), Scale.number(width - 2), Scale.number(height - 2)
        )
        guard let score = month.score else {
            svg.empty(
                "rect",
                [
                    "x": cx, "y": cy, "width": w, "height": h, "fill": "#fff", "stroke": "#999",
                    "stroke-dasharray": "2 2",
                ],
                selfClosing: true)
            text(into: &svg, "-", x: x + width / 2, y: y + 13, anchor: "middle", size: 10, fill: "#555")
            return
        }
        // Lightness 96 % for 0 down to 30 % for 100: greys that print in black and white.
        let clamped = Double(min(max(score, 0), 100))
        let grey = Int((245 - clamped * 1.7).rounded())
        let fill = "rgb(\(grey),\(grey),\(grey))"
        let label =
            "\(key) \(month.month): " + (zh ? "得分 \(score)" : "score \(score)")
            + (month.rank.map { zh ? "，排名 \($0)" : ", rank \($0)" } ?? "")
            + (month.calledIn ? (zh ? "，约谈" : ", called in") : "")
        svg.element(
            "rect",
            [
                "class": "point", "x": cx, "y": cy, "width": w, "height": h, "fill": fill, "stroke": "#000",
                "stroke-width": month.calledIn ? "2.5" : "0.5", "data-score": String(score),
            ]
        ) { $0.element("title", text: label) }
        text(
            into: &svg, String(score) + (month.calledIn ? "*" : ""), x: x + width / 2, y: y + 13, anchor: "middle",
            size: 10, weight: month.calledIn ? "bold" : "normal", fill: grey < 140 ? "#fff" : "#000")
    }
}
