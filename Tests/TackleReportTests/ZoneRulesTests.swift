import Testing

@testable import TackleReport

@Suite("Time zone rules read from TZif files")
struct ZoneRulesTests {
    /// Transitions and fixed points, one second either side of each change.
    ///
    /// Reference: Python 3.11.7 zoneinfo over this system's /usr/share/zoneinfo (tzdata 2025b),
    /// `datetime.fromtimestamp(t, ZoneInfo(zone))`: its `utcoffset()` and wall clock.
    static let offsetCases: [(zone: String, instant: Int, offset: Int, wallClock: String)] = [
        ("Asia/Shanghai", 1_780_000_000, 28_800, "2026-05-29 04:26:40"),
        ("Asia/Shanghai", 577_216_799, 28_800, "1988-04-17 01:59:59"),
        ("Asia/Shanghai", 577_216_800, 32_400, "1988-04-17 03:00:00"),
        ("Asia/Shanghai", 589_914_000, 28_800, "1988-09-11 01:00:00"),
        ("Asia/Shanghai", -933_667_200, 32_400, "1940-06-01 01:00:00"),
        // Before the first transition: local mean time, +08:05:43.
        ("Asia/Shanghai", -2_208_988_800, 29_143, "1900-01-01 08:05:43"),
        ("Europe/Berlin", 1_774_745_999, 3600, "2026-03-29 01:59:59"),
        ("Europe/Berlin", 1_774_746_000, 7200, "2026-03-29 03:00:00"),
        ("Europe/Berlin", 1_792_889_999, 7200, "2026-10-25 02:59:59"),
        ("Europe/Berlin", 1_792_890_000, 3600, "2026-10-25 02:00:00"),
        ("Europe/Berlin", 1_806_195_599, 3600, "2027-03-28 01:59:59"),
        ("Europe/Berlin", 1_806_195_600, 7200, "2027-03-28 03:00:00"),
        ("Europe/Berlin", 1_824_944_399, 7200, "2027-10-31 02:59:59"),
        ("Europe/Berlin", 1_824_944_400, 3600, "2027-10-31 02:00:00"),
        ("Europe/Berlin", 2_216_249_999, 3600, "2040-03-25 01:59:59"),
        ("Europe/Berlin", 2_216_250_000, 7200, "2040-03-25 03:00:00"),
        ("Europe/Berlin", 2_234_998_799, 7200, "2040-10-28 02:59:59"),
        ("Europe/Berlin", 2_234_998_800, 3600, "2040-10-28 02:00:00"),
        ("Europe/Berlin", -1, 3600, "1970-01-01 00:59:59"),
        ("America/New_York", 1_772_953_199, -18_000, "2026-03-08 01:59:59"),
        ("America/New_York", 1_772_953_200, -14_400, "2026-03-08 03:00:00"),
        ("America/New_York", 1_793_512_799, -14_400, "2026-11-01 01:59:59"),
        ("America/New_York", 1_793_512_800, -18_000, "2026-11-01 01:00:00"),
        ("America/New_York", 1_805_007_599, -18_000, "2027-03-14 01:59:59"),
        ("America/New_York", 1_805_007_600, -14_400, "2027-03-14 03:00:00"),
        ("America/New_York", 1_825_567_199, -14_400, "2027-11-07 01:59:59"),
        ("America/New_York", 1_825_567_200, -18_000, "2027-11-07 01:00:00"),
        ("America/New_York", 2_215_061_999, -18_000, "2040-03-11 01:59:59"),
        ("America/New_York", 2_215_062_000, -14_400, "2040-03-11 03:00:00"),
        ("America/New_York", 2_235_621_599, -14_400, "2040-11-04 01:59:59"),
        ("America/New_York", 2_235_621_600, -18_000, "2040-11-04 01:00:00"),
        // Lord Howe Island moves its clocks by 30 minutes.
        ("Australia/Lord_Howe", 1_775_314_799, 39_600, "2026-04-05 01:59:59"),
        ("Australia/Lord_Howe", 1_775_314_800, 37_800, "2026-04-05 01:30:00"),
        ("Australia/Lord_Howe", 1_791_041_399, 37_800, "2026-10-04 01:59:59"),
        ("Australia/Lord_Howe", 1_791_041_400, 39_600, "2026-10-04 02:30:00"),
        ("Australia/Lord_Howe", 2_216_818_799, 39_600, "2040-04-01 01:59:59"),
        ("Australia/Lord_Howe", 2_216_818_800, 37_800, "2040-04-01 01:30:00"),
        ("Australia/Lord_Howe", 2_233_150_199, 37_800, "2040-10-07 01:59:59"),
        ("Australia/Lord_Howe", 2_233_150_200, 39_600, "2040-10-07 02:30:00"),
        ("Asia/Kolkata", 1_780_000_000, 19_800, "2026-05-29 01:56:40"),
        ("Asia/Kolkata", 2_216_250_000, 19_800, "2040-03-25 06:30:00"),
        // Nuuk's footer changes at -1:00, i.e. 23:00 the day before.
        ("America/Nuuk", 2_216_249_999, -7200, "2040-03-24 22:59:59"),
        ("America/Nuuk", 2_216_250_000, -3600, "2040-03-25 00:00:00"),
        // Dublin's footer has "negative DST": GMT in winter is the daylight type.
        ("Europe/Dublin", 2_216_249_999, 0, "2040-03-25 00:59:59"),
        ("Europe/Dublin", 2_216_250_000, 3600, "2040-03-25 02:00:00"),
        ("UTC", 0, 0, "1970-01-01 00:00:00"),
        ("UTC", -1, 0, "1969-12-31 23:59:59"),
        ("UTC", 2_216_250_000, 0, "2040-03-25 01:00:00"),
    ]

