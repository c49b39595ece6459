extension ZoneRules {
    /// The rule of a TZif footer: a POSIX TZ string such as `CET-1CEST,M3.5.0,M10.5.0/3`.
    ///
    /// It governs every instant after the last transition in the file, so it is what makes DST dates in
    /// 2040 right in "slim" files, which stop listing transitions once the footer can describe them. The
    /// grammar is POSIX with the RFC 8536 extensions: `<+0330>` quoted names and transition times from
    /// -167 to 167 hours.
    struct POSIXRule: Sendable, Hashable {
        /// Seconds east of UTC (POSIX writes them west: `CST-8` is +8 h).
        var standardOffset: Int
        /// Daylight saving time, when the zone has it.
        var daylight: Daylight?

        struct Daylight: Sendable, Hashable {
            var offset: Int
            var start: Transition
            var end: Transition
            /// No year has a change: daylight time all year.
            var isPerpetual: Bool
        }

        /// A yearly transition: a day of the year and a local time on it.
        struct Transition: Sendable, Hashable {
            var day: DayRule
            /// Seconds after local midnight, in the time in force before the transition.
            var time: Int
        }

        enum DayRule: Sendable, Hashable {
            /// `Jn`: day 1...365, February 29 never counted.
            case julian(Int)
            /// `n`: day 0...365, February 29 counted.
            case zeroBased(Int)
            /// `Mm.w.d`: weekday `d` (0 = Sunday) of week `w` (5 = last) of month `m`.
            case monthWeek(month: Int, week: Int, weekday: Int)
        }

        /// One change of the yearly cycle, in UTC.
        private struct Event {
            var instant: Int
            var year: Int
            var isDaylight: Bool
        }

        /// The Gregorian calendar repeats, weekdays included, every 400 years (146,097 days, a whole
        /// number of weeks), so any instant can be evaluated in 1970...2370 without overflow.
        private static let cycle = 146_097 * 86_400

        init(fixedOffset offset: Int) {
            standardOffset = offset
            daylight = nil
        }

        /// Parses a TZ string; nil when it is not one.
        init?(_ text: String) {
            var scanner = TZStringScanner(bytes: Array(text.utf8))
            // POSIX offsets are hours 0...24 west of UTC; the sign is flipped to east.
            guard scanner.name(), let standard = scanner.time(maximumHours: 24) else { return nil }
            standardOffset = -standard
            if scanner.isAtEnd {
                daylight = nil
                return
            }
            guard scanner.name() else { return nil }
            var offset = standardOffset + 3600
            if !scanner.isAt(UInt8(ascii: ",")) {
                guard let value = scanner.time(maximumHours: 24) else { return nil }
                offset = -value
            }
            // RFC 8536 footers always state the rule; POSIX's implementation-defined default is not guessed.
            guard scanner.skip(UInt8(ascii: ",")), let start = scanner.transition(), scanner.skip(UInt8(ascii: ",")),
                let end = scanner.transition(), scanner.isAtEnd
            else { return nil }
            daylight = Daylight(offset: offset, start: start, end: end, isPerpetual: false)
            // The calendar repeats every 400 years, so one cycle without changes means none ever.
            let isPerpetual = events(in: 1970...2369).isEmpty
            daylight?.isPerpetual = isPerpetual
        }

        /// The offset in force at `instant`.
        func offset(at instant: Int) -> Int {
            guard let daylight else { return standardOffset }
            if daylight.isPerpetual { return daylight.offset }
            let shift = ZoneRules.floorDivide(instant, Self.cycle) * Self.cycle
            let shifted = instant - shift
            let year = ZoneRules.civil(fromDays: ZoneRules.floorDivide(shifted, 86_400)).year
            // A transition of one year can fall in the next UTC year (times up to 167 h), so the state at
            // `shifted` is set by the latest change among the neighbouring years.
            if let latest = events(in: (year - 2)...(year + 1)).last(where: { $0.instant <= shifted }) {
                return latest.isDaylight ? daylight.offset : standardOffset
            }
            // Years whose DST lasts a year or more have no changes; the state carries over from the last
            // year that has some (and one within 400 years does, or the rule would be perpetual).
            for earlier in stride(from: year - 3, through: year - 400, by: -1) {
                if let last = events(in: earlier...earlier).last {
                    return last.isDaylight ? daylight.offset : standardOffset
                }
            }
            return standardOffset
        }

        /// The instants in `range` at which the rule switches between standard and daylight time.
        func changes(in range: ClosedRange<Int>) -> [Int] {
            guard let daylight, !daylight.isPerpetual else { return [] }
            let shift = ZoneRules.floorDivide(range.lowerBound, Self.cycle) * Self.cycle
            let lower = range.lowerBound - shift
            let upper = range.upperBound - shift
            let first = ZoneRules.civil(fromDays: ZoneRules.floorDivide(lower, 86_400)).year
            let last = ZoneRules.civil(fromDays: ZoneRules.floorDivide(upper, 86_400)).year
            return events(in: (first - 1)...(last + 1)).filter { (lower...upper).contains($0.instant) }.map {
                $0.instant + shift
            }
        }

        /// The starts and ends of daylight time in `years`, in time order.
        ///
        /// This follows the reference implementation (tzcode's `tzparse`): a year whose daylight time would
        /// last a whole year or more, or not at all, has no changes, and a rule with no changes in any year
        /// is daylight time all year (`EST5EDT,0/0,J365/25` in RFC 8536). A start later than the end in the
        /// same year is the southern hemisphere: daylight time from the start into the next year.
        private func events(in years: ClosedRange<Int>) -> [Event] {
            guard let daylight else { return [] }
            var events: [Event] = []
            for year in years {
                // The start is written in standard time, the end in daylight time.
                let start = daylight.start.wallSeconds(in: year) - standardOffset
                let end = daylight.end.wallSeconds(in: year) - daylight.offset
                let yearLength = (ZoneRules.isLeapYear(year) ? 366 : 365) * 86_400
                guard end < start || (start < end && end - start < yearLength) else { continue }
                events.append(Event(instant: start, year: year, isDaylight: true))
                events.append(Event(instant: end, year: year, isDaylight: false))
            }
            // Equal instants: the later year wins, then the end, so the state after them is the later one's.
            return events.sorted {
                ($0.instant, $0.year, $0.isDaylight ? 0 : 1) < ($1.instant, $1.year, $1.isDaylight ? 0 : 1)
            }
        }
    }
}

