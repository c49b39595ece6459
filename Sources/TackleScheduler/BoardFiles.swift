import FoundationEssentials
import Logging
import TackleBoard
import TackleDomain
import TackleReport
import TackleStore

/// The notice board beside the published reports: the output directory as a static site.
///
/// For every published month, the latest revision's sheet is `2026-10.html` and each revision's
/// sheet is `2026-10-r1.html`, `2026-10-r2.html`, ...; a revision that a later one superseded keeps
/// its text and JSON as `tackle-status-2026-10-r1.txt` and `.json`. A month's project pages are
/// `2026-10-KEY.html`, and `index.html` lists every month and revision of the archive and links the
/// latest sheet.
///
/// A sheet is rendered from the archived JSON, in the language the revision was published in, so it
/// shows exactly the published figures and is the same bytes whichever instance writes it, and
/// whenever. Sheets are not in the archive's checksums: an update renders each revision's sheet
/// afresh and rewrites the file when it is missing or differs. Project pages come from the live
/// database when the month's sheet is written (or when a page is missing) and are best effort: a
/// page that cannot be made is logged and tried again by the next update. Every file is written
/// atomically (``ReportFiles/write(_:toFile:)``).
public struct BoardFiles: Sendable {
    /// The output directory.
    public var files: ReportFiles

    public init(files: ReportFiles) {
        self.files = files
    }

    /// The index's name.
    public static let indexName = "index.html"

    /// `2026-10.html`, the latest revision's sheet, or `2026-10-r2.html` for one revision.
    public static func sheetName(of month: Month, revision: Int? = nil) -> String {
        "\(month)\(revision.map { "-r\($0)" } ?? "").html"
    }

    /// `2026-10-SLAB-CRACK-2026.html`: a project's page for a month.
    public static func projectPageName(of month: Month, key: String) -> String {
        "\(month)-\(key).html"
    }

    /// What an update wrote.
    public struct Update: Sendable, Hashable {
        /// The names of the files written, in the order written.
        public var written: [String] = []
        /// The months some of whose files were written (not counting the index).
        public var months: [Month] = []
        /// The sheets and project pages that could not be made (`2026-10-r1.html`,
        /// `2026-10-KEY.html`); logged as warnings and tried again next time.
        public var failed: [String] = []
    }

    /// The report of a published revision, decoded from its archived JSON.
    ///
    /// - Throws: When the archived JSON is not a monthly report.
    public static func report(_ content: PublishedReport.Content) throws -> MonthlyReport {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(MonthlyReport.self, from: Data(content.json.utf8))
    }

    /// The sheet of a published revision: its archived report rendered in the language the revision
    /// was published in (Chinese when the archive names no language tackle knows).
    ///
    /// - Throws: When the archived JSON is not a monthly report.
    public static func sheet(_ record: PublishedReport, content: PublishedReport.Content) throws -> String {
        BoardPage.monthly(try report(content), language: Language(rawValue: record.language) ?? .zh)
    }

    /// The index's entries for the archive's revisions: the latest revision of a month with the plain
    /// names (sheet, text, JSON, then its project pages), an earlier one with its revision's names.
    ///
    /// - Parameters:
    ///   - records: Every published revision.
    ///   - projects: The project keys of each month's latest revision.
    public func indexEntries(
        _ records: [PublishedReport], projects: [Month: [String]]
    ) -> [BoardPage.ArchiveEntry] {
        let latest = Dictionary(records.map { ($0.period, $0.revision) }, uniquingKeysWith: max)
        return records.map { record in
            let month = record.period
            let names: [String]
            if record.revision == latest[month] {
                names =
                    [Self.sheetName(of: month)] + ReportFormat.allCases.map { files.fileName(of: month, $0) }
                    + (projects[month] ?? []).map { Self.projectPageName(of: month, key: $0) }
            } else {
                names =
                    [Self.sheetName(of: month, revision: record.revision)]
                    + ReportFormat.allCases.map { files.fileName(of: month, $0, revision: record.revision) }
            }
            return BoardPage.ArchiveEntry(
                month: month, revision: record.revision, publishedAt: Self.publishedAt(record), files: names)
        }
    }

    /// When a revision was published, on the clock of the zone it was published for:
    /// `2026-11-05 08:00 +08:00`; the archived UTC time when that zone is unknown here.
    static func publishedAt(_ record: PublishedReport) -> String {
        guard let clock = try? PlantClock(timeZone: record.timeZone),
            let instant = try? Instant.parse(record.generatedAt, clock: clock)
        else { return record.generatedAt }
        let local = clock.localTime(at: instant)
        // The wall clock drops the seconds: add them back for the zone's offset in whole minutes.
        let wall = local.date.dayNumber * 86_400 + local.hour * 3600 + local.minute * 60
        let offset = (wall - instant + ((instant % 60) + 60) % 60) / 60
        let sign = offset < 0 ? "-" : "+"
        return "\(local.date) \(twoDigits(local.hour)):\(twoDigits(local.minute)) \(sign)"
            + "\(twoDigits(abs(offset) / 60)):\(twoDigits(abs(offset) % 60))"
    }

