import TackleDomain

/// The formats a monthly report is rendered in: text for people, JSON for programs.
public enum ReportFormat: String, CaseIterable, Sendable {
    case text
    case json

    /// The file name extension of a published report in this format.
    public var fileExtension: String { rawValue == "text" ? "txt" : "json" }

    /// Renders a report.
    ///
    /// - Parameters:
    ///   - report: The report.
    ///   - language: The language of the text; JSON is language-free.
    public func render(_ report: MonthlyReport, language: Language = .en) throws -> String {
        switch self {
        case .text: report.renderText(language: language)
        case .json: try JSONDocument.encode(report)
        }
    }
}
