import ArgumentParser
import FoundationEssentials
import TackleDomain
import TackleReport
import TackleScheduler
import TackleStore

extension ReportCommand {
    /// `tackle report publish`: publish a month by hand, or correct a posted month by a new revision.
    struct Publish: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Publish a month's sheet, or a corrected revision of a published month (with a reason).",
            discussion: """
                A published month is a record: it is never changed. Publishing it again archives the next \
                revision (2, 3, ...) with its reason, beside the earlier ones, and writes its files into the \
                output directory like the scheduled job (atomically); the plain file names then hold the latest \
                revision. The board is updated too: the HTML sheets (YYYY-MM.html, YYYY-MM-rN.html), the \
                month's project pages and index.html. A month not yet complete cannot be published.

                Examples:
                  tackle report publish --month 2026-10 --reason "炼钢二厂补报十月数据"
                  tackle report archive list
                """
        )

        @Option(help: "The month, YYYY-MM.")
        var month: String
        @Option(help: "Why this revision is published (required when the month is already published).")
        var reason: String?
        @Option(help: "Where report files go (default: TACKLE_REPORT_DIR, else ./reports).")
        var outputDir: String?
        @Option(help: "This publisher's name in the archive (default: TACKLE_INSTANCE, else the acting user).")
        var instance: String?
        @Option(help: "zh or en (default: TACKLE_LANG, else zh).")
        var lang: String?
        @OptionGroup var actor: ActorOptions
        @OptionGroup var plant: PlantOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let environment = Environment.current
            let clock = try plant.clock()
            let month = try Input.month(month, field: "--month")
            let today = clock.date()
            guard month.lastDay < today else {
                throw DomainError(
                    .invalidValue, field: "--month",
                    message: "\(month) is not complete yet (today is \(today) at the plant); publish it after it ends")
            }
            let language = try Language.forPublishing(option: lang, environment: environment)
            let files = ReportFiles(directory: outputDir ?? environment["TACKLE_REPORT_DIR"] ?? "reports")
            let requestID = try actor.requestID()
            let (revision, content) = try global.withStore { store in
                func publish(_ store: Store) throws -> (Int, PublishedReport.Content) {
                    let report = MonthlyReport(
                        facts: try store.monthlyReportFacts(for: month, timeZone: clock.timeZone))
                    let content = PublishedReport.Content(
                        text: try ReportFormat.text.render(report, language: language),
                        json: try ReportFormat.json.render(report))
                    let details = PublishedReport.Details(
                        instance: instance ?? environment["TACKLE_INSTANCE"]
                            ?? (actor.resolved.isEmpty ? ActorOptions.operatingSystemUser : actor.resolved),
                        timeZone: clock.timeZone, language: language.rawValue, calledIn: report.calledIn.map(\.key))
                    let revision = try store.publishRevision(month, content: content, details: details, reason: reason)
                    return (revision, content)
                }
                guard let requestID else { return try publish(store) }
                // With a request id the revision is published once; a replay writes the files of the
                // revision it published (the same bytes again, in case the first run died before).
                var published: (Int, PublishedReport.Content)?
                let outcome = try store.withRequest(requestID, command: ActorOptions.requestCommand()) { store in
                    published = try publish(store)
                    return String(published?.0 ?? 0)
                }
                if let published { return published }
                guard case .replayed(let result, let at) = outcome, let revision = Int(result),
                    let (_, content) = try store.publishedReport(month, revision: revision)
                else {
                    throw StoreError(
                        .conflict, field: "request-id", "request \(requestID) recorded no revision of \(month)")
                }
                Output.note("request \(requestID.uuidString.lowercased()) was already done at \(at); nothing written")
                return (revision, content)
            }
            try files.prepare()
            for format in ReportFormat.allCases {
                try files.write(content.rendering(format), for: month, format)
                try files.write(content.rendering(format), for: month, format, revision: revision)
            }
            try global.withStore { store in
                _ = try BoardFiles(files: files).update(
                    from: store, today: today, language: language, logger: global.logger(),
                    announced: [month])
            }
            Output.note("published \(month) revision \(revision); files in \(files.directory)")
        }
    }
}
