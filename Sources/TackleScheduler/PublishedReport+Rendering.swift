import TackleReport
import TackleStore

extension PublishedReport.Content {
    /// The archived text in one format, byte for byte as published.
    public func rendering(_ format: ReportFormat) -> String { format == .text ? text : json }
}
