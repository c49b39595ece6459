/// An inclusive range of whole months, `2026-01..2026-03`: the period a baseline was measured over.
public struct MonthRange: Sendable, Hashable, Codable, CustomStringConvertible {
    public let first: Month
    public let last: Month

    /// - Throws: ``DomainError`` `.invalidValue` when `last` is before `first`.
    public init(first: Month, last: Month) throws(DomainError) {
        guard first <= last else {
            throw DomainError(.invalidValue, message: "the period ends (\(last)) before it starts (\(first))")
        }
        self.first = first
        self.last = last
    }

    /// Reads `YYYY-MM..YYYY-MM`, or a single `YYYY-MM`.
    ///
    /// - Throws: ``DomainError`` naming the field and the expected form.
    public static func parse(_ text: String, field: String? = nil) throws(DomainError) -> MonthRange {
        let trimmed = String(text.trimmingSpaces)
        let bounds = trimmed.split(separator: ".", omittingEmptySubsequences: false)
        let parts: [String]
        switch bounds.count {
        case 1: parts = [trimmed, trimmed]
        case 3 where bounds[1].isEmpty: parts = [String(bounds[0]), String(bounds[2])]
        default:
            throw DomainError(
                .invalidFormat, field: field, message: "'\(text)' is not a period; write YYYY-MM..YYYY-MM")
        }
        do throws(DomainError) {
            return try MonthRange(first: Month.parse(parts[0]), last: Month.parse(parts[1]))
        } catch {
            if error.code == .invalidFormat {
                throw DomainError(
                    .invalidFormat, field: field, message: "'\(text)' is not a period; write YYYY-MM..YYYY-MM")
            }
            throw error.attributed(to: field ?? "period")
        }
    }

    /// `YYYY-MM..YYYY-MM`.
    public var description: String { "\(first)..\(last)" }

    public init(from decoder: any Decoder) throws {
        self = try MonthRange.parse(try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
