import LibPQ
import TackleDomain

extension Store {
    /// Imports a CSV file of daily or monthly figures in one transaction: all of it, or nothing.
    ///
    /// The file (see ``FigureFileHeader`` for its header) streams into a temporary staging table
    /// with PostgreSQL's COPY as it is read, and is hashed on the way. Every line is then checked in
    /// one set-based query: the project exists, the date or month is real, has begun at the plant
    /// and is not after the project's closing, the counts are whole numbers with defective not
    /// above inspected, the month has no figures of the other granularity, and no other line has
    /// the same project and period. Any bad line refuses the whole file.
    ///
    /// Then one statement merges the file: figures not yet recorded are inserted, identical ones
    /// left alone, and different ones corrected (version + 1, row-level history with the reason).
    /// The import is recorded as one batch: who, when, the file's SHA-256 and name, the counts and
    /// the reason, with one history row; the figures it inserts point to the batch instead of each
    /// getting a history row. A file that changes nothing records nothing.
    ///
    /// The file's projects are locked (as `metric record` locks one), so imports that share
    /// projects run one after the other, and both end as if run alone.
    ///
    /// - Parameters:
    ///   - source: The file.
    ///   - today: Today at the plant: later periods are refused, as `metric record` refuses them.
    ///   - reason: Why; required when the file would correct recorded figures (recorded in the
    ///     history of each correction and in the batch).
    ///   - dryRun: Check and count, but write nothing (and lock nothing).
    ///   - actor: Who is acting, for the history.
    /// - Returns: The counts, and the batch recorded.
    /// - Throws: ``FigureImportRefusal`` listing the bad lines (nothing written);
    ///   ``StoreError`` `.invalidInput` with field `reason` when figures would be corrected without a
    ///   reason, `.fileSystem` when the file cannot be read, `.lockTimeout` when another import or
    ///   write holds a project longer than the lock timeout.
    public func importFigures(
        from source: FigureSource, today: LocalDate, reason: String? = nil, dryRun: Bool = false, by actor: String
    ) throws -> FigureImportResult {
        if let reason { try Keys.checkNotBlank(reason, field: "reason") }
        var reader = FigureFileReader(source)
        defer { reader.close() }
        return try write(by: actor, reason: reason) { connection in
            try connection.execute(FigureImportSQL.workMemory)
            try connection.execute(FigureImportSQL.stagingTable)
            let header = try reader.readHeader()
            try connection.copyIn(FigureImportSQL.copy(header)) { send in try reader.copyRows(send) }
            guard let scanner = reader.scanner else { throw StoreError(.database, "the figures file was not read") }
            let projects =
                try connection.query(dryRun ? FigureImportSQL.fileProjects : FigureImportSQL.lockProjects)
                .first?.decode(String.self, "ids") ?? "{}"
            try connection.execute(FigureImportSQL.calendarTable)
            try connection.execute(FigureImportSQL.fillCalendar, [header.granularity.rawValue, today])
            try connection.execute(FigureImportSQL.analyzeCalendar)
            let parameters: [(any PostgresEncodable)?] = [header.granularity.rawValue, today, header.hasNote, projects]
            var check = try Self.check(findingRepeats: dryRun, parameters, on: connection)
            if !check.isExact
                && (check.bad > 0 || scanner.problemCount > 0 || check.repeatedMatches > 0
                    || (check.changed > 0 && reason == nil))
            {
                check = try Self.check(findingRepeats: true, parameters, on: connection)
            }
            if check.bad > 0 || scanner.problemCount > 0 {
                throw FigureImportRefusal.merging(
                    scanner.problems, check.problems, count: check.bad + scanner.problemCount)
            }
            let sha256 = reader.sha256()
            if check.changed > 0, reason == nil, !dryRun {
                throw StoreError(
                    .invalidInput, field: "reason",
                    "the file would correct \(check.changed) recorded figure\(check.changed == 1 ? "" : "s") "
                        + "(\(check.new) new, \(check.same) unchanged); say why with --reason, or check first with "
                        + "--dry-run; nothing was imported")
            }
            var result = FigureImportResult(
                granularity: header.granularity, figures: check.new + check.same + check.changed, inserted: check.new,
                unchanged: check.same, corrected: check.changed, batch: nil, fileSHA256: sha256, dryRun: dryRun)
            guard !dryRun, check.new + check.changed > 0 else { return result }
            let merged: PostgresRow
            do {
                // In a savepoint: two new lines for one figure meet in the unique index, and then the
                // full check lists them.
                merged = try connection.withTransaction { connection in
                    guard
                        let row = try connection.query(
                            FigureImportSQL.merge, [header.granularity.rawValue, header.hasNote, sha256, source.name]
                        ).first
                    else { throw StoreError(.database, "the import batch was not recorded") }
                    return row
                }
            } catch let error as PostgresError
                where error.sqlState == PostgresError.SQLState.uniqueViolation
                && error.constraint == "observation_period_key"
            {
                let full = try Self.check(findingRepeats: true, parameters, on: connection)
                guard full.bad > 0 else { throw error }
                throw FigureImportRefusal.merging([], full.problems, count: full.bad)
            }
            result.batch = try merged.decode(Int.self, "id")
            result.inserted = try merged.decode(Int.self, "inserted")
            result.unchanged = try merged.decode(Int.self, "unchanged")
            result.corrected = try merged.decode(Int.self, "corrected")
            return result
        }
    }

