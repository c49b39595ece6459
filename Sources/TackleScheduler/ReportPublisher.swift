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
/// published, oldest first, and every published month's files are checked and rewritten when
/// missing or incomplete.
///
/// Exactly-once is the database's job: ``Store/publish(_:content:instance:timeZone:)`` inserts
/// under the period's primary key, so any number of instances may run passes at once.
public struct ReportPublisher: Sendable {
    public var schedule: PublicationSchedule
    public var files: ReportFiles
    /// Who publishes: recorded with each report.
    public var instance: String
    public var logger: Logger

    public init(schedule: PublicationSchedule, files: ReportFiles, instance: String, logger: Logger) {
        self.schedule = schedule
        self.files = files
        self.instance = instance
        self.logger = logger
    }

    /// What a pass did.
    public struct Outcome: Sendable, Hashable {
        /// Months this pass published.
        public var published: [Month] = []
        /// Months whose files this pass wrote (published now or repaired).
        public var filesWritten: [Month] = []
        /// Months due and published (by anyone) after the pass.
        public var due: [Month] = []
    }

    /// Runs one pass on `store` as if the time were `instant`.
    public func pass(on store: Store, at instant: Int) throws -> Outcome {
        var outcome = Outcome()
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

        let alreadyPublished = Set(try store.publishedReports(in: first...last).map(\.period))
        for month in months where !alreadyPublished.contains(month) {
            let started = monotonicSeconds()
            let report = MonthlyReport(facts: try store.monthlyReportFacts(for: month))
            let content = PublishedReport.Content(
                text: try ReportFormat.text.render(report), json: try ReportFormat.json.render(report))
            if try store.publish(month, content: content, instance: instance, timeZone: schedule.clock.timeZone) {
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

        // Files of every published month in the window: rewrite what is missing or incomplete,
        // e.g. after a crash between the archive's commit and the file's rename.
        for record in try store.publishedReports(in: first...last) where !outcome.filesWritten.contains(record.period) {
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
