import LibPQ
import TackleDomain

extension Store {
    /// Publishes a month's report unless it is published already.
    ///
    /// The insert and the decision are one statement in one transaction, keyed by the period: when
    /// several instances publish the same month at once, exactly one row is written and the others
    /// learn that the month is taken.
    ///
    /// - Parameters:
    ///   - month: The month.
    ///   - content: The text and JSON renderings.
    ///   - instance: Who publishes.
    ///   - timeZone: The plant time zone the report was made for.
    /// - Returns: True when this call published the month, false when it was published already.
    @discardableResult
    public func publish(
        _ month: Month, content: PublishedReport.Content, instance: String, timeZone: String
    ) throws -> Bool {
        try translatingErrors {
            try connection.withTransaction { connection in
                let inserted = try connection.execute(
                    """
                    INSERT INTO published_report (period, instance, data_cutoff, time_zone, text_report, json_report,
                                                  text_sha256, json_sha256)
                    VALUES ($1, $2, $3, $4, $5, $6, encode(sha256(convert_to($5, 'UTF8')), 'hex'),
                            encode(sha256(convert_to($6, 'UTF8')), 'hex'))
                    ON CONFLICT (period) DO NOTHING
                    """,
                    [
                        month.firstDay, instance, month.lastDay, timeZone, content.text, content.json,
                    ]
                )
                return inserted == 1
            }
        }
    }

    /// The published months within `months`, oldest first, without their content.
    public func publishedReports(in months: ClosedRange<Month>? = nil) throws -> [PublishedReport] {
        try translatingErrors {
            try connection.query(
                Self.publishedSelect
                    + " WHERE $1::date IS NULL OR period BETWEEN $1 AND $2 ORDER BY period",
                [months?.lowerBound.firstDay, months?.upperBound.firstDay]
            ).map(Self.published(from:))
        }
    }

    /// One published report with its content, or nil when the month is not published.
    public func publishedReport(_ month: Month) throws -> (PublishedReport, PublishedReport.Content)? {
        try translatingErrors {
            guard
                let row = try connection.query(
                    """
                    SELECT period, generated_at, instance, data_cutoff, time_zone, text_sha256, json_sha256,
                           text_report, json_report,
                           to_char(generated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS generated
                    FROM published_report WHERE period = $1
                    """, [month.firstDay]
                ).first
            else { return nil }
            return (
                try Self.published(from: row),
                PublishedReport.Content(
                    text: try row.decode(String.self, "text_report"), json: try row.decode(String.self, "json_report"))
            )
        }
    }

    /// The first month holding any data (a project opened, a trial, a figure), or nil for an empty database.
    ///
    /// The scheduled job publishes nothing for months before it: there is nothing to report.
    public func firstDataMonth() throws -> Month? {
        try translatingErrors {
            let row = try connection.query(
                """
                SELECT to_char(least(
                    (SELECT min(opened_on) FROM project),
                    (SELECT min(period_start) FROM observation),
                    (SELECT min(started_on) FROM trial)), 'YYYY-MM') AS first
                """
            ).first
            return try row?.decode(String?.self, "first").map { try Month.parse($0) }
        }
    }

    static let publishedSelect = """
        SELECT period, instance, data_cutoff, time_zone, text_sha256, json_sha256,
               to_char(generated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS generated
        FROM published_report
        """

    static func published(from row: PostgresRow) throws -> PublishedReport {
        PublishedReport(
            period: try row.decode(LocalDate.self, "period").monthOfYear,
            generatedAt: try row.decode(String.self, "generated"),
            instance: try row.decode(String.self, "instance"),
            dataCutoff: try row.decode(LocalDate.self, "data_cutoff"),
            timeZone: try row.decode(String.self, "time_zone"),
            textSHA256: try row.decode(String.self, "text_sha256"),
            jsonSHA256: try row.decode(String.self, "json_sha256")
        )
    }
}
