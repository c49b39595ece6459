import TackleDomain
import TackleReport

extension Chart {
    /// The width and height of a sparkline.
    static let sparklineSize = (width: 78.0, height: 20.0)

    /// A project's six months as a tiny line: a dot per month with figures, joined across
    /// neighbours, the baseline dashed across, on the project's own scale from 0 to the higher of
    /// its baseline and its highest month (as the text report's sparkline).
    ///
    /// - Parameters:
    ///   - html: Where to write.
    ///   - months: The months, oldest first.
    ///   - baseline: The baseline rate, or `nil`.
    ///   - key: The project, for the title.
    ///   - words: The language.
    static func sparkline(
        into html: inout HTML, months: [MonthlyReport.RecentMonth], baseline: Double?, key: String, words: Words
    ) {
        let (width, height) = sparklineSize
        let rates = months.map(\.rate)
        let top = max(rates.compactMap { $0 }.max() ?? 0, baseline ?? 0)
        let y = Scale(domain: 0...(top > 0 ? top : 1), from: height - 3, to: 3)
        let step = months.count > 1 ? (width - 8) / Double(months.count - 1) : 0
        let points = rates.enumerated().map { index, rate in rate.map { (x: 4 + Double(index) * step, y: y($0)) } }
        let zh = words.isChinese
        let none = zh ? "无数据" : "no figures"
        var description = months.map { "\($0.month) \($0.rate.map { Format.percent($0) } ?? none)" }
            .joined(separator: zh ? "，" : ", ")
        if let baseline {
            description += zh ? "；基准 \(Format.percent(baseline))" : "; baseline \(Format.percent(baseline))"
        }
        let title = zh ? "\(key) 近六月缺陷率" : "\(key): defect rate, last six months"
        svg(
            into: &html, kind: .sparkline, points: points.count { $0 != nil }, width: width, height: height,
            title: title, description: description
        ) { svg in
            if let baseline, top > 0 {
                line(into: &svg, 1, y(baseline), width - 1, y(baseline), stroke: "#555", width: 0.8, dash: "2 2")
            }
            let path = path(points)
            if !path.isEmpty {
                svg.empty(
                    "path", ["d": path, "fill": "none", "stroke": "#000", "stroke-width": "1.2"], selfClosing: true)
            }
            for point in points {
                guard let point else { continue }
                svg.empty(
                    "circle",
                    [
                        "class": "point", "cx": Scale.number(point.x), "cy": Scale.number(point.y), "r": "2",
                        "fill": "#000",
                    ],
                    selfClosing: true)
            }
        }
    }
}
