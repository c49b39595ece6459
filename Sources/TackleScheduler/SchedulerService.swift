import Dispatch
import LibPQ
import Logging
import ServiceLifecycle
import Synchronization
import TackleDomain
import TackleReport
import TackleStore
import UnixSignals

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The scheduled report job as a long-running service: publishes each month's status when it falls
/// due, and rides out database outages.
///
/// Between passes it sleeps until the next report is due, waking at least every ``recheckInterval``
/// seconds to check the files. When the database is unreachable (at start or later) it logs it
/// once and tries again at least every ``unavailableRetryInterval`` seconds (sooner while the
/// backoff is shorter): a try at an unreachable server is one connection attempt, cheap for both
/// sides, and it lets the job publish within seconds of the server's return whatever
/// ``retryMaximum`` says. Other failures of a pass (a full disk, a refused query) are logged as
/// errors and retried with a bounded exponential backoff with jitter. Only a schema that does not
/// match this tackle stops it, with the error.
///
/// Each pass opens its own connection and closes it, and keeps nothing of its reports: before a
/// pause of ``idlePause`` seconds or more the job gives back the code pages and free heap the pass
/// touched (``ResidentMemory``), so an idle job holds a third of its peak resident memory.
///
/// Graceful shutdown (SIGTERM, SIGINT) ends the sleep at once. A pass in progress gets
/// ``shutdownGrace`` seconds to finish; a pass still blocked in the database after that is
/// abandoned, which is safe: its transaction rolls back with its connection, and files are only
/// ever renamed into place complete.
public struct SchedulerService: Service {
    public var location: DatabaseLocation
    /// The `application_name` of the job's sessions.
    public var applicationName: String
    /// The statement and lock timeouts of the job's sessions.
    public var timeouts: PostgresConnection.Timeouts
    public var publisher: ReportPublisher
    /// Seconds added to the system clock (the hidden `--now` option).
    public var clockOffset: Int
    /// The longest sleep between passes, in seconds.
    public var recheckInterval: Int
    /// Backoff bounds while a pass fails, in seconds.
    public var retryInitial: Double
    public var retryMaximum: Double
    /// The longest pause between tries while the database is unreachable, in seconds.
    public var unavailableRetryInterval: Double
    /// How long a pass in progress may go on after shutdown is asked for, in seconds.
    public var shutdownGrace: Double
    /// Whether the job gives back the memory a pass touched before a pause of ``idlePause`` seconds
    /// or more (``ResidentMemory/release()``): the idle job then holds about a third of its peak.
    public var releasesMemoryWhenIdle = true
    public var logger: Logger

    private let passQueue = DispatchQueue(label: "tackle.scheduler.pass")
    private let abandoned = Flag()

    public init(
        location: DatabaseLocation, applicationName: String = "tackle scheduler",
        timeouts: PostgresConnection.Timeouts = .standard, publisher: ReportPublisher, clockOffset: Int = 0,
        recheckInterval: Int = 600, retryInitial: Double = 1, retryMaximum: Double = 60,
        unavailableRetryInterval: Double = 2, shutdownGrace: Double = 1, logger: Logger
    ) {
        self.location = location
        self.applicationName = applicationName
        self.timeouts = timeouts
        self.publisher = publisher
        self.clockOffset = clockOffset
        self.recheckInterval = recheckInterval
        self.retryInitial = retryInitial
        self.retryMaximum = retryMaximum
        self.unavailableRetryInterval = unavailableRetryInterval
        self.shutdownGrace = shutdownGrace
        self.logger = logger
    }

    /// The scheduler's clock: the system's, shifted by ``clockOffset``.
    public var now: Int { Int(time(nil)) + clockOffset }

    /// True once a pass was abandoned at shutdown: its thread may still be inside libpq, so the
    /// process should end with `_exit` rather than run exit handlers under it.
    public var abandonedPass: Bool { abandoned.isSet }

