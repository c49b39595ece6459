import TackleDomain

/// Reading option values with the domain's rules, so that a bad value gets one message naming
/// the option and the rule (`--inspected: '-5' must be a whole number, 0 or more`) and exit code 1.
enum Input {
    /// The largest count the database stores (its counts are PostgreSQL `integer`s).
    static let maximumCount = Int(Int32.max)

    /// A count of slabs: a whole number, 0 or more.
    static func count(_ text: String, field: String) throws(DomainError) -> Int {
        let trimmed = text.trimmingSpacesAndTabs
        guard let value = Int(trimmed), value >= 0, trimmed.allSatisfy(\.isASCIIDigit) else {
            throw DomainError(.invalidValue, field: field, message: "'\(text)' must be a whole number, 0 or more")
        }
        try checkStorable(value, text: text, field: field)
        return value
    }

    /// A baseline typed as `defective/inspected`, such as 48/1500.
    static func baseline(_ text: String, field: String) throws(DomainError) -> Proportion {
        let baseline = try Proportion.parse(text, field: field)
        try checkStorable(baseline.inspected, text: text, field: field)
        return baseline
    }

    /// Refuses a count the database cannot store, which would otherwise fail as "integer out of range"
    /// without naming the option (or, for a baseline, as a misleading target-rate error).
    private static func checkStorable(_ value: Int, text: String, field: String) throws(DomainError) {
        guard value <= maximumCount else {
            throw DomainError(
                .outOfRange, field: field, message: "'\(text)' is too large; counts go up to \(maximumCount)")
        }
    }

    /// Defective of inspected, from two counts.
    static func proportion(defective: String, inspected: String) throws(DomainError) -> Proportion {
        let defectiveCount = try count(defective, field: "--defective")
        let inspectedCount = try count(inspected, field: "--inspected")
        do throws(DomainError) {
            return try Proportion(defective: defectiveCount, inspected: inspectedCount)
        } catch {
            throw error.attributed(to: "--defective")
        }
    }

    static func date(_ text: String, field: String) throws(DomainError) -> LocalDate {
        try LocalDate.parse(text, field: field)
    }

    static func month(_ text: String, field: String) throws(DomainError) -> Month {
        try Month.parse(text, field: field)
    }

    /// A positive number such as a trial or milestone number; `T3` is read as 3.
    static func number(_ text: String, field: String, trialPrefix: Bool = true) throws(DomainError) -> Int {
        var digits = Substring(text.trimmingSpacesAndTabs)
        if trialPrefix, digits.first == "T" || digits.first == "t" { digits = digits.dropFirst() }
        guard let value = Int(digits), value > 0, digits.allSatisfy(\.isASCIIDigit) else {
            throw DomainError(
                .invalidValue, field: field,
                message: trialPrefix
                    ? "'\(text)' must be a number like 3 (or T3 for a trial)" : "'\(text)' must be a number like 2")
        }
        return value
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

extension String {
    var trimmingSpacesAndTabs: String {
        var text = Substring(self)
        while let first = text.first, first == " " || first == "\t" { text = text.dropFirst() }
        while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
        return String(text)
    }
}
