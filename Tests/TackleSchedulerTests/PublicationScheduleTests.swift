import TackleDomain
import TackleReport
import TackleStore
import Testing

@testable import TackleScheduler

@Suite("When reports fall due")
struct PublicationScheduleTests {
    private func schedule(
        _ zone: String, day: Int = 1, hour: Int = 6, minute: Int = 0, catchUp: Int = 24
    ) throws -> PublicationSchedule {
        try PublicationSchedule(
            day: day, hour: hour, minute: minute, catchUpMonths: catchUp, clock: PlantClock(timeZone: zone))
    }

    private func instant(_ text: String, _ zone: String = "UTC") throws -> Int {
        try Instant.parse(text, clock: PlantClock(timeZone: zone))
    }

    @Test("the report for a month is due on the 1st of the next month at 06:00 plant time")
    func defaultDueTime() throws {
        let shanghai = try schedule("Asia/Shanghai")
        // 2026-06-01 06:00 in Shanghai is 2026-05-31 22:00 UTC.
        #expect(shanghai.dueInstant(of: try Month.parse("2026-05")) == (try instant("2026-05-31T22:00:00Z")))
        #expect(shanghai.latestDueMonth(at: try instant("2026-05-31T21:59:59Z")).description == "2026-04")
        #expect(shanghai.latestDueMonth(at: try instant("2026-05-31T22:00:00Z")).description == "2026-05")
    }

    @Test("due times follow daylight saving time where the plant has it")
    func daylightSaving() throws {
        let newYork = try schedule("America/New_York", day: 2, hour: 6)
        // 06:00 in New York is 10:00 UTC in summer (EDT) and 11:00 UTC in winter (EST).
        #expect(newYork.dueInstant(of: try Month.parse("2026-06")) == (try instant("2026-07-02T10:00:00Z")))
        #expect(newYork.dueInstant(of: try Month.parse("2026-11")) == (try instant("2026-12-02T11:00:00Z")))
        // A due time inside the spring-forward gap (02:30 on 2027-03-14 does not exist) falls due after it.
        let gap = try schedule("America/New_York", day: 14, hour: 2, minute: 30)
        let due = gap.dueInstant(of: try Month.parse("2027-02"))
        #expect(due >= (try instant("2027-03-14T07:00:00Z")))
        #expect(due <= (try instant("2027-03-14T07:30:00Z")))
        #expect(gap.latestDueMonth(at: try instant("2027-03-14T06:59:00Z")).description == "2027-01")
        #expect(gap.latestDueMonth(at: try instant("2027-03-14T07:31:00Z")).description == "2027-02")
    }

    @Test("catch-up covers at most the bound, oldest first, and nothing before the first data")
    func catchUp() throws {
        let shanghai = try schedule("Asia/Shanghai", catchUp: 24)
        let now = try instant("2027-11-01T07:00:00+08:00")
        let months = shanghai.monthsDue(at: now, firstDataMonth: try Month.parse("2020-01"))
        #expect(months.count == 24)
        #expect(months.first?.description == "2025-11")
        #expect(months.last?.description == "2027-10")
        #expect(months == months.sorted())
        let recent = shanghai.monthsDue(at: now, firstDataMonth: try Month.parse("2027-08"))
        #expect(recent.map(\.description) == ["2027-08", "2027-09", "2027-10"])
        #expect(shanghai.monthsDue(at: now, firstDataMonth: try Month.parse("2027-11")).isEmpty)
    }

    @Test("the next due time after a pass is next month's due time")
    func nextDue() throws {
        let shanghai = try schedule("Asia/Shanghai")
        let now = try instant("2026-06-15T12:00:00+08:00")
        #expect(shanghai.nextDueInstant(after: now) == (try instant("2026-07-01T06:00:00+08:00")))
    }

    @Test(
        "bad settings are refused naming the option",
        arguments: [(0, 6, 0, 24), (29, 6, 0, 24), (1, 24, 0, 24), (1, 6, 60, 24), (1, 6, 0, 0)]
    )
    func badSettings(day: Int, hour: Int, minute: Int, catchUp: Int) throws {
        let error = try #require(throws: StoreError.self) {
            try schedule("UTC", day: day, hour: hour, minute: minute, catchUp: catchUp)
        }
        #expect(error.message.hasPrefix("--"))
    }

    @Test("--now reads ISO 8601 with and without an offset")
    func instants() throws {
        #expect(try instant("1970-01-01T00:00:00Z") == 0)
        #expect(try instant("2026-05-01T08:00:00+08:00") == instant("2026-05-01T00:00:00Z"))
        #expect(try instant("2026-05-01T08:00+08") == instant("2026-05-01T00:00:00Z"))
        #expect(try instant("2026-05-01 08:00:00.250-05:30") == instant("2026-05-01T13:30:00Z"))
        #expect(try instant("2026-05-01T08:00:00", "Asia/Shanghai") == instant("2026-05-01T00:00:00Z"))
        for bad in ["2026-05-01", "2026-05-01T25:00Z", "tomorrow", "2026-05-01T08:00:00+8", "2026-13-01T00:00Z"] {
            #expect(throws: StoreError.self) { try instant(bad) }
        }
    }
}