    @Test("Offsets and wall clocks agree with Python's zoneinfo", arguments: offsetCases)
    func offsetAndWallClock(zone: String, instant: Int, offset: Int, wallClock: String) throws {
        let rules = try ZoneRules(named: zone)
        #expect(rules.utcOffset(at: instant) == offset)
        #expect(rules.localTime(at: instant) == LocalDateTime(wallClock))
    }

    /// Wall clocks in gaps and folds.
    ///
    /// Reference: Python 3.11.7 zoneinfo,
    /// `datetime(..., tzinfo=ZoneInfo(zone), fold=0).timestamp()` (PEP 495: fold 0 takes the offset before
    /// the change, which is the first occurrence in a fold and the instant after the gap).
    static let instantCases: [(zone: String, wallClock: String, instant: Int)] = [
        // Gaps: the skipped wall clock is read with the offset before the gap.
        ("America/New_York", "2026-03-08 02:30:00", 1_772_955_000),
        ("America/New_York", "2040-03-11 02:00:00", 2_215_062_000),
        ("Europe/Berlin", "2026-03-29 02:30:00", 1_774_747_800),
        ("Europe/Berlin", "2027-03-28 02:00:00", 1_806_195_600),
        ("Australia/Lord_Howe", "2026-10-04 02:15:00", 1_791_042_300),
        // Folds: the first occurrence.
        ("America/New_York", "2026-11-01 01:30:00", 1_793_511_000),
        ("America/New_York", "2040-11-04 01:00:00", 2_235_618_000),
        ("Europe/Berlin", "2026-10-25 02:30:00", 1_792_888_200),
        ("Europe/Berlin", "2040-10-28 02:59:59", 2_234_998_799),
        ("Australia/Lord_Howe", "2026-04-05 01:45:00", 1_775_313_900),
        // Just outside the gap and the fold, and zones without either.
        ("America/New_York", "2026-03-08 01:59:59", 1_772_953_199),
        ("America/New_York", "2026-03-08 03:00:00", 1_772_953_200),
        ("America/New_York", "2026-11-01 02:00:00", 1_793_516_400),
        ("Asia/Shanghai", "2026-05-28 12:00:00", 1_779_940_800),
        ("Asia/Kolkata", "2026-01-01 00:00:00", 1_767_205_800),
    ]

    @Test("Wall clocks in a gap move past it; wall clocks in a fold take the first pass", arguments: instantCases)
    func instantOfWallClock(zone: String, wallClock: String, instant: Int) throws {
        let rules = try ZoneRules(named: zone)
        #expect(rules.instant(of: LocalDateTime(wallClock)) == instant)
    }

    @Test("2040 lies past the last transition in the files, so the footer rule decides it")
    func farFutureUsesFooter() throws {
        for zone in ["Europe/Berlin", "America/New_York", "Australia/Lord_Howe"] {
            let rules = try ZoneRules(named: zone)
            #expect(try #require(rules.transitions.last) < 2_208_988_800, "\(zone)")
        }
    }

    @Test("Shanghai has kept UTC+8 since its last DST ended in 1991")
    func shanghaiWithoutDaylightSaving() throws {
        let rules = try ZoneRules(named: "Asia/Shanghai")
        // Daily from 1992 to 2100.
        let offsets = Set(stride(from: 694_224_000, to: 4_102_444_800, by: 86_400).map(rules.utcOffset(at:)))
        #expect(offsets == [28_800])
    }

