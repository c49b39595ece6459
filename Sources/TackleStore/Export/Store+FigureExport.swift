import LibPQ
import TackleDomain

extension Store {
    /// Which figures an export writes.
    public struct FigureSelection: Sendable, Hashable {
        /// One project, or every project.
        public var projectKey: String?
        /// Figures whose period ends on or after this day (a month from its last day).
        public var from: LocalDate?
        /// Figures whose period begins on or before this day.
        public var to: LocalDate?
        /// Daily or monthly figures; nil for whichever the selection has.
        public var granularity: Observation.Granularity?

        public init(
            projectKey: String? = nil, from: LocalDate? = nil, to: LocalDate? = nil,
            granularity: Observation.Granularity? = nil
        ) {
            self.projectKey = projectKey
            self.from = from
            self.to = to
            self.granularity = granularity
        }
    }

    /// Writes recorded figures as CSV in exactly the format `metric import` reads: the header
    /// `project,date,inspected,defective,note` (or `project,month,...`), then one line per figure,
    /// ordered by project key and period, values quoted only where CSV needs it, an empty note left
    /// empty. Voided figures are not written. Importing the output into a database with the same
    /// projects and no figures, then exporting again, gives the same bytes.
    ///
    /// The figures are read in one read-only snapshot and streamed with COPY as the server sends
    /// them.
    ///
    /// - Parameters:
    ///   - selection: Which figures. Without a granularity, the one the selection has (daily when
    ///     it has none).
    ///   - consume: Receives the CSV text in pieces.
    /// - Returns: The granularity written and how many figures.
    /// - Throws: ``StoreError`` `.notFound` naming the project; `.invalidInput` with field `granularity`
    ///   when no granularity is given and the selection has both daily and monthly figures; what
    ///   `consume` throws.
    @discardableResult
    public func exportFigures(
        _ selection: FigureSelection, into consume: (UnsafeRawBufferPointer) throws -> Void
    ) throws -> (granularity: Observation.Granularity, figures: Int) {
        try translatingErrors {
            try connection.withTransaction(isolation: .repeatableRead) { connection in
                try connection.execute("SET TRANSACTION READ ONLY")
                if let key = selection.projectKey { _ = try projectID(key) }
                try connection.execute(
                    """
                    SELECT set_config('tackle.export_project', $1, true), set_config('tackle.export_from', $2, true),
                           set_config('tackle.export_to', $3, true)
                    """,
                    [selection.projectKey ?? "", selection.from?.description ?? "", selection.to?.description ?? ""])
                let granularity = try selection.granularity ?? selectedGranularity(on: connection)
                try connection.execute(
                    "SELECT set_config('tackle.export_granularity', $1, true)", [granularity.rawValue])
                var header = Array(FigureFileHeader(granularity: granularity, hasNote: true).text.utf8)
                header.append(UInt8(ascii: "\n"))
                try header.withUnsafeBytes(consume)
                let figures = try connection.copyOut(Self.figureExport, into: consume)
                return (granularity, figures)
            }
        }
    }

    /// Whichever granularity the selection has: daily when it has only daily figures or none,
    /// monthly when it has only monthly ones.
    private func selectedGranularity(on connection: PostgresConnection) throws -> Observation.Granularity {
        guard
            let row = try connection.query(
                """
                SELECT EXISTS (\(Self.selectedFigures("'day'"))) AS daily,
                       EXISTS (\(Self.selectedFigures("'month'"))) AS monthly
                """
            ).first
        else { return .day }
        switch (try row.decode(Bool.self, "daily"), try row.decode(Bool.self, "monthly")) {
        case (true, true):
            throw StoreError(
                .invalidInput, field: "granularity",
                "the selection has both daily and monthly figures; choose --daily or --monthly")
        case (false, true):
            return .month
        default:
            return .day
        }
    }

    /// The current figures of the selection (the `tackle.export_*` settings, empty for no limit) of one
    /// granularity.
    private static func selectedFigures(_ granularity: String) -> String {
        """
        SELECT p.key, o.granularity, o.period_start, o.inspected, o.defective, o.note
        FROM observation o JOIN project p ON p.id = o.project_id
        WHERE o.granularity = \(granularity) AND o.voided_at IS NULL
          AND (p.key = nullif(current_setting('tackle.export_project'), '')) IS NOT FALSE
          AND (CASE o.granularity WHEN 'month' THEN (o.period_start + interval '1 month - 1 day')::date
                                  ELSE o.period_start END
               >= nullif(current_setting('tackle.export_from'), '')::date) IS NOT FALSE
          AND (o.period_start <= nullif(current_setting('tackle.export_to'), '')::date) IS NOT FALSE
        """
    }

    /// The export: COPY takes no parameters, so the selection comes from transaction settings.
    /// Keys sort bytewise (`COLLATE "C"`), so every database writes the same order.
    static let figureExport = """
        COPY (
            SELECT f.key,
                   to_char(f.period_start, CASE f.granularity WHEN 'month' THEN 'YYYY-MM' ELSE 'YYYY-MM-DD' END),
                   f.inspected, f.defective, nullif(f.note, '')
            FROM (\(selectedFigures("current_setting('tackle.export_granularity')"))) f
            ORDER BY f.key COLLATE "C", f.period_start
        ) TO STDOUT (FORMAT csv)
        """
}