    /// What the check query found.
    private struct FigureCheck {
        var bad: Int
        var problems: [FigureLineProblem]
        var new: Int
        var same: Int
        var changed: Int
        var repeatedMatches: Int
        /// Whether repeated lines were looked for.
        var isExact: Bool
    }

    /// Runs the check query, looking for repeated lines or not (see ``FigureImportSQL/check(findingRepeats:)``).
    private static func check(
        findingRepeats: Bool, _ parameters: [(any PostgresEncodable)?], on connection: PostgresConnection
    ) throws -> FigureCheck {
        guard let row = try connection.query(FigureImportSQL.check(findingRepeats: findingRepeats), parameters).first
        else {
            throw StoreError(.database, "the check of the figures returned nothing")
        }
        let lines = try row.decode(PostgresJSON.self, "bad_lines").decode([Int].self)
        let messages = try row.decode(PostgresJSON.self, "problems").decode([String].self)
        return FigureCheck(
            bad: try row.decode(Int.self, "bad"),
            problems: zip(lines, messages).map { FigureLineProblem(line: $0, message: $1) },
            new: try row.decode(Int.self, "new"), same: try row.decode(Int.self, "same"),
            changed: try row.decode(Int.self, "changed"), repeatedMatches: try row.decode(Int.self, "repeated_matches"),
            isExact: findingRepeats)
    }

    /// The staging table, the COPY and the merge of ``importFigures(from:today:reason:dryRun:by:)`` as
    /// a psql script that loads `file` with `\copy`: the same SQL without the checks, for measuring
    /// tackle against the bare SQL (`scripts/bench-import`).
    ///
    /// - Parameters:
    ///   - header: The file's header.
    ///   - file: The path psql reads.
    ///   - sha256: The file's SHA-256, recorded with the batch.
    ///   - source: The name recorded with the batch.
    ///   - actor: Who acts; empty for no claim.
    ///   - reason: The reason, if any.
    ///   - fallbackActor: Who acts when nobody is claimed.
    public static func figureImportScript(
        header: FigureFileHeader, file: String, sha256: String, source: String, actor: String, reason: String?,
        fallbackActor: String
    ) -> String {
        FigureImportSQL.psqlScript(
            header: header, file: file, sha256: sha256, source: source, actor: actor, reason: reason,
            fallbackActor: fallbackActor)
    }

    /// Reads a figures file's header and SHA-256 without a database (for `--print-sql`).
    ///
    /// - Throws: ``FigureImportRefusal`` when the first line is not a figures header; what reading throws.
    public static func figureFileHeader(of source: FigureSource) throws -> (header: FigureFileHeader, sha256: String) {
        var reader = FigureFileReader(source)
        defer { reader.close() }
        let header = try reader.readHeader()
        try reader.copyRows { _ in }
        return (header, reader.sha256())
    }
}
