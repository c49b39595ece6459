import Foundation

/// A page for the browser checks, and what they should find drawn on it.
///
/// To check one of tackle's pages, give its HTML as the command writes it, e.g.
/// `BrowserPage(name: "monthly-sheet", html: try tackle.succeed("report", "monthly", ...).stdout, ...)`.
struct BrowserPage: Sendable {
    /// A short name for messages and file names, e.g. `monthly-sheet`.
    var name: String
    /// The page.
    var html: String
    /// The points each chart should draw, by its `data-chart` kind, one count per chart of that kind in the
    /// order of the page: `["trend": [12]]`. Every `svg.chart` of the page must be listed, and no more.
    var chartPoints: [String: [Int]] = [:]
    /// Whether the page is a monthly sheet whose posting part (`section.posting`, up to `[data-posting-end]`)
    /// must print on page 1, with the first `section.detail` starting page 2.
    var postingOnOnePage = false
}