    @Test("Every wall clock maps back to its instant, except the second pass through a fold")
    func roundTrip() throws {
        let rules = try ZoneRules(named: "Europe/Berlin")
        // 2026, every 15 minutes.
        for instant in stride(from: 1_767_225_600, to: 1_798_761_600, by: 900) {
            let back = rules.instant(of: rules.localTime(at: instant))
            let inSecondPass = rules.localTime(at: instant - 3600) == rules.localTime(at: instant)
            #expect(back == instant || (inSecondPass && back == instant - 3600), "\(instant)")
        }
    }

    @Test("Fields out of range carry over like mktime")
    func outOfRangeFields() throws {
        let rules = try ZoneRules(named: "UTC")
        let newYear = rules.instant(of: LocalDateTime("2026-01-01 00:00:00"))
        #expect(newYear == 1_767_225_600)
        #expect(rules.instant(of: .init(year: 2025, month: 13, day: 1, hour: 0, minute: 0, second: 0)) == newYear)
        #expect(rules.instant(of: .init(year: 2025, month: 12, day: 31, hour: 24, minute: 0, second: 0)) == newYear)
        #expect(
            rules.instant(of: .init(year: 2026, month: 1, day: 0, hour: 0, minute: 0, second: 0)) == newYear - 86_400)
    }

    @Test("UTC is built in and has offset 0 everywhere")
    func utc() throws {
        let rules = try ZoneRules(named: "UTC")
        #expect(rules.identifier == "UTC")
        #expect([Int.min / 2, -1, 0, 4_102_444_800, Int.max / 2].allSatisfy { rules.utcOffset(at: $0) == 0 })
    }

    @Test(
        "Names that are empty, absolute, climb out of the zone directory or are unknown are refused",
        arguments: [
            "", "/usr/share/zoneinfo/UTC", "../zoneinfo/UTC", "Europe/../../../etc/passwd", "Mars/Olympus",
            "Europe", "zone.tab",
        ]
    )
    func refusedNames(name: String) {
        let error = #expect(throws: ZoneRules.LoadError.self) { try ZoneRules(named: name) }
        #expect(error?.identifier == name)
        #expect(error?.description.contains("time zone '\(name)'") == true)
    }

    @Test("A name with a NUL byte is refused, not cut short at it")
    func nameWithNUL() {
        // As a C string the name would open Europe/Berlin.
        let error = #expect(throws: ZoneRules.LoadError.self) { try ZoneRules(named: "Europe/Berlin\u{0}") }
        #expect(error?.reason == "the name contains characters no IANA time zone name has")
    }

    @Test("Every truncation of a valid file is refused")
    func truncatedFiles() throws {
        let berlin = try ZoneRules.readFile(atPath: "/usr/share/zoneinfo/Europe/Berlin").get()
        let slim = tzif(types: [(-18_000, false)], footer: "EST5EDT,M3.2.0,M11.1.0")
        let version1 = tzif(version: 0, transitions: [(0, 0)], types: [(3600, false)])
        for bytes in [berlin, slim, version1] {
            _ = try ZoneRules(identifier: "whole", tzif: bytes)
            let accepted = (0..<bytes.count).filter {
                (try? ZoneRules(identifier: "cut", tzif: Array(bytes[..<$0]))) != nil
            }
            #expect(accepted.isEmpty)
        }
        let error = #expect(throws: ZoneRules.LoadError.self) {
            try ZoneRules(identifier: "Cut/Off", tzif: Array(berlin[..<100]))
        }
        #expect(error?.description == "time zone 'Cut/Off': malformed TZif data: truncated")
    }

    @Test("Data that breaks RFC 8536 is refused")
    func malformedData() {
        let cases = [
            Array("TZjf2".utf8) + tzif(types: [(0, false)]).dropFirst(5),
            tzif(transitions: [(0, 1)], types: [(0, false)]),
            tzif(transitions: [(10, 0), (10, 0)], types: [(0, false)]),
            tzif(types: []),
            tzif(types: [(100_000, false)]),
            tzif(types: [(0, false)], footer: "EST5EDT"),
            tzif(types: [(0, false)], footer: "EST5EDT,M13.1.0,M11.1.0"),
            tzif(types: [(0, false)], footer: "EST5EDT,M3.2.0/168,M11.1.0"),
            tzif(types: [(0, false)], footer: "<+0330-3:30"),
        ]
        for bytes in cases {
            #expect(throws: ZoneRules.LoadError.self) { try ZoneRules(identifier: "bad", tzif: bytes) }
        }
    }

    @Test("A slim file with no transitions takes every instant from its footer")
    func slimFile() throws {
        let slim = try ZoneRules(
            identifier: "Slim/New_York", tzif: tzif(types: [(-18_000, false)], footer: "EST5EDT,M3.2.0,M11.1.0"))
        let newYork = try ZoneRules(named: "America/New_York")
        for (zone, instant, offset, _) in Self.offsetCases where zone == "America/New_York" {
            #expect(slim.utcOffset(at: instant) == offset)
            #expect(slim.localTime(at: instant) == newYork.localTime(at: instant))
        }
        #expect(slim.instant(of: LocalDateTime("2040-03-11 02:00:00")) == 2_215_062_000)
    }

    /// Footer rules no real zone uses today.
    ///
    /// Reference: glibc 2.36 `localtime_r` with `TZ` set to the string; for `EST5EDT,0/0,J365/25`,
    /// RFC 8536 section 3.3.1, which defines it as daylight time all year (glibc, evaluating each UTC year
    /// on its own, gives standard time in the first five hours of a year).
    static let footerCases: [(footer: String, instant: Int, offset: Int)] = [
        ("<+0330>-3:30", 0, 12_600),
        ("CST-8", 0, 28_800),
        // J59 is February 28 and J60 March 1, even in a leap year.
        ("XXX3YYY,J59/2,J300/2", 1_709_096_399, -10_800),
        ("XXX3YYY,J59/2,J300/2", 1_709_096_400, -7200),
        ("XXX3YYY,J60/2,J300/2", 1_709_269_199, -10_800),
        ("XXX3YYY,J60/2,J300/2", 1_709_269_200, -7200),
        // Zero-based day 59 is February 29 in a leap year.
        ("XXX3YYY,59/2,300/2", 1_709_182_799, -10_800),
        ("XXX3YYY,59/2,300/2", 1_709_182_800, -7200),
        // 50 hours after the fourth Thursday of March 2026 (the 26th).
        ("EET-2EEST,M3.4.4/50,M10.4.4/50", 1_774_655_999, 7200),
        ("EET-2EEST,M3.4.4/50,M10.4.4/50", 1_774_656_000, 10_800),
        ("EST5EDT,0/0,J365/25", 1_767_232_800, -14_400),
        ("EST5EDT,0/0,J365/25", 1_782_864_000, -14_400),
    ]

    @Test("Footer rules: quoted names, Jn and n days, hours past 24, daylight time all year", arguments: footerCases)
    func footerRule(footer: String, instant: Int, offset: Int) throws {
        let rules = try ZoneRules(identifier: footer, tzif: tzif(types: [(0, false)], footer: footer))
        #expect(rules.utcOffset(at: instant) == offset)
    }

    @Test("Before the first transition the first standard-time type applies; a v1 file keeps its last type")
    func version1File() throws {
        let bytes = tzif(version: 0, transitions: [(1000, 0), (2000, 1)], types: [(7200, true), (3600, false)])
        let rules = try ZoneRules(identifier: "V1", tzif: bytes)
        #expect(rules.utcOffset(at: 999) == 3600)
        #expect(rules.utcOffset(at: 1000) == 7200)
        #expect(rules.utcOffset(at: 2000) == 3600)
        #expect(rules.utcOffset(at: 4_102_444_800) == 3600)
    }
}

