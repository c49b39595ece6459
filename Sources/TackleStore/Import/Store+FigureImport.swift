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
            let projects = try connection.query(dryRun ? FigureImportSQL.fileProjects : FigureImportSQL.lockProjects)
                .first?.decode(String.self, "ids") ?? "{}"
            try connection.execute(FigureImportSQL.calendarTable)
            try connection.execute(FigureImportSQL.fillCalendar, [header.granularity.rawValue, today])
            try connection.execute(FigureImportSQL.analyzeCalendar)
            guard
                let check = try connection.query(
                    FigureImportSQL.check, [header.granularity.rawValue, today, header.hasNote, projects]
                ).first
            else { throw StoreError(.database, "the check of the figures returned nothing") }
            let bad = try check.decode(Int.self, "bad")
            if bad > 0 || scanner.problemCount > 0 {
                let lines = try check.decode(PostgresJSON.self, "bad_lines").decode([Int].self)
                let messages = try check.decode(PostgresJSON.self, "problems").decode([String].self)
                throw FigureImportRefusal.merging(
                    scanner.problems, zip(lines, messages).map { FigureLineProblem(line: $0, message: $1) },
                    count: bad + scanner.problemCount)
            }
            let new = try check.decode(Int.self, "new")
            let same = try check.decode(Int.self, "same")
            let changed = try check.decode(Int.self, "changed")
            let sha256 = reader.sha256()
            if changed > 0, reason == nil, !dryRun {
                throw StoreError(
                    .invalidInput, field: "reason",
                    "the file would correct \(changed) recorded figure\(changed == 1 ? "" : "s") "
                        + "(\(new) new, \(same) unchanged); say why with --reason, or check first with --dry-run; "
                        + "nothing was imported")
            }
            var result = FigureImportResult(
                granularity: header.granularity, figures: new + same + changed, inserted: new, unchanged: same,
                corrected: changed, batch: nil, fileSHA256: sha256, dryRun: dryRun)
            guard !dryRun, new + changed > 0 else { return result }
            guard
                let merged = try connection.query(
                    FigureImportSQL.merge, [header.granularity.rawValue, header.hasNote, sha256, source.name]
                ).first
            else { throw StoreError(.database, "the import batch was not recorded") }
            result.batch = try merged.decode(Int.self, "id")
            result.inserted = try merged.decode(Int.self, "inserted")
            result.unchanged = try merged.decode(Int.self, "unchanged")
            result.corrected = try merged.decode(Int.self, "corrected")
            return result
        }
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
