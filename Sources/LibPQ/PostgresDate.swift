/// A calendar date with no time and no time zone: what a PostgreSQL `date` column holds.
///
/// Use it for plant days, report periods and other values where "1 May 2026" means the same day
/// everywhere. It encodes as `YYYY-MM-DD` both for PostgreSQL and for `Codable`.
///
/// Years are astronomical: year `0` is 1 BC, which PostgreSQL writes as `0001-... BC`.
public struct PostgresDate: Comparable, Hashable, Sendable, Codable, CustomStringConvertible {
    /// The year, for example `2026`.
    public let year: Int
    /// The month, `1...12`.
    public let month: Int
    /// The day of the month, `1...31` (as the month allows).
    public let day: Int

    /// Creates a date from its parts.
    ///
    /// > Warning: The parts must form a real date (`2026-02-30` does not). An invalid date is a
    /// > programming error and stops the program; for input, use ``init(iso:)``, which returns `nil`.
    ///
    /// - Parameters:
    ///   - year: The year.
    ///   - month: The month, `1...12`.
    ///   - day: The day of the month.
    public init(year: Int, month: Int, day: Int) {
        precondition(Self.isValid(year: year, month: month, day: day), "invalid date \(year)-\(month)-\(day)")
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses an ISO 8601 calendar date, `YYYY-MM-DD` (a longer or negative year is allowed).
    ///
    /// - Parameter iso: The text, for example `2026-05-01`.
    /// - Returns: `nil` when the text is not of that shape or is not a real date.
    public init?(iso: String) {
        var bytes = Substring(iso).utf8[...]
        let negative = bytes.first == UInt8(ascii: "-")
        if negative { bytes = bytes.dropFirst() }
        guard let (year, month, day) = Self.parseParts(&bytes), bytes.isEmpty,
            Self.isValid(year: negative ? -year : year, month: month, day: day)
        else { return nil }
        self.init(year: negative ? -year : year, month: month, day: day)
    }

    /// The date as `YYYY-MM-DD`, for example `2026-05-01`.
    public var description: String {
        let yearText = Self.pad(abs(year), 4)
        return "\(year < 0 ? "-" : "")\(yearText)-\(Self.pad(month, 2))-\(Self.pad(day, 2))"
    }

    public static func < (lhs: PostgresDate, rhs: PostgresDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = PostgresDate(iso: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "'\(text)' is not a date of the form YYYY-MM-DD")
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    // MARK: Calendar arithmetic (proleptic Gregorian)

    /// Days since 1970-01-01 (negative before it).
    var daysSince1970: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date `days` days after 1970-01-01.
    init(daysSince1970 days: Int) {
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
    }

    static func isValid(year: Int, month: Int, day: Int) -> Bool {
        guard (1...12).contains(month), day >= 1 else { return false }
        let isLeap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let lengths = [31, isLeap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= lengths[month - 1]
    }

    /// Parses `Y{4,}-MM-DD` from the front of `bytes`, leaving the rest. Does not check validity.
    static func parseParts(_ bytes: inout Substring.UTF8View.SubSequence) -> (Int, Int, Int)? {
        guard let year = parseDigits(&bytes, min: 4, max: 9), bytes.popFirst() == UInt8(ascii: "-"),
            let month = parseDigits(&bytes, min: 2, max: 2), bytes.popFirst() == UInt8(ascii: "-"),
            let day = parseDigits(&bytes, min: 2, max: 2)
        else { return nil }
        return (year, month, day)
    }

    /// Parses between `min` and `max` ASCII digits from the front of `bytes`.
    static func parseDigits(_ bytes: inout Substring.UTF8View.SubSequence, min: Int, max: Int) -> Int? {
        var value = 0
        var count = 0
        while count < max, let byte = bytes.first, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
            count += 1
            bytes.removeFirst()
        }
        return count >= min ? value : nil
    }

    /// `value` in decimal, zero-padded on the left to `width` digits.
    static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}

extension PostgresDate: PostgresDecodable {
    /// Decodes a `date` column. `infinity` and `-infinity` have no calendar date and throw.
    public init(postgresText text: String, column: PostgresColumn) throws {
        try column.requireType([PostgresColumn.TypeOID.date], decoding: "PostgresDate")
        var bytes = Substring(text).utf8[...]
        guard let (year, month, day) = Self.parseParts(&bytes) else {
            throw column.malformed(text, as: "PostgresDate")
        }
        let isBC = bytes.elementsEqual(" BC".utf8)
        guard bytes.isEmpty || isBC else { throw column.malformed(text, as: "PostgresDate") }
        let astronomicalYear = isBC ? 1 - year : year
        guard Self.isValid(year: astronomicalYear, month: month, day: day) else {
            throw column.malformed(text, as: "PostgresDate")
        }
        self.init(year: astronomicalYear, month: month, day: day)
    }
}

extension PostgresDate: PostgresEncodable {
    /// `YYYY-MM-DD`, with PostgreSQL's ` BC` suffix for years before 1.
    public var postgresText: String {
        guard year <= 0 else { return description }
        return "\(Self.pad(1 - year, 4))-\(Self.pad(month, 2))-\(Self.pad(day, 2)) BC"
    }

    /// `date`.
    public static var postgresTypeOID: UInt32 { PostgresColumn.TypeOID.date }
}
