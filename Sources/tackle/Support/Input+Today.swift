import TackleDomain

extension Input {
    /// A day that has happened: `text` when given, else today; a day after today (plant time) is refused.
    ///
    /// - Throws: ``DomainError`` naming `field` for a malformed or future day.
    static func dayUpToToday(_ text: String?, field: String, today: LocalDate) throws -> LocalDate {
        guard let text else { return today }
        let day = try date(text, field: field)
        guard day <= today else {
            throw DomainError(
                .invalidValue, field: field, message: "\(day) is after today (\(today) at the plant)")
        }
        return day
    }
}
