import TackleDomain

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The plant's calendar: which day and month it is where the plant is.
///
/// "Today" and "the last complete month" depend on the plant's time zone (default
/// `Asia/Shanghai`), not the server's or the user's. Zones come from the system's time zone
/// database, so daylight saving time is handled wherever it applies.
public struct PlantClock: Sendable {
    /// The default plant time zone.
    public static let defaultTimeZone = "Asia/Shanghai"

    /// An IANA time zone name: `Asia/Shanghai`, `Europe/Berlin`, `UTC`.
    public let timeZone: String

    /// - Throws: ``DomainError`` `.invalidValue` naming `--time-zone` when the system does not know the zone.
    public init(timeZone: String) throws {
        guard Self.isKnown(timeZone) else {
            throw DomainError(
                .invalidValue, field: "--time-zone",
                message: "'\(timeZone)' is not a time zone this system knows (an IANA name like Asia/Shanghai)")
        }
        self.timeZone = timeZone
    }

    /// The plant's date at `instant` (seconds since 1970), by default now.
    public func date(at instant: Int = Int(time(nil))) -> LocalDate {
        localTime(at: instant).date
    }

    /// The plant's wall-clock time at `instant`: date, hour and minute.
    public func localTime(at instant: Int = Int(time(nil))) -> (date: LocalDate, hour: Int, minute: Int) {
        var seconds = time_t(instant)
        var parts = tm()
        withTimeZone { _ = localtime_r(&seconds, &parts) }
        let date = LocalDate(
            dayNumber: LocalDate.daysFromCivil(
                year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday)))
        return (date, Int(parts.tm_hour), Int(parts.tm_min))
    }

    /// The instant (seconds since 1970) of a wall-clock time at the plant.
    ///
    /// A time that does not exist (skipped by a daylight-saving change) resolves to the first
    /// instant after the gap; a time that occurs twice resolves to its first occurrence.
    public func instant(of date: LocalDate, hour: Int, minute: Int) -> Int {
        var parts = tm()
        parts.tm_year = Int32(date.year - 1900)
        parts.tm_mon = Int32(date.month - 1)
        parts.tm_mday = Int32(date.day)
        parts.tm_hour = Int32(hour)
        parts.tm_min = Int32(minute)
        parts.tm_isdst = -1
        var result = 0
        withTimeZone { result = Int(mktime(&parts)) }
        return result
    }

    /// Runs `body` with the C library's local time zone set to the plant's.
    ///
    /// The scheduler sets `TZ` to the plant zone once at start-up, before any other thread runs,
    /// so that this does not touch the environment while libpq may read it.
    private func withTimeZone(_ body: () -> Void) {
        let previous = getenv("TZ").map { String(cString: $0) }
        if previous == timeZone {
            tzset()
            body()
            return
        }
        setenv("TZ", timeZone, 1)
        tzset()
        body()
        if let previous { setenv("TZ", previous, 1) } else { unsetenv("TZ") }
        tzset()
    }

    /// The last month that has ended at the plant: the default month of a monthly report.
    public func lastCompleteMonth(at instant: Int = Int(time(nil))) -> Month {
        date(at: instant).monthOfYear.previous
    }

    private static func isKnown(_ zone: String) -> Bool {
        if zone == "UTC" { return true }
        guard !zone.isEmpty, !zone.hasPrefix("/"), !zone.contains("..") else { return false }
        for directory in ["/usr/share/zoneinfo/", "/usr/lib/zoneinfo/", "/usr/share/lib/zoneinfo/"]
        where access(directory + zone, R_OK) == 0 {
            return true
        }
        return false
    }
}