    public func run() async throws {
        logger.info(
            "scheduler started",
            metadata: [
                "scheduler.instance": "\(publisher.instance)", "report.directory": "\(publisher.files.directory)",
                "scheduler.time_zone": "\(publisher.schedule.clock.timeZone)",
            ])
        var failures = 0
        var wasUnavailable = false
        var warned: Set<Month> = []
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            let instant = now
            let pause: Double
            let (location, applicationName, timeouts) = (location, applicationName, timeouts)
            let (publisher, alreadyWarned) = (publisher, warned)
            let outcome = await BlockingPass.run(on: passQueue, grace: shutdownGrace) {
                try Store.withStore(
                    at: location, applicationName: applicationName, timeouts: timeouts, logger: publisher.logger
                ) { store in
                    try publisher.pass(on: store, at: instant, warned: alreadyWarned)
                }
            }
            switch outcome {
            case .abandoned:
                abandoned.set()
                logger.notice(
                    "shutdown: abandoned a pass still waiting on the database; nothing of it is kept",
                    metadata: ["scheduler.instance": "\(publisher.instance)"])
                return
            case .finished(.success(let passed)):
                warned = passed.changedSinceWarned
                if failures > 0 {
                    logger.info(
                        wasUnavailable ? "database is reachable again" : "publishing works again",
                        metadata: ["scheduler.failed_attempts": "\(failures)"])
                }
                failures = 0
                let untilDue = publisher.schedule.nextDueInstant(after: instant) - instant
                pause = Double(max(1, min(untilDue, recheckInterval)))
                logger.debug("pass done", metadata: ["scheduler.sleep_s": "\(pause)"])
            case .finished(.failure(let error)):
                if let error = error as? StoreError, error.isSchemaMismatch {
                    logger.error(
                        "the database schema does not match this tackle", metadata: ["error.message": "\(error)"])
                    throw error
                }
                failures += 1
                wasUnavailable = (error as? StoreError)?.code == .databaseUnavailable
                pause = Self.backoff(
                    attempt: failures, initial: retryInitial,
                    maximum: wasUnavailable ? min(retryMaximum, unavailableRetryInterval) : retryMaximum)
                if failures == 1 {
                    let metadata: Logger.Metadata = [
                        "error.message": "\(error)", "scheduler.instance": "\(publisher.instance)",
                    ]
                    if wasUnavailable {
                        logger.warning("database unavailable; retrying with backoff", metadata: metadata)
                    } else {
                        logger.error("publishing pass failed; retrying with backoff", metadata: metadata)
                    }
                } else {
                    logger.debug(
                        "pass failed again",
                        metadata: [
                            "error.message": "\(error)", "scheduler.failed_attempts": "\(failures)",
                            "scheduler.retry_s": "\(pause)",
                        ])
                }
            }
            if releasesMemoryWhenIdle && pause >= Self.idlePause { releaseMemory() }
            do {
                try await cancelWhenGracefulShutdown {
                    try await Task.sleep(for: .milliseconds(Int(pause * 1000)))
                }
            } catch {
                break
            }
        }
        logger.info("scheduler stopped", metadata: ["scheduler.instance": "\(publisher.instance)"])
    }

    /// Pauses at least this long (seconds) are idle time worth giving memory back for; shorter
    /// ones (retries while the database is away) would only fault the same code back in.
    public static let idlePause: Double = 30

    /// Gives back what the pass touched and the pause does not need; logs the figures at debug level.
    private func releaseMemory() {
        guard logger.logLevel <= .debug else {
            ResidentMemory.release()
            return
        }
        let before = ResidentMemory.usage()
        let dropped = ResidentMemory.release()
        let after = ResidentMemory.usage()
        logger.debug(
            "released idle memory",
            metadata: [
                "memory.resident_kib_before": "\(before?.residentKiB ?? -1)",
                "memory.resident_kib": "\(after?.residentKiB ?? -1)",
                "memory.anonymous_kib": "\(after?.anonymousKiB ?? -1)",
                "memory.file_pages_dropped_kib": "\(dropped)",
            ])
    }

    /// Runs the service in a service group until SIGTERM or SIGINT asks it to stop.
    public func runUntilShutdown() async throws {
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: [
                    .init(
                        service: self, successTerminationBehavior: .gracefullyShutdownGroup,
                        failureTerminationBehavior: .gracefullyShutdownGroup)
                ],
                gracefulShutdownSignals: [.sigterm, .sigint],
                logger: logger))
        try await group.run()
    }

    /// A flag that is set once, shared by the copies of the service.
    private final class Flag: Sendable {
        private let value = Mutex(false)
        var isSet: Bool { value.withLock { $0 } }
        func set() { value.withLock { $0 = true } }
    }

    /// The pause before retry `attempt` (1, 2, ...): doubling from `initial` up to `maximum`, with
    /// "equal jitter" (half fixed, half random) so that instances do not retry in step.
    static func backoff(attempt: Int, initial: Double, maximum: Double) -> Double {
        let ceiling = min(maximum, initial * Double(1 << min(attempt - 1, 30)))
        return ceiling / 2 + Double.random(in: 0...(ceiling / 2))
    }
}
