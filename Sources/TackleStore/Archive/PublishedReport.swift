import TackleDomain

/// A monthly report as it was published by the scheduled job.
public struct PublishedReport: Sendable, Hashable, Codable {
    /// The month reported on.
    public var period: Month
    /// When it was generated, ISO 8601 UTC.
    public var generatedAt: String
    /// The instance that generated it (host and process, or `--instance`).
    public var instance: String
    /// The last day whose data counts.
    public var dataCutoff: LocalDate
    /// The plant time zone it was generated for.
    public var timeZone: String
    /// SHA-256 of the text and JSON renderings.
    public var textSHA256: String
    public var jsonSHA256: String

    public init(
        period: Month, generatedAt: String, instance: String, dataCutoff: LocalDate, timeZone: String,
        textSHA256: String, jsonSHA256: String
    ) {
        self.period = period
        self.generatedAt = generatedAt
        self.instance = instance
        self.dataCutoff = dataCutoff
        self.timeZone = timeZone
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
}
