import Logging
import TackleDomain
import TackleReport
import TackleStore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One publishing pass: every due month within the catch-up bound that is not yet published is
/// published, oldest first, every published month's files are checked and rewritten when
/// missing or incomplete, and the board (``BoardFiles``: HTML sheets, project pages, `index.html`)
/// is brought up to date with the archive.
///
/// Exactly-once is the database's job: ``Store/publish(_:content:instance:timeZone:)`` inserts
/// under the period's primary key, so any number of instances may run passes at once.
public struct ReportPublisher: Sendable {
    public var schedule: PublicationSchedule
    public var files: ReportFiles
    /// Who publishes: recorded with each report.
    public var instance: String
    /// The language the text is published in.
    public var language: Language
    public var logger: Logger

    public init(
        schedule: PublicationSchedule, files: ReportFiles, instance: String, language: Language = .zh, logger: Logger
    ) {
        self.schedule = schedule
        self.files = files
        self.instance = instance
        self.language = language
        self.logger = logger
    }

    /// What a pass did.
    public struct Outcome: Sendable, Hashable {
        /// Months this pass published.
        public var published: [Month] = []
        /// Months whose files this pass wrote (published now or repaired).
        public var filesWritten: [Month] = []
        /// The board's files this pass wrote (sheets, project pages, `index.html`), in order.
        public var boardFiles: [String] = []
        /// Months due and published (by anyone) after the pass.
        public var due: [Month] = []
        /// Months already reported as changed, carried from pass to pass so each is logged once.
        public var changedSinceWarned: Set<Month> = []
    }

    /// Runs one pass on `store` as if the time were `instant`.
    ///
    /// - Parameters:
    ///   - store: The store.
    ///   - instant: The time, seconds since 1970.
    ///   - warned: Months already logged as changed since publication, not logged again.
    public func pass(on store: Store, at instant: Int, warned: Set<Month> = []) throws -> Outcome {
        var outcome = Outcome()
        outcome.changedSinceWarned = warned
        guard let firstDataMonth = try store.firstDataMonth() else {
            logger.debug("nothing to publish: the database holds no data yet")
            return outcome
        }
        let months = schedule.monthsDue(at: instant, firstDataMonth: firstDataMonth)
        guard let first = months.first, let last = months.last else { return outcome }
        outcome.due = months
        try files.prepare()
        for name in files.removeStaleTemporaryFiles() {
            logger.info("removed a temporary file left by an interrupted writer", metadata: ["report.file": "\(name)"])
        }

        let published = try store.publishedReports(in: first...last)
        let alreadyPublished = Set(published.map(\.period))
        for month in months where !alreadyPublished.contains(month) {
            let started = monotonicSeconds()
            let report = MonthlyReport(
                facts: try store.monthlyReportFacts(for: month, timeZone: schedule.clock.timeZone))
            let content = PublishedReport.Content(
                text: try ReportFormat.text.render(report, language: language),
                json: try ReportFormat.json.render(report))
            let details = PublishedReport.Details(
                instance: instance, timeZone: schedule.clock.timeZone, language: language.rawValue,
                calledIn: report.calledIn.map(\.key))
            if try store.publish(month, content: content, details: details) {
                outcome.published.append(month)
                try writeFiles(content, for: month)
                outcome.filesWritten.append(month)
                logger.info(
                    "published monthly report",
                    metadata: [
                        "report.period": "\(month)", "scheduler.instance": "\(instance)",
                        "report.duration_ms": "\(Int((monotonicSeconds() - started) * 1000))",
                        "report.projects": "\(report.projects.count)",
                    ])
            } else {
                logger.debug("month already published by another instance", metadata: ["report.period": "\(month)"])
            }
        }

        // The job never republishes: a month whose data changed after publication is reported
        // (once per month and process), and `tackle report publish --reason` makes a revision.
        let latest = Dictionary(
            published.map { ($0.period, $0) }, uniquingKeysWith: { $0.revision > $1.revision ? $0 : $1 })
        for (month, record) in latest.sorted(by: { $0.key < $1.key }) where !outcome.changedSinceWarned.contains(month)
        {
            guard month.adding(months: 3) > last else { continue }
            let report = MonthlyReport(
                facts: try store.monthlyReportFacts(for: month, timeZone: schedule.clock.timeZone))
            if SHA256.hex(try ReportFormat.json.render(report)) != record.jsonSHA256 {
                outcome.changedSinceWarned.insert(month)
                logger.warning(
                    "figures changed after publication",
                    metadata: [
                        "report.period": "\(month)", "report.revision": "\(record.revision)",
                        "scheduler.instance": "\(instance)",
                        "report.hint": "tackle report publish --month \(month) --reason ... publishes a revision",
                    ])
            }
        }

        // Files of every published month: rewrite what is missing or incomplete, e.g. after a
        // crash between the archive's commit and the file's rename.
        let latestRevisions = Dictionary(
            try store.publishedReports().map { ($0.period, $0) },
            uniquingKeysWith: { $0.revision > $1.revision ? $0 : $1 }
        ).values.sorted { $0.period < $1.period }
        for record in latestRevisions where !outcome.filesWritten.contains(record.period) {
            let textOK = files.isComplete(record.period, .text, checksum: record.textSHA256)
            let jsonOK = files.isComplete(record.period, .json, checksum: record.jsonSHA256)
            if textOK && jsonOK { continue }
            guard let (_, content) = try store.publishedReport(record.period) else { continue }
            try writeFiles(content, for: record.period)
            outcome.filesWritten.append(record.period)
            logger.info(
                "rewrote report files from the archive",
                metadata: ["report.period": "\(record.period)", "scheduler.instance": "\(instance)"])
        }

        // The board: sheets, superseded revisions' files, project pages and the index.
        let board = try BoardFiles(files: files).update(
            from: store, today: schedule.clock.date(at: instant), language: language, logger: logger,
            metadata: ["scheduler.instance": "\(instance)"], announced: Set(outcome.published))
        for month in board.months where !outcome.filesWritten.contains(month) {
            outcome.filesWritten.append(month)
        }
        outcome.boardFiles = board.written
        return outcome
    }

    private func writeFiles(_ content: PublishedReport.Content, for month: Month) throws {
        for format in ReportFormat.allCases {
            try files.write(content.rendering(format), for: month, format)
        }
    }
}

/// Seconds on a clock that never jumps, for durations.
func monotonicSeconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
}
