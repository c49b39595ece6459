import LibPQ
import TackleDomain

extension Store {
    /// The columns of ``exportTrials(of:into:)``, in order.
    public static let trialExportColumns = [
        "project", "trial", "lever", "started", "ended", "inspected", "defective", "parameters", "conditions",
        "heats", "hypothesis", "note", "conclusion",
    ]

    /// Writes logged trials as CSV, one line per trial: the header (``trialExportColumns``), then the
    /// trials ordered by project key and number. Voided trials are not written.
    ///
    /// Columns: `project` (key), `trial` (`T3`), `lever`, `started` and `ended` (YYYY-MM-DD),
    /// `inspected`, `defective`, `parameters` and `conditions` in the syntax `trial log --param` and
    /// `--cond` take (`specific_water=0.62L/kg`, `grade=Q345B`), several joined by `; `, `heats`
    /// joined by `; `, then `hypothesis`, `note` and `conclusion`. Values are quoted only where CSV
    /// needs it (a comma, a quote or a line end).
    ///
    /// - Parameters:
    ///   - key: One project, or every project when nil.
    ///   - consume: Receives the CSV text in pieces.
    /// - Returns: How many trials were written.
    /// - Throws: ``StoreError`` `.notFound` naming the project; what `consume` throws.
    @discardableResult
    public func exportTrials(
        of key: String? = nil, into consume: (UnsafeRawBufferPointer) throws -> Void
    ) throws
        -> Int
    {
        try translatingErrors {
            try connection.withTransaction(isolation: .repeatableRead) { connection in
                try connection.execute("SET TRANSACTION READ ONLY")
                if let key { _ = try projectID(key) }
                let rows = try connection.query(
                    Self.trialSelect
                        + """
                         WHERE ($1 = '' OR p.key = $1) AND t.voided_at IS NULL
                        ORDER BY p.key COLLATE "C", t.number
                        """, [key ?? ""])
                var text = Self.csvLine(Self.trialExportColumns)
                for row in rows {
                    text += Self.csvLine(Self.trialExportFields(try Self.trial(from: row)))
                    if text.utf8.count >= 1 << 16 {
                        try text.withUTF8 { try consume(UnsafeRawBufferPointer($0)) }
                        text.removeAll(keepingCapacity: true)
                    }
                }
                try text.withUTF8 { try consume(UnsafeRawBufferPointer($0)) }
                return rows.count
            }
        }
    }

    /// One trial's values, in ``trialExportColumns`` order.
    static func trialExportFields(_ trial: Trial) -> [String] {
        [
            trial.projectKey, trial.label, trial.lever, trial.startedOn.description, trial.endedOn.description,
            String(trial.outcome.inspected), String(trial.outcome.defective),
            trial.parameters.map(\.description).joined(separator: "; "),
            trial.conditions.map(\.description).joined(separator: "; "),
            trial.heats.joined(separator: "; "), trial.hypothesis, trial.note, trial.conclusion,
        ]
    }

    /// One CSV line: values joined by commas, each quoted (with `""` for a quote) only when it holds
    /// a comma, a quote, a CR or an LF, as PostgreSQL's COPY writes CSV.
    static func csvLine(_ values: [String]) -> String {
        values.map { value in
            guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
            else { return value }
            return "\"" + value.replacing("\"", with: "\"\"") + "\""
        }.joined(separator: ",") + "\n"
    }
}