/// `ZoneRules.LocalDateTime`, short for the tables.
private typealias LocalDateTime = ZoneRules.LocalDateTime

extension ZoneRules.LocalDateTime {
    /// Parses "2026-03-08 02:30:00".
    fileprivate init(_ text: String) {
        let fields = text.split(whereSeparator: { "- :".contains($0) }).map { Int($0)! }
        self.init(
            year: fields[0], month: fields[1], day: fields[2], hour: fields[3], minute: fields[4], second: fields[5])
    }
}

/// TZif bytes laid out as zic writes them, built by hand so that a test controls every field.
///
/// Version 0 gives a v1 file (32-bit times, no footer); other versions repeat the data with 64-bit times
/// and end with the footer.
private func tzif(
    version: UInt8 = UInt8(ascii: "2"), transitions: [(at: Int, type: UInt8)] = [],
    types: [(offset: Int, isDaylight: Bool)], footer: String = ""
) -> [UInt8] {
    func block(timeSize: Int) -> [UInt8] {
        var bytes = Array("TZif".utf8) + [version] + [UInt8](repeating: 0, count: 15)
        for count in [0, 0, 0, transitions.count, types.count, 4] { bytes += bigEndian(count, size: 4) }
        for transition in transitions { bytes += bigEndian(transition.at, size: timeSize) }
        bytes += transitions.map(\.type)
        for type in types { bytes += bigEndian(type.offset, size: 4) + [type.isDaylight ? 1 : 0, 0] }
        return bytes + Array("XXX\0".utf8)
    }
    if version == 0 { return block(timeSize: 4) }
    return block(timeSize: 4) + block(timeSize: 8) + Array("\n\(footer)\n".utf8)
}

private func bigEndian(_ value: Int, size: Int) -> [UInt8] {
    (0..<size).map { UInt8(truncatingIfNeeded: value >> (8 * (size - 1 - $0))) }
}
