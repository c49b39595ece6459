import ArgumentParser
import Logging
import TackleReport
import TackleScheduler
import TackleStore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension SchedulerCommand {
    struct Run: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Publish each month's status when it falls due: archived in PostgreSQL and written as files.",
            discussion: """
                The report for month M is due on --due-day of month M+1 at --due-time, plant time. Each \
                month is published exactly once however many instances run (the database enforces it): \
                archived with its period, generation time, instance, data cut-off and SHA-256, and written \
                atomically as tackle-status-YYYY-MM.txt and .json into --output-dir. After downtime every \
                missed month within --catch-up months is published, oldest first; files missing or \
                incomplete are rewritten from the archive. While the database is unreachable the job \
                tries to reconnect at least every 2 seconds, so it publishes within seconds of the server's \
                return. SIGTERM or SIGINT stop it gracefully.

                Settings also come from the environment: TACKLE_REPORT_DIR, TACKLE_REPORT_DUE_DAY, \
                TACKLE_REPORT_DUE_TIME, TACKLE_REPORT_CATCH_UP, TACKLE_INSTANCE, TACKLE_TIME_ZONE.

                Examples:
                  tackle scheduler run --output-dir /var/lib/tackle/reports
                  tackle scheduler run --once          # one pass, for cron or a systemd timer
                """
        )

        @Flag(help: "Do one pass and exit (for cron, a systemd timer or a Kubernetes CronJob).")
        var once = false
        @Option(help: "Where report files go (default: TACKLE_REPORT_DIR, else ./reports).")
        var outputDir: String?
        @Option(
            help:
                "The day of the following month a report is due, after the figures deadline, 1-28 (default: TACKLE_REPORT_DUE_DAY, else 5)."
        )
        var dueDay: Int?
        @Option(help: "The plant time a report is due, HH:MM (default: TACKLE_REPORT_DUE_TIME, else 08:00).")
        var dueTime: String?
        @Option(help: "How many months back missed reports are published (default: TACKLE_REPORT_CATCH_UP, else 24).")
        var catchUp: Int?
        @Option(help: "The language of the published text, zh or en (default: TACKLE_LANG, else zh).")
        var lang: String?
        @Option(help: "This instance's name in the archive (default: TACKLE_INSTANCE, else host:pid).")
        var instance: String?
        @Option(help: .hidden)
        var now: String?
        @Option(help: .hidden)
        var recheckSeconds: Int = 600
        @Option(help: .hidden)
        var retryMaxSeconds: Double = 30
        @OptionGroup var plant: PlantOptions
        @OptionGroup var global: GlobalOptions

        func run() async throws {
            let environment = Environment.current
            let clock = try plant.clock()
            let (hour, minute) = try Self.parseDueTime(dueTime ?? environment["TACKLE_REPORT_DUE_TIME"] ?? "08:00")
            let schedule = try PublicationSchedule(
                day: try dueDay ?? Self.integer(environment["TACKLE_REPORT_DUE_DAY"], "TACKLE_REPORT_DUE_DAY") ?? 5,
                hour: hour, minute: minute,
                catchUpMonths: try catchUp ?? Self.integer(
                    environment["TACKLE_REPORT_CATCH_UP"], "TACKLE_REPORT_CATCH_UP")
                    ?? 24,
                clock: clock)
            var logger = global.logger(label: "tackle.scheduler")
            if global.logLevel == nil && environment["TACKLE_LOG_LEVEL"] == nil { logger.logLevel = .info }
            let publisher = ReportPublisher(
                schedule: schedule,
                files: ReportFiles(directory: outputDir ?? environment["TACKLE_REPORT_DIR"] ?? "reports"),
                instance: instance ?? environment["TACKLE_INSTANCE"] ?? Self.defaultInstance(),
                language: try Language.forPublishing(option: lang, environment: environment),
                logger: logger)
            let offset = try now.map { try Instant.parse($0, clock: clock) - Int(time(nil)) } ?? 0
            let timeouts = try global.timeouts()
            let applicationName = GlobalOptions.applicationName

            if once {
                let outcome = try Store.withStore(
                    at: global.location, applicationName: applicationName, timeouts: timeouts, logger: logger
                ) { store in
                    try publisher.pass(on: store, at: Int(time(nil)) + offset)
                }
                Output.note(
                    "\(outcome.published.count) report(s) published, \(outcome.filesWritten.count) month(s) of files written, "
                        + "\(outcome.due.count) month(s) due")
                return
            }

            // Refuse to start on a schema that does not match, saying so (exit 3). An unreachable
            // database is not a reason to refuse: the service retries until it is back.
            do {
                try Store.withStore(
                    at: global.location, applicationName: applicationName, timeouts: timeouts, logger: logger
                ) { _ in }
            } catch let error as StoreError where error.code == .databaseUnavailable {}

            let service = SchedulerService(
                location: global.location, applicationName: applicationName, timeouts: timeouts, publisher: publisher,
                clockOffset: offset, recheckInterval: recheckSeconds, retryMaximum: retryMaxSeconds, logger: logger)
            try await service.runUntilShutdown()
            if service.abandonedPass {
                // A pass thread may still be inside libpq: end without running exit handlers under it.
                fflush(nil)
                _exit(0)
            }
        }

        static func parseDueTime(_ text: String) throws -> (Int, Int) {
            let parts = text.split(separator: ":")
            guard parts.count == 2, let hour = Int(parts[0]), let minute = Int(parts[1]), (0...23).contains(hour),
                (0...59).contains(minute)
            else {
                throw StoreError(.invalidInput, field: "--due-time", "--due-time: '\(text)' is not a time like 06:00")
            }
            return (hour, minute)
        }

        static func integer(_ text: String?, _ name: String) throws -> Int? {
            guard let text else { return nil }
            guard let value = Int(text) else {
                throw StoreError(.invalidInput, field: name, "\(name): '\(text)' is not a whole number")
            }
            return value
        }

        static func defaultInstance() -> String {
            var buffer = [CChar](repeating: 0, count: 256)
            let host =
                gethostname(&buffer, buffer.count) == 0
                ? String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
                : "unknown-host"
            return "\(host):\(getpid())"
        }
    }
}