    private static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    /// Brings the board up to date with the archive: every revision's sheet, the text and JSON of
    /// superseded revisions, the project pages of each month whose sheet was written or whose page is
    /// missing, and the index. Files that already hold what they should are left alone.
    ///
    /// - Parameters:
    ///   - store: The store.
    ///   - today: The plant's date, for the project pages.
    ///   - language: The index's language.
    ///   - logger: Where written files and failed project pages are logged.
    ///   - metadata: Added to each log line (the instance).
    ///   - announced: Months whose writing the caller logs itself (just published): their board
    ///     files are logged at debug level, those of other months at info.
    /// - Throws: When the archive cannot be read or a sheet, report file or the index cannot be written.
    public func update(
        from store: Store, today: LocalDate, language: Language, logger: Logger, metadata: Logger.Metadata = [:],
        announced: Set<Month> = []
    ) throws -> Update {
        let started = monotonicSeconds()
        var update = Update()
        let records = try store.publishedReports()
        let byMonth = Dictionary(grouping: records, by: \.period)
        var projects: [Month: [String]] = [:]
        for month in byMonth.keys.sorted() {
            let revisions = byMonth[month]!.sorted { $0.revision < $1.revision }
            var written: [String] = []
            var sheetWritten = false
            var keys: [String] = []
            for record in revisions {
                guard let (_, content) = try store.publishedReport(month, revision: record.revision) else { continue }
                let isLatest = record.revision == revisions.last?.revision
                if !isLatest {
                    for format in ReportFormat.allCases {
                        let checksum = format == .text ? record.textSHA256 : record.jsonSHA256
                        if !files.isComplete(month, format, revision: record.revision, checksum: checksum) {
                            try files.write(content.rendering(format), for: month, format, revision: record.revision)
                            written.append(files.fileName(of: month, format, revision: record.revision))
                        }
                    }
                }
                let report: MonthlyReport
                do {
                    report = try Self.report(content)
                } catch {
                    // An archived report this tackle cannot read: the rest of the board goes on.
                    update.failed.append(Self.sheetName(of: month, revision: record.revision))
                    logger.warning(
                        "cannot read an archived report for its sheet",
                        metadata: metadata.merging(
                            [
                                "report.period": "\(month)", "report.revision": "\(record.revision)",
                                "error.message": "\(error)",
                            ], uniquingKeysWith: { $1 }))
                    continue
                }
                let html = BoardPage.monthly(report, language: Language(rawValue: record.language) ?? .zh)
                var names = [Self.sheetName(of: month, revision: record.revision)]
                if isLatest {
                    names.append(Self.sheetName(of: month))
                    keys = report.projects.map(\.key)
                }
                for name in names where try writeIfChanged(html, toFile: name) {
                    written.append(name)
                    if name == Self.sheetName(of: month) { sheetWritten = true }
                }
            }
            projects[month] = keys
            let language = Language(rawValue: revisions.last?.language ?? "") ?? .zh
            for key in keys {
                let name = Self.projectPageName(of: month, key: key)
                guard sheetWritten || !files.exists(name) else { continue }
                do {
                    let page = try store.projectPage(key, month: month, today: today)
                    let clock = try PlantClock(timeZone: revisions.last?.timeZone ?? PlantClock.defaultTimeZone)
                    try files.write(BoardPage.project(page, language: language, clock: clock), toFile: name)
                    written.append(name)
                } catch {
                    update.failed.append(name)
                    logger.warning(
                        "could not write a project page; the next pass tries again",
                        metadata: metadata.merging(
                            ["report.period": "\(month)", "report.file": "\(name)", "error.message": "\(error)"],
                            uniquingKeysWith: { $1 }))
                }
            }
            if !written.isEmpty {
                update.written += written
                update.months.append(month)
                logger.log(
                    level: announced.contains(month) ? .debug : .info, "wrote board files",
                    metadata: metadata.merging(
                        ["report.period": "\(month)", "report.file": "\(written.joined(separator: ","))"],
                        uniquingKeysWith: { $1 }))
            }
        }
        let index = BoardPage.index(
            indexEntries(records, projects: projects), latest: records.map(\.period).max(), language: language)
        if try writeIfChanged(index, toFile: Self.indexName) {
            update.written.append(Self.indexName)
            logger.log(
                level: !announced.isEmpty && Set(update.months).isSubset(of: announced) ? .debug : .info,
                "wrote the board's index",
                metadata: metadata.merging(
                    ["report.file": "\(Self.indexName)", "report.revisions": "\(records.count)"],
                    uniquingKeysWith: { $1 }))
        }
        logger.debug(
            "board checked",
            metadata: metadata.merging(
                [
                    "report.revisions": "\(records.count)", "report.files_written": "\(update.written.count)",
                    "report.duration_ms": "\(Int((monotonicSeconds() - started) * 1000))",
                ], uniquingKeysWith: { $1 }))
        return update
    }

    /// Writes `text` to `name` unless the file holds exactly it already.
    ///
    /// - Returns: Whether the file was written.
    public func writeIfChanged(_ text: String, toFile name: String) throws -> Bool {
        if let bytes = files.contents(ofFile: name), bytes.elementsEqual(text.utf8) { return false }
        try files.write(text, toFile: name)
        return true
    }
}
