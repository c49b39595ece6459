import FoundationEssentials

extension Date: PostgresDecodable {
    /// Decodes `timestamptz` and `timestamp` columns.
    ///
    /// Accepts the ISO text PostgreSQL writes with `DateStyle=ISO`: `2026-05-01 02:03:04.123456+00`,
    /// offsets such as `+08`, `+05:30` or `-03:00:15`, and a ` BC` suffix. A `timestamp` (without
    /// time zone) is read as UTC, the session time zone this library sets. `infinity` and
    /// `-infinity` have no `Date` and throw.
    public init(postgresText text: String, column: PostgresColumn) throws {
        try column.requireType(
            [PostgresColumn.TypeOID.timestamptz, PostgresColumn.TypeOID.timestamp], decoding: "Date")
        guard let microseconds = Self.parseMicrosecondsSince1970(text) else {
            let isInfinity = text == "infinity" || text == "-infinity"
            throw column.malformed(text, as: "Date", reason: isInfinity ? "infinite timestamps have no Date" : nil)
        }
        self = Self.fromMicrosecondsSince1970(microseconds)
    }

    /// Parses PostgreSQL's ISO timestamp text into microseconds since 1970-01-01 00:00 UTC.
    static func parseMicrosecondsSince1970(_ text: String) -> Int64? {
        var bytes = Substring(text).utf8[...]
        guard let (year, month, day) = PostgresDate.parseParts(&bytes),
            let separator = bytes.popFirst(), separator == UInt8(ascii: " ") || separator == UInt8(ascii: "T"),
            let hour = PostgresDate.parseDigits(&bytes, min: 2, max: 2), bytes.popFirst() == UInt8(ascii: ":"),
            let minute = PostgresDate.parseDigits(&bytes, min: 2, max: 2), bytes.popFirst() == UInt8(ascii: ":"),
            let second = PostgresDate.parseDigits(&bytes, min: 2, max: 2),
            hour <= 24, minute <= 59, second <= 60
        else { return nil }

        var fraction = 0
        if bytes.first == UInt8(ascii: ".") {
            bytes.removeFirst()
            let start = bytes.count
            guard let digits = PostgresDate.parseDigits(&bytes, min: 1, max: 6) else { return nil }
            fraction = digits
            for _ in 0..<(6 - (start - bytes.count)) { fraction *= 10 }
            // Finer digits than microseconds cannot come from PostgreSQL; refuse rather than guess.
            if let next = bytes.first, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(next) { return nil }
        }

        var offsetSeconds = 0
        if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
            bytes.removeFirst()
            guard let offset = parseOffset(&bytes) else { return nil }
            offsetSeconds = sign == UInt8(ascii: "-") ? -offset : offset
        } else if bytes.first == UInt8(ascii: "Z") {
            bytes.removeFirst()
        }

        var astronomicalYear = year
        if bytes.elementsEqual(" BC".utf8) {
            astronomicalYear = 1 - year
        } else if !bytes.isEmpty {
            return nil
        }
        guard PostgresDate.isValid(year: astronomicalYear, month: month, day: day) else { return nil }

        let days = PostgresDate(year: astronomicalYear, month: month, day: day).daysSince1970
        let seconds = Int64(days) * 86_400 + Int64(hour * 3600 + minute * 60 + second - offsetSeconds)
        return seconds * 1_000_000 + Int64(fraction)
    }

    /// Parses `HH`, `HH:MM` or `HH:MM:SS` (colons optional) into seconds.
    private static func parseOffset(_ bytes: inout Substring.UTF8View.SubSequence) -> Int? {
        guard let hours = PostgresDate.parseDigits(&bytes, min: 2, max: 2) else { return nil }
        var total = hours * 3600
        for multiplier in [60, 1] {
            var lookahead = bytes
            if lookahead.first == UInt8(ascii: ":") { lookahead.removeFirst() }
            guard let part = PostgresDate.parseDigits(&lookahead, min: 2, max: 2) else { break }
            total += part * multiplier
            bytes = lookahead
        }
        return total
    }

    private static let unixEpochSinceReferenceDate: Int64 = 978_307_200

    /// Builds the `Date` from whole seconds and microseconds relative to the reference date, which
    /// is how `Date` stores time, so a value survives a round trip to microsecond precision.
    static func fromMicrosecondsSince1970(_ microseconds: Int64) -> Date {
        let sinceReference = microseconds - unixEpochSinceReferenceDate * 1_000_000
        let (seconds, micros) = sinceReference.floorDivided(by: 1_000_000)
        return Date(timeIntervalSinceReferenceDate: Double(seconds) + Double(micros) / 1_000_000)
    }

    /// This date in microseconds since 1970-01-01 00:00 UTC, rounded to the nearest microsecond.
    var microsecondsSince1970: Int64 {
        let sinceReference = timeIntervalSinceReferenceDate
        let wholeSeconds = sinceReference.rounded(.down)
        let micros = Int64(((sinceReference - wholeSeconds) * 1_000_000).rounded())
        return (Int64(wholeSeconds) + Self.unixEpochSinceReferenceDate) * 1_000_000 + micros
    }
}

extension Date: PostgresEncodable {
    /// ISO 8601 in UTC with microseconds, for example `2026-05-01T02:03:04.123456Z`.
    public var postgresText: String {
        let (seconds, micros) = microsecondsSince1970.floorDivided(by: 1_000_000)
        let (days, secondOfDay) = seconds.floorDivided(by: 86_400)
        let date = PostgresDate(daysSince1970: Int(days))
        let second = Int(secondOfDay)
        let time =
            "\(PostgresDate.pad(second / 3600, 2)):\(PostgresDate.pad(second / 60 % 60, 2)):"
            + "\(PostgresDate.pad(second % 60, 2)).\(PostgresDate.pad(Int(micros), 6))Z"
        guard date.year <= 0 else { return "\(date.description)T\(time)" }
        let dateText = date.postgresText.dropLast(3)  // " BC" goes after the time
        return "\(dateText)T\(time) BC"
    }

    /// `timestamptz`.
    public static var postgresTypeOID: UInt32 { PostgresColumn.TypeOID.timestamptz }
}

extension Int64 {
    /// Quotient and non-negative remainder (floor division), so times before 1970 split correctly.
    func floorDivided(by divisor: Int64) -> (quotient: Int64, remainder: Int64) {
        let remainder = self % divisor
        return remainder < 0 ? (self / divisor - 1, remainder + divisor) : (self / divisor, remainder)
    }
}
