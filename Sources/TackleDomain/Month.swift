/// A calendar month, `2026-05`: the period of a monthly report and of monthly defect figures.
public struct Month: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int

    init(uncheckedYear year: Int, month: Int) {
        self.year = year
        self.month = month
    }

    /// Creates a month, checking it.
    ///
    /// - Throws: ``DomainError`` `.invalidValue` for a month outside 1...12 or a year outside 1...9999.
    public init(year: Int, month: Int) throws(DomainError) {
        guard (1...9999).contains(year), (1...12).contains(month) else {
            throw DomainError(.invalidValue, message: "\(year)-\(month) is not a month")
        }
        self.init(uncheckedYear: year, month: month)
    }

    /// Reads `YYYY-MM`.
    ///
    /// - Parameters:
    ///   - text: The month as typed.
    ///   - field: The input's name for the error message, such as `--month`.
    /// - Throws: ``DomainError`` naming the field and the expected form.
    public static func parse(_ text: String, field: String? = nil) throws(DomainError) -> Month {
        let parts = text.trimmingSpaces.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), (1...12).contains(month), year >= 1
        else {
            throw DomainError(.invalidFormat, field: field, message: "'\(text)' is not a month; write YYYY-MM")
        }
        return Month(uncheckedYear: year, month: month)
    }

    /// `YYYY-MM`.
    public var description: String { "\(LocalDate.pad(year, 4))-\(LocalDate.pad(month, 2))" }

    /// The first day of the month.
    public var firstDay: LocalDate { LocalDate(uncheckedYear: year, month: month, day: 1) }

    /// The last day of the month.
    public var lastDay: LocalDate {
        LocalDate(uncheckedYear: year, month: month, day: LocalDate.daysIn(year: year, month: month))
    }

    /// The month `count` months later (earlier when negative).
    public func adding(months count: Int) -> Month {
        let index = year * 12 + (month - 1) + count
        return Month(uncheckedYear: index / 12, month: index % 12 + 1)
    }

    /// The month before.
    public var previous: Month { adding(months: -1) }

    /// Whole months from `self` to `other`.
    public func months(until other: Month) -> Int { (other.year * 12 + other.month) - (year * 12 + month) }

    /// True when `date` falls in this month.
    public func contains(_ date: LocalDate) -> Bool { date.year == year && date.month == month }

    public static func < (lhs: Month, rhs: Month) -> Bool { (lhs.year, lhs.month) < (rhs.year, rhs.month) }

    public init(from decoder: any Decoder) throws {
        self = try Month.parse(try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
