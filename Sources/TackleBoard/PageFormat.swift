import TackleDomain
import TackleReport

/// The formats a report or a project page is printed in: text for people, JSON for programs, HTML
/// for the notice board.
///
/// HTML is not a ``ReportFormat``: the archive keeps each published month as text and JSON with
/// their checksums, and the board's HTML is rendered from those same values, so it stays out of
/// the archived formats.
public enum PageFormat: String, CaseIterable, Sendable {
    case text
    case json
    case html

    /// Reads a format as typed: `text`, `json` or `html`, in any letter case.
    ///
    /// - Parameters:
    ///   - text: The format as typed.
    ///   - field: The option's name for the error message.
    /// - Throws: ``DomainError`` naming `field` for anything else.
    public static func parse(_ text: String, field: String = "--format") throws -> PageFormat {
        guard let format = PageFormat(rawValue: text.lowercased()) else {
            throw DomainError(
                .invalidValue, field: field, message: "'\(text)' is not a format; use text, json or html")
        }
        return format
    }

    /// The archived format this one is, or `nil` for HTML.
    public var reportFormat: ReportFormat? { ReportFormat(rawValue: rawValue) }
}
