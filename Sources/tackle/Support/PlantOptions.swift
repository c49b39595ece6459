import ArgumentParser
import TackleReport
import TackleStore

/// The plant's time zone, which decides what "today" and "last month" are.
struct PlantOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The plant's time zone (default: TACKLE_TIME_ZONE, else Asia/Shanghai).", valueName: "IANA zone"))
    var timeZone: String?

    /// The plant clock.
    func clock() throws -> PlantClock {
        try PlantClock(timeZone: timeZone ?? Environment.current["TACKLE_TIME_ZONE"] ?? PlantClock.defaultTimeZone)
    }
}
