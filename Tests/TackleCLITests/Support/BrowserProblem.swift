/// One thing the browser checks found wrong with a page.
struct BrowserProblem: Sendable, Equatable, CustomStringConvertible {
    /// The check that found it.
    enum Check: String, Sendable, Comparable {
        /// Something is wider than the page, at 1366 px or on A4 landscape.
        case overflow
        /// A CJK character drawn as the missing-glyph box ("tofu").
        case glyphs
        /// An `svg.chart` draws nothing, or not the points it should.
        case charts
        /// The page asked the network for something.
        case network
        /// The PDF is not A4 landscape, or the monthly sheet's posting part is not alone on page 1.
        case printing

        static func < (lhs: Check, rhs: Check) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    var check: Check
    var message: String

    var description: String { "\(check.rawValue): \(message)" }
}
