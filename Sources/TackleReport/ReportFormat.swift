import TackleDomain

/// The formats a monthly report is rendered in: text for people, JSON for programs.
public enum ReportFormat: String, CaseIterable, Sendable {
    case text
    case json

    /// Reads a format as typed: `text` or `json`, in any letter case.
    ///
    /// - Throws: ``DomainError`` naming `field` for anything else.
    public static func parse(_ text: String, field: String = "--format") throws -> ReportFormat {
        guard let format = ReportFormat(rawValue: text.lowercased()) else {
            throw DomainError(.invalidValue, field: field, message: "'\(text)' is not a format; use text or json")
        }
        return format
    }

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

    /// Writes what ``render(_:language:)`` returns, as UTF-8, to `sink`: JSON in pieces as it is
    /// made (see ``JSONDocument/write(_:to:)``), text at once.
    public func write(
        _ report: MonthlyReport, language: Language = .en, to sink: (UnsafeBufferPointer<UInt8>) -> Void
    ) throws {
        switch self {
        case .text:
            var text = report.renderText(language: language)
            text.withUTF8(sink)
        case .json:
            try JSONDocument.write(report, to: sink)
        }
    }
}
