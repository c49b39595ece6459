import Logging
import ServiceLifecycle
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
/// seconds to check the files. When the database is unreachable it logs it once, retries with a
/// bounded exponential backoff with jitter, and carries on when the server is back. A schema that
/// does not match this tackle stops it with an error. Graceful shutdown (SIGTERM, SIGINT) ends the
/// sleep at once; a pass in progress finishes first, and files are only ever renamed into place
/// complete.
public struct SchedulerService: Service {
    public var location: DatabaseLocation
    public var publisher: ReportPublisher
    /// Seconds added to the system clock (the hidden `--now` option).
    public var clockOffset: Int
    /// The longest sleep between passes, in seconds.
    public var recheckInterval: Int
    /// Backoff bounds while the database is unreachable, in seconds.
    public var retryInitial: Double
    public var retryMaximum: Double
    public var logger: Logger

    public init(
        location: DatabaseLocation, publisher: ReportPublisher, clockOffset: Int = 0, recheckInterval: Int = 600,
        retryInitial: Double = 1, retryMaximum: Double = 60, logger: Logger
    ) {
        self.location = location
        self.publisher = publisher
        self.clockOffset = clockOffset
        self.recheckInterval = recheckInterval
        self.retryInitial = retryInitial
        self.retryMaximum = retryMaximum
        self.logger = logger
    }

    /// The scheduler's clock: the system's, shifted by ``clockOffset``.
    public var now: Int { Int(time(nil)) + clockOffset }

    public func run() async throws {
        logger.info(
            "scheduler started",
            metadata: [
                "scheduler.instance": "\(publisher.instance)", "report.directory": "\(publisher.files.directory)",
                "scheduler.time_zone": "\(publisher.schedule.clock.timeZone)",
            ])
        var failures = 0
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            let instant = now
            let pause: Double
            do {
                _ = try Store.withStore(at: location, logger: logger) { store in
                    try publisher.pass(on: store, at: instant)
                }
                if failures > 0 {
                    logger.info("database is reachable again", metadata: ["scheduler.failed_attempts": "\(failures)"])
                }
                failures = 0
                let untilDue = publisher.schedule.nextDueInstant(after: instant) - instant
                pause = Double(max(1, min(untilDue, recheckInterval)))
                logger.debug("pass done", metadata: ["scheduler.sleep_s": "\(pause)"])
            } catch let error as StoreError where error.code == .databaseUnavailable {
                failures += 1
                pause = Self.backoff(attempt: failures, initial: retryInitial, maximum: retryMaximum)
                if failures == 1 {
                    logger.warning(
                        "database unavailable; retrying with backoff",
                        metadata: ["error.message": "\(error.message)", "scheduler.instance": "\(publisher.instance)"])
                } else {
                    logger.debug(
                        "database still unavailable",
                        metadata: ["scheduler.failed_attempts": "\(failures)", "scheduler.retry_s": "\(pause)"])
                }
            }
            do {
                try await cancelWhenGracefulShutdown {
                    try await Task.sleep(for: .milliseconds(Int(pause * 1000)))
                }
            } catch is CancellationError {
                break
            }
        }
        logger.info("scheduler stopped", metadata: ["scheduler.instance": "\(publisher.instance)"])
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

    /// The pause before retry `attempt` (1, 2, ...): doubling from `initial` up to `maximum`, with
    /// "equal jitter" (half fixed, half random) so that instances do not retry in step.
    static func backoff(attempt: Int, initial: Double, maximum: Double) -> Double {
        let ceiling = min(maximum, initial * Double(1 << min(attempt - 1, 30)))
        return ceiling / 2 + Double.random(in: 0...(ceiling / 2))
    }
}
