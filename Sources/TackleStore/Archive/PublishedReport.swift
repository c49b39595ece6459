import TackleDomain

/// One revision of a published monthly report (公示), as it was published.
///
/// Revision 1 is what the scheduled job (or the first `report publish`) posted; a correction is a
/// new revision with a reason, and earlier revisions stay exactly as they were.
public struct PublishedReport: Sendable, Hashable, Codable {
    /// The month reported on.
    public var period: Month
    /// 1, 2, ... within the month.
    public var revision: Int
    /// Why this revision was made; `nil` for a first revision published without one.
    public var reason: String?
    /// When it was generated, ISO 8601 UTC.
    public var generatedAt: String
    /// The instance that generated it (host and process, or `--instance`).
    public var instance: String
    /// The last day whose data counts.
    public var dataCutoff: LocalDate
    /// The plant time zone it was generated for.
    public var timeZone: String
    /// The language of the text: `zh` or `en`.
    public var language: String
    /// The keys of the projects called in for a talk by this revision.
    public var calledIn: [String]
    /// SHA-256 of the text and JSON renderings.
    public var textSHA256: String
    public var jsonSHA256: String

    public init(
        period: Month, revision: Int, reason: String?, generatedAt: String, instance: String, dataCutoff: LocalDate,
        timeZone: String, language: String, calledIn: [String], textSHA256: String, jsonSHA256: String
    ) {
        self.period = period
        self.revision = revision
        self.reason = reason
        self.generatedAt = generatedAt
        self.instance = instance
        self.dataCutoff = dataCutoff
        self.timeZone = timeZone
        self.language = language
        self.calledIn = calledIn
        self.textSHA256 = textSHA256
        self.jsonSHA256 = jsonSHA256
    }

    /// The report's text and JSON exactly as published.
    public struct Content: Sendable, Hashable {
        public var text: String
        public var json: String

        public init(text: String, json: String) {
            self.text = text
            self.json = json
        }
    }

    /// What a publication records besides its content.
    public struct Details: Sendable, Hashable {
        /// Who publishes.
        public var instance: String
        /// The plant time zone the report was made for.
        public var timeZone: String
        /// `zh` or `en`.
        public var language: String
        /// The keys of the projects called in.
        public var calledIn: [String]

        public init(instance: String, timeZone: String, language: String, calledIn: [String]) {
            self.instance = instance
            self.timeZone = timeZone
            self.language = language
            self.calledIn = calledIn
        }
    }
}
