/// The board's charts, drawn as inline SVG from the domain's values.
///
/// Every chart is `<svg class="chart" data-chart="KIND" data-points="N" role="img" viewBox=…>`
/// with a `<title>` and a `<desc>` first, where KIND is `pchart`, `forest`, `sparkline` or
/// `heatmap` and N the number of plotted data marks, each of which has `class="point"`; so a
/// browser check can count the marks against the values, and a screen reader reads the title and
/// the description. Lines differ by dash pattern and marks by fill, so a chart reads in black and
/// white print.
enum Chart {
    /// The kinds of chart, as `data-chart` names them.
    enum Kind: String {
        case pchart
        case forest
        case sparkline
        case heatmap
    }

    /// Writes a chart: the `<svg>` with its title and description, then `content`.
    ///
    /// - Parameters:
    ///   - html: Where to write.
    ///   - kind: The chart.
    ///   - points: The number of marks with `class="point"` that `content` draws.
    ///   - width: The width of the drawing, in its own units.
    ///   - height: The height of the drawing.
    ///   - title: A short name of the chart.
    ///   - description: What the chart shows, in words, for readers who cannot see it.
    ///   - content: Draws the chart.
    static func svg(
        into html: inout HTML, kind: Kind, points: Int, width: Double, height: Double, title: String,
        description: String, _ content: (inout HTML) -> Void
    ) {
        let w = Scale.number(width)
        let h = Scale.number(height)
        html.element(
            "svg",
            [
                "class": "chart", "data-chart": kind.rawValue, "data-points": String(points), "role": "img",
                "viewBox": "0 0 \(w) \(h)", "width": w, "height": h,
            ]
        ) { svg in
            svg.element("title", text: title)
            svg.element("desc", text: description)
            content(&svg)
        }
    }

    /// A straight line, solid unless `dash` gives its pattern (`4 2`).
    static func line(
        into html: inout HTML, _ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String = "#000",
        width: Double = 1, dash: String? = nil
    ) {
        let (a, b, c, d, w) = (
            Scale.number(x1), Scale.number(y1), Scale.number(x2), Scale.number(y2), Scale.number(width)
        )
        if let dash {
            html.empty(
                "line",
                ["x1": a, "y1": b, "x2": c, "y2": d, "stroke": stroke, "stroke-width": w, "stroke-dasharray": dash],
                selfClosing: true)
        } else {
            html.empty(
                "line", ["x1": a, "y1": b, "x2": c, "y2": d, "stroke": stroke, "stroke-width": w], selfClosing: true)
        }
    }

    /// A label.
    static func text(
        into html: inout HTML, _ text: String, x: Double, y: Double, anchor: String = "start", size: Double = 10,
        weight: String = "normal", fill: String = "#000"
    ) {
        html.element(
            "text",
            [
                "x": Scale.number(x), "y": Scale.number(y), "text-anchor": anchor, "font-size": Scale.number(size),
                "font-weight": weight, "fill": fill,
            ], text: text)
    }

    /// The points as an SVG path of straight segments, a new segment after each `nil` (a gap).
    ///
    /// - Parameter points: The coordinates, `nil` where the series has no value.
    /// - Returns: `M1 2L3 4M7 8L9 10`, or empty when no two neighbours have values.
    static func path(_ points: [(x: Double, y: Double)?]) -> String {
        var path = ""
        path.reserveCapacity(points.count * 12)
        var previous: (x: Double, y: Double)?
        var pending: (x: Double, y: Double)?
        for point in points {
            guard let point else {
                previous = nil
                continue
            }
            if previous == nil {
                pending = point
            } else {
                if let start = pending {
                    path += "M\(Scale.number(start.x)) \(Scale.number(start.y))"
                    pending = nil
                }
                path += "L\(Scale.number(point.x)) \(Scale.number(point.y))"
            }
            previous = point
        }
        return path
    }
}