extension ZoneRules.POSIXRule.Transition {
    /// Seconds since 1970-01-01 00:00 of the local wall clock at which the transition happens in `year`.
    func wallSeconds(in year: Int) -> Int {
        let newYear = ZoneRules.days(fromCivil: year, 1, 1)
        let days: Int
        switch day {
        case .julian(let number):
            // Day 60 is March 1 in every year, so a leap year moves it, and everything after, by one.
            days = newYear + number - 1 + (number >= 60 && ZoneRules.isLeapYear(year) ? 1 : 0)
        case .zeroBased(let number):
            days = newYear + number
        case .monthWeek(let month, let week, let weekday):
            let first = ZoneRules.days(fromCivil: year, month, 1)
            // 1970-01-01 was a Thursday (4).
            let firstWeekday = (first % 7 + 11) % 7
            var candidate = first + (weekday - firstWeekday + 7) % 7 + (week - 1) * 7
            let nextMonth = ZoneRules.days(fromCivil: year + month / 12, month % 12 + 1, 1)
            // Week 5 means the last such weekday, which may be the fourth.
            if candidate >= nextMonth { candidate -= 7 }
            days = candidate
        }
        return days * 86_400 + time
    }
}

/// A cursor over a TZ string.
private struct TZStringScanner {
    let bytes: [UInt8]
    var position = 0

    var isAtEnd: Bool { position == bytes.count }

    func isAt(_ byte: UInt8) -> Bool {
        position < bytes.count && bytes[position] == byte
    }

    mutating func skip(_ byte: UInt8) -> Bool {
        guard isAt(byte) else { return false }
        position += 1
        return true
    }

    /// A zone abbreviation: three or more letters, or `<...>` with letters, digits and signs.
    mutating func name() -> Bool {
        let quoted = skip(UInt8(ascii: "<"))
        let start = position
        while position < bytes.count, Self.isNameCharacter(bytes[position], quoted: quoted) { position += 1 }
        guard position - start >= 3 else { return false }
        return !quoted || skip(UInt8(ascii: ">"))
    }

    private static func isNameCharacter(_ byte: UInt8, quoted: Bool) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
            return true
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"):
            return quoted
        default:
            return false
        }
    }

    /// A decimal number of 1...`maximumDigits` digits.
    mutating func number(maximumDigits: Int) -> Int? {
        var value = 0
        var digits = 0
        while digits < maximumDigits, position < bytes.count,
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position])
        {
            value = value * 10 + Int(bytes[position] - UInt8(ascii: "0"))
            digits += 1
            position += 1
        }
        return digits > 0 ? value : nil
    }

    /// `[+|-]hh[:mm[:ss]]` in seconds.
    mutating func time(maximumHours: Int) -> Int? {
        let sign = skip(UInt8(ascii: "-")) ? -1 : 1
        if sign == 1 { _ = skip(UInt8(ascii: "+")) }
        guard let hours = number(maximumDigits: 3), hours <= maximumHours else { return nil }
        var seconds = hours * 3600
        for scale in [60, 1] {
            guard skip(UInt8(ascii: ":")) else { break }
            guard let part = number(maximumDigits: 2), part <= 59 else { return nil }
            seconds += part * scale
        }
        return sign * seconds
    }

    /// `date[/time]` of a DST rule; the time defaults to 02:00.
    mutating func transition() -> ZoneRules.POSIXRule.Transition? {
        let day: ZoneRules.POSIXRule.DayRule
        if skip(UInt8(ascii: "M")) {
            guard let month = number(maximumDigits: 2), (1...12).contains(month), skip(UInt8(ascii: ".")),
                let week = number(maximumDigits: 1), (1...5).contains(week), skip(UInt8(ascii: ".")),
                let weekday = number(maximumDigits: 1), weekday <= 6
            else { return nil }
            day = .monthWeek(month: month, week: week, weekday: weekday)
        } else if skip(UInt8(ascii: "J")) {
            guard let number = number(maximumDigits: 3), (1...365).contains(number) else { return nil }
            day = .julian(number)
        } else {
            guard let number = number(maximumDigits: 3), number <= 365 else { return nil }
            day = .zeroBased(number)
        }
        var time = 7200
        if skip(UInt8(ascii: "/")) {
            guard let value = self.time(maximumHours: 167) else { return nil }
            time = value
        }
        return ZoneRules.POSIXRule.Transition(day: day, time: time)
    }
}
