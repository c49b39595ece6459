import ArgumentParser
import TackleDomain
import TackleReport
import TackleStore

/// The plant's time zone, which decides what "today" and "last month" are.
struct PlantOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The plant's time zone (default: TACKLE_TIME_ZONE, else Asia/Shanghai).", valueName: "IANA zone"))
    var timeZone: String?

    /// Refuses a zone the system does not know when the command line is read, so that every
    /// command taking `--time-zone` (or `TACKLE_TIME_ZONE`) refuses it, including those that only
    /// need the clock now and then (`project open --opened`).
    func validate() throws {
        _ = try clock()
    }

    /// The plant clock.
    ///
    /// - Throws: ``DomainError`` naming `--time-zone`, or `TACKLE_TIME_ZONE` when the zone came from
    ///   there, when the system's time zone database has no such zone.
    func clock() throws -> PlantClock {
        if let timeZone { return try PlantClock(timeZone: timeZone) }
        guard let name = Environment.current["TACKLE_TIME_ZONE"] else {
            return try PlantClock(timeZone: PlantClock.defaultTimeZone)
        }
        do {
            return try PlantClock(timeZone: name)
        } catch let error as DomainError {
            throw error.attributed(to: "TACKLE_TIME_ZONE")
        }
    }
}
