import Foundation

/// What the probe script saw of a page in the browser, after layout and with the fonts the browser chose.
struct ProbeResult: Codable, Sendable {
    /// An element drawn past the page's width, or whose content is cut off by its own width.
    struct Overflow: Codable, Sendable, CustomStringConvertible {
        /// `beyond`: the element reaches past the right edge (or before the left edge) of the page;
        /// `clipped`: its content is wider than it and hidden or scrolled (`overflow-x` other than `visible`).
        var kind: String
        /// Tag, id, classes and the start of its text, e.g. `table.postings "项目 …"`.
        var element: String
        /// For `beyond`, its left and right edges; for `clipped`, its width and its content's width (CSS px).
        var left: Double
        var right: Double

        var description: String {
            kind == "clipped"
                ? "\(element) cuts off its content (\(Int(right)) px wide in \(Int(left)) px)"
                : "\(element) spans \(Int(left.rounded(.down)))...\(Int(right.rounded(.up))) px"
        }
    }

    /// A CJK character drawn as the missing-glyph box of its font.
    struct Glyph: Codable, Sendable, CustomStringConvertible {
        var character: String
        /// `U+9FFF`.
        var codePoint: String
        /// The element's computed font, at the size the probe draws at.
        var font: String
        var element: String

        var description: String { "\(character) (\(codePoint)) in \(element), font \(font)" }
    }

    /// The CJK characters of the page's text and those that no font drew.
    struct Glyphs: Codable, Sendable {
        /// How many distinct CJK characters the page's text has.
        var checked: Int
        var tofu: [Glyph]
    }

    /// One `svg.chart` as drawn.
    struct Chart: Codable, Sendable {
        /// Its `data-chart` attribute: which chart of the page it is.
        var kind: String
        /// Its `data-points` attribute: how many points the page says it draws.
        var declaredPoints: Int?
        /// How many `.point` elements it has.
        var points: Int
        /// How many of them are drawn outside the chart's box.
        var pointsOutside: Int
        /// The chart's box on the page.
        var width: Double
        var height: Double
        /// The box of what is drawn inside it (`getBBox()`).
        var contentWidth: Double
        var contentHeight: Double
    }

    /// The page's `@page` rule, if it has one.
    struct PageRule: Codable, Sendable {
        /// Its `size`, e.g. `a4 landscape`.
        var size: String
        /// Its left and right margins in CSS px, when it sets them.
        var marginLeft: Double?
        var marginRight: Double?
    }

    /// `screen`, or `print` when the probe applied the page's print styles before measuring.
    var mode: String
    /// The page's width (the viewport's, without scroll bar) and the width and height of its content.
    var width: Double
    var scrollWidth: Double
    var scrollHeight: Double
    var overflow: [Overflow]
    var glyphs: Glyphs
    var charts: [Chart]
    var page: PageRule?
    /// The page's resource timing entries: every resource it fetched, loaded or not.
    var resources: [String]
    /// The URLs the page asked the network for, from the browser's net log (set by `BrowserProbe`).
    var requests: [String] = []

    enum CodingKeys: String, CodingKey {
        case mode, width, scrollWidth, scrollHeight, overflow, glyphs, charts, page, resources
    }
}
