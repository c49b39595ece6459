/// Reading a rate typed by a user: `0.5%` or `0.005`.
public enum Rate {
    /// Reads a rate written as a percentage (`0.5%`, `0.5 %`) or a fraction (`0.005`).
    ///
    /// - Parameters:
    ///   - text: The rate as typed.
    ///   - field: The input's name for the error message, such as `--target`.
    /// - Returns: The rate as a fraction in `0..<1`.
    /// - Throws: ``DomainError`` for text that is not a number, or a rate outside 0 % up to (not including) 100 %.
    public static func parse(_ text: String, field: String? = nil) throws(DomainError) -> Double {
        var number = text.trimmingSpaces
        var scale = 1.0
        if number.hasSuffix("%") {
            number = number.dropLast()
            while number.last == " " { number = number.dropLast() }
            scale = 100
        }
        guard let value = Double(number), value.isFinite else {
            throw DomainError(
                .invalidFormat, field: field,
                message: "'\(text)' is not a rate; write a percentage like 0.5% or a fraction like 0.005")
        }
        let rate = value / scale
        guard rate >= 0, rate < 1 else {
            throw DomainError(.outOfRange, field: field, message: "'\(text)' must be at least 0% and below 100%")
        }
        return rate
    }
}
