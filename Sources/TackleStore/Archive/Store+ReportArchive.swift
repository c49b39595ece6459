import LibPQ
import TackleDomain

extension Store {
    /// Publishes revision 1 of a month's report unless the month is published already.
    ///
    /// The insert and the decision are one statement in one transaction, keyed by the period and
    /// revision: when several instances publish the same month at once, exactly one row is
    /// written and the others learn that the month is taken. The scheduled job publishes this
    /// way and never makes a later revision by itself.
    ///
    /// - Parameters:
    ///   - month: The month.
    ///   - content: The text and JSON renderings.
    ///   - details: Who publishes, the zone, the language and the projects called in.
    /// - Returns: True when this call published the month, false when it was published already.
    @discardableResult
    public func publish(
        _ month: Month, content: PublishedReport.Content, details: PublishedReport.Details
    ) throws
        -> Bool
    {
        try translatingErrors {
            try connection.withTransaction { connection in
                let published = try connection.query(
                    Self.publishCall,
                    Self.publishValues(month, firstOnly: true, reason: nil, content: content, details: details)
                ).first?.decode(Int?.self, "revision")
                return published != nil
            }
        }
    }

    /// Publishes the next revision of a month: revision 1 when the month is not published yet,
    /// else a correction, which needs a reason. Earlier revisions stay as they were.
    ///
    /// Concurrent calls for one month are serialised on a lock of the month, so each gets its own
    /// revision number and the database's key guarantees no number is used twice.
    ///
    /// - Returns: The revision published.
    /// - Throws: ``StoreError`` `.invalidInput` naming `--reason` when a correction has no reason.
    public func publishRevision(
        _ month: Month, content: PublishedReport.Content, details: PublishedReport.Details, reason: String?
    ) throws -> Int {
        try translatingErrors {
            try connection.withTransaction { connection in
                try connection.execute(
                    "SELECT pg_advisory_xact_lock($1, $2)",
                    [Self.publishLockKey, Int32(month.year * 100 + month.month)])
                let latest =
                    try connection.query(
                        "SELECT coalesce(max(revision), 0) AS revision FROM published_report WHERE period = $1",
                        [month.firstDay]
                    ).first?.decode(Int.self, "revision") ?? 0
                let trimmed = reason?.trimmingSpaces
                if latest > 0, trimmed?.isEmpty ?? true {
                    throw StoreError(
                        .invalidInput, field: "reason",
                        "\(month) is already published (revision \(latest)); "
                            + "a new revision needs a reason, such as \"补报十月数据\"")
                }
                // The function numbers the revision under the same lock: latest + 1.
                guard
                    let revision = try connection.query(
                        Self.publishCall,
                        Self.publishValues(
                            month, firstOnly: false, reason: trimmed.map(String.init), content: content,
                            details: details)
                    ).first?.decode(Int?.self, "revision")
                else {
                    throw StoreError(.database, "the database published no revision of \(month)")
                }
                return revision
            }
        }
    }

    /// The advisory lock class that serialises revisions of one month: "tkpb" in ASCII.
    static let publishLockKey: Int32 = 0x746b_7062

    /// Publishing goes through `tackle_publish_report` (sql/0007_roles.sql), which runs as the owner:
    /// writers cannot insert into published_report, so none can block a month with a forged row. It
    /// numbers the revision, refuses a month not yet begun and computes the checksums.
    private static let publishCall = """
        SELECT tackle_publish_report($1, $2, $3, $4, $5, $6, ARRAY(SELECT jsonb_array_elements_text($7::jsonb)),
                                     $8, $9) AS revision
        """

    private static func publishValues(
        _ month: Month, firstOnly: Bool, reason: String?, content: PublishedReport.Content,
        details: PublishedReport.Details
    ) throws -> [(any PostgresEncodable)?] {
        [
            month.firstDay, firstOnly, reason, details.instance, details.timeZone, details.language,
            try PostgresJSON(encoding: details.calledIn), content.text, content.json,
        ]
    }

    /// Every revision of the published months within `months`, oldest month first, revisions in
    /// order, without their content.
    public func publishedReports(in months: ClosedRange<Month>? = nil) throws -> [PublishedReport] {
        try translatingErrors {
            try connection.query(
                Self.publishedSelect
                    + " FROM published_report WHERE $1::date IS NULL OR period BETWEEN $1 AND $2 ORDER BY period, revision",
                [months?.lowerBound.firstDay, months?.upperBound.firstDay]
            ).map(Self.published(from:))
        }
    }

    /// One revision of a published month with its content (the latest when `revision` is nil),
    /// or nil when there is no such revision.
    public func publishedReport(
        _ month: Month, revision: Int? = nil
    ) throws -> (
        PublishedReport, PublishedReport.Content
    )? {
        try translatingErrors {
            guard
                let row = try connection.query(
                    Self.publishedSelect
                        + """
                         , text_report, json_report FROM published_report
                        WHERE period = $1 AND ($2::integer IS NULL OR revision = $2)
                        ORDER BY revision DESC LIMIT 1
                        """, [month.firstDay, revision]
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
        SELECT period, revision, reason, instance, data_cutoff, time_zone, language, to_jsonb(called_in) AS called_in,
               text_sha256, json_sha256,
               to_char(generated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS generated
        """

    static func published(from row: PostgresRow) throws -> PublishedReport {
        PublishedReport(
            period: try row.decode(LocalDate.self, "period").monthOfYear,
            revision: try row.decode(Int.self, "revision"),
            reason: try row.decode(String?.self, "reason"),
            generatedAt: try row.decode(String.self, "generated"),
            instance: try row.decode(String.self, "instance"),
            dataCutoff: try row.decode(LocalDate.self, "data_cutoff"),
            timeZone: try row.decode(String.self, "time_zone"),
            language: try row.decode(String.self, "language"),
            calledIn: try row.decode(PostgresJSON.self, "called_in").decode([String].self),
            textSHA256: try row.decode(String.self, "text_sha256"),
            jsonSHA256: try row.decode(String.self, "json_sha256")
        )
    }
}
