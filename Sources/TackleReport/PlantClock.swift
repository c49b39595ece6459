import TackleDomain

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The plant's calendar: which day and month it is where the plant is.
///
/// "Today" and "the last complete month" depend on the plant's time zone (default
/// `Asia/Shanghai`), not the server's or the user's. The zone's rules are read once from the
/// system's time zone database (``ZoneRules``) and evaluated in Swift, so a clock never touches the
/// process's `TZ` and clocks of different zones can be used at once from any thread. Daylight
/// saving time is handled wherever it applies.
public struct PlantClock: Sendable {
    /// The default plant time zone.
    public static let defaultTimeZone = "Asia/Shanghai"

    /// An IANA time zone name: `Asia/Shanghai`, `Europe/Berlin`, `UTC`.
    public var timeZone: String { rules.identifier }

    private let rules: ZoneRules

    /// - Throws: ``DomainError`` `.invalidValue` naming `--time-zone` when the system does not know the zone.
    public init(timeZone: String) throws {
        do {
            rules = try ZoneRules(named: timeZone)
        } catch {
            throw DomainError(
                .invalidValue, field: "--time-zone",
                message: "'\(timeZone)' is not a time zone this system knows (an IANA name like Asia/Shanghai)")
        }
    }

    /// The plant's date at `instant` (seconds since 1970), by default now.
    public func date(at instant: Int = Int(time(nil))) -> LocalDate {
        localTime(at: instant).date
    }

    /// The plant's wall-clock time at `instant`: date, hour and minute.
    public func localTime(at instant: Int = Int(time(nil))) -> (date: LocalDate, hour: Int, minute: Int) {
        let local = rules.localTime(at: instant)
        let date = LocalDate(dayNumber: LocalDate.daysFromCivil(year: local.year, month: local.month, day: local.day))
        return (date, local.hour, local.minute)
    }

    /// The instant (seconds since 1970) of a wall-clock time at the plant.
    ///
    /// A time that does not exist (skipped by a daylight-saving change) resolves to the first
    /// instant after the gap; a time that occurs twice resolves to its first occurrence.
    public func instant(of date: LocalDate, hour: Int, minute: Int) -> Int {
        rules.instant(
            of: ZoneRules.LocalDateTime(
                year: date.year, month: date.month, day: date.day, hour: hour, minute: minute, second: 0))
    }

    /// The last month that has ended at the plant: the default month of a monthly report.
    public func lastCompleteMonth(at instant: Int = Int(time(nil))) -> Month {
        date(at: instant).monthOfYear.previous
    }
}
