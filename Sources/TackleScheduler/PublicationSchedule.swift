import TackleDomain
import TackleReport
import TackleStore

/// When each month's report is due: on a day of the next month at a local time at the plant.
///
/// The report for month M is due on ``day`` of month M+1 at ``hour``:``minute`` plant time
/// (defaults: the 5th, after the figures deadline, 08:00, Asia/Shanghai). Times are compared on the plant's wall clock, so
/// daylight-saving changes move nothing: a due time skipped by a change falls due when the
/// clock passes it.
public struct PublicationSchedule: Sendable {
    /// The day of the month after the reported month, 1...28 so that every month has it.
    public var day: Int
    public var hour: Int
    public var minute: Int
    /// How many months back a pass publishes what is missing: the catch-up bound.
    public var catchUpMonths: Int
    public var clock: PlantClock

    /// - Throws: ``StoreError`` `.invalidInput` naming the field when a value is out of range.
    public init(day: Int = 5, hour: Int = 8, minute: Int = 0, catchUpMonths: Int = 24, clock: PlantClock) throws {
        guard (1...28).contains(day) else {
            throw StoreError(.invalidInput, field: "--due-day", "--due-day: \(day) must be 1-28 (every month has it)")
        }
        guard (0...23).contains(hour), (0...59).contains(minute) else {
            throw StoreError(.invalidInput, field: "--due-time", "--due-time: \(hour):\(minute) is not a time of day")
        }
        guard (1...600).contains(catchUpMonths) else {
            throw StoreError(.invalidInput, field: "--catch-up", "--catch-up: \(catchUpMonths) must be 1-600 months")
        }
        self.day = day
        self.hour = hour
        self.minute = minute
        self.catchUpMonths = catchUpMonths
        self.clock = clock
    }

    /// The newest month whose report is due at `instant`.
    public func latestDueMonth(at instant: Int) -> Month {
        let now = clock.localTime(at: instant)
        let lastMonth = now.date.monthOfYear.previous
        let isDue = (now.date.day, now.hour, now.minute) >= (day, hour, minute)
        return isDue ? lastMonth : lastMonth.previous
    }

    /// The months a pass at `instant` publishes if missing, oldest first: the due months within the
    /// catch-up bound, none before `firstDataMonth`.
    public func monthsDue(at instant: Int, firstDataMonth: Month) -> [Month] {
        let latest = latestDueMonth(at: instant)
        var first = latest.adding(months: -(catchUpMonths - 1))
        if first < firstDataMonth { first = firstDataMonth }
        guard first <= latest else { return [] }
        return (0...first.months(until: latest)).map { first.adding(months: $0) }
    }

    /// The instant (seconds since 1970) the report for `month` falls due.
    public func dueInstant(of month: Month) -> Int {
        let dueDay = month.adding(months: 1).firstDay.adding(days: day - 1)
        return clock.instant(of: dueDay, hour: hour, minute: minute)
    }

    /// The instant the next report after those due at `instant` falls due.
    public func nextDueInstant(after instant: Int) -> Int {
        dueInstant(of: latestDueMonth(at: instant).adding(months: 1))
    }
}
