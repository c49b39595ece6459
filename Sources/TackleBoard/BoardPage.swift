import TackleDomain
import TackleReport

/// The notice board (公示栏): the monthly sheet, the year's heat map, a project's page and the
/// archive's index, each one self-contained HTML document with inline CSS and inline SVG charts.
///
/// A page renders the same values as the text and JSON reports, in Chinese or English with the
/// text report's wording; the same values give the same page. Pages load nothing, run no script
/// and name no external URL (see ``BoardDocument``), print on A4 landscape, use real table markup
/// (`<caption>`, `<th scope="col">`), and tell judgements and verdicts by word and border, never
/// by colour alone. Charts carry `data-chart` and `data-points` and mark each plotted value with
/// `class="point"` (see ``Chart``).
///
/// - ``monthly(_:language:)``: the month's sheet; the posting part (`<section class="posting">`)
///   is one A4 landscape page for up to 20 ranked projects, the details (`<section class="detail">`)
///   follow on pages of their own.
/// - ``yearly(_:language:)``: the year's months × projects heat map of scores, then the tables.
/// - ``project(_:language:clock:)``: one project's page for a month.
/// - ``index(_:latest:language:)``: the archive's months and revisions, linking the latest sheet.
public enum BoardPage {
    /// Starts a table: its caption and its header row, then opens `<tbody>`; close it with ``endTable(_:)``.
    ///
    /// - Parameters:
    ///   - html: Where to write.
    ///   - caption: What the table holds.
    ///   - headers: The column headers.
    ///   - numeric: The indices of the columns of numbers, aligned right.
    ///   - className: A class for the table, or `nil`.
    static func startTable(
        _ html: inout HTML, caption: String, headers: [String], numeric: Set<Int> = [], className: String? = nil
    ) {
        if let className { html.open("table", ["class": className]) } else { html.open("table") }
        html.element("caption", text: caption)
        html.open("thead")
        html.open("tr")
        for (index, header) in headers.enumerated() {
            if numeric.contains(index) {
                html.element("th", ["scope": "col", "class": "num"], text: header)
            } else {
                html.element("th", ["scope": "col"], text: header)
            }
        }
        html.close("tr")
        html.close("thead")
        html.open("tbody")
    }

    /// Closes a table started with ``startTable(_:caption:headers:numeric:className:)``.
    static func endTable(_ html: inout HTML) {
        html.close("tbody")
        html.close("table")
    }

    /// A cell of text.
    static func cell(_ html: inout HTML, _ text: String) {
        html.element("td", text: text)
    }

    /// A cell of a number, aligned right.
    static func number(_ html: inout HTML, _ text: String) {
        html.element("td", ["class": "num"], text: text)
    }

    /// A judgement as a word in a border of its own: solid for on track, dashed for at risk,
    /// double for off track, dotted for not ranked.
    static func judgement(_ html: inout HTML, _ judgement: MonthlyReport.Judgement, _ words: Words) {
        html.element("span", ["class": "judgement j-" + judgement.rawValue], text: words.judgement(judgement))
    }

    /// A trial's verdict as a word in a border of its own.
    static func verdict(_ html: inout HTML, _ verdict: Verdict, _ words: Words) {
        let code =
            switch verdict {
            case .better: "better"
            case .noDetectableChange: "no-detectable-change"
            case .worse: "worse"
            }
        html.element("span", ["class": "verdict v-" + code], text: words.verdict(verdict))
    }

    /// A milestone's state as a word in a border of its own.
    static func milestoneState(_ html: inout HTML, _ state: Milestone.State, _ words: Words) {
        html.element("span", ["class": "m-" + state.rawValue], text: words.milestoneState(state))
    }

    /// `48/1500 = 3.20%`, or `48/0` when nothing was inspected.
    static func counts(_ defective: Int, _ inspected: Int, rate: Double?) -> String {
        "\(defective)/\(inspected)" + (rate.map { " = \(Format.percent($0))" } ?? "")
    }

    /// `1.45% (0.90-2.31%)`, `1.45%`, or `-` without a rate.
    static func rateWithInterval(_ rate: Double?, _ interval: ClosedRange<Double>?) -> String {
        guard let rate else { return "-" }
        guard let interval else { return Format.percent(rate) }
        return "\(Format.percent(rate)) (\(Format.number(interval.lowerBound * 100, decimals: 2))-"
            + "\(Format.percent(interval.upperBound)))"
    }

    /// The text without line breaks or control characters, spaces around it dropped: titles are
    /// shown on one line, as in the text report.
    static func oneLine(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value < 0x20 || $0 == "\u{2028}" || $0 == "\u{2029}" }) else {
            return text
        }
        let scalars = text.unicodeScalars.map { scalar -> Unicode.Scalar in
            switch scalar.properties.generalCategory {
            case .control, .lineSeparator, .paragraphSeparator: " "
            default: scalar
            }
        }
        return String(String(String.UnicodeScalarView(scalars)).trimmingSpaces)
    }
}

extension Words {
    /// The Chinese or the English of a phrase the text report does not have.
    func say(_ zh: String, _ en: String) -> String { isChinese ? zh : en }
}
