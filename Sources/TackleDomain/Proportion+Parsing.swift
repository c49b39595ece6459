extension Proportion {
    /// Reads a proportion written as `defective/inspected`, such as `48/1500`.
    ///
    /// This is how users type counts on the command line (`--baseline 48/1500`). Whitespace
    /// around the text and around either count is ignored; signs other than a leading `-`,
    /// decimals and percentages are refused, because a rate is not a count.
    ///
    /// - Parameters:
    ///   - text: The text to read.
    ///   - field: The name of the input, such as `baseline`, for the error message.
    /// - Returns: The proportion.
    /// - Throws: ``DomainError`` with code ``DomainError/Code/invalidFormat`` when the text is
    ///   not two whole numbers separated by `/`, ``DomainError/Code/outOfRange`` when a count is
    ///   negative or too large, and ``DomainError/Code/invalidValue`` when defective exceeds
    ///   inspected.
    public static func parse(_ text: String, field: String? = nil) throws(DomainError) -> Proportion {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        let example = "expected defective/inspected as whole numbers, such as 48/1500"
        guard parts.count == 2 else {
            throw DomainError(.invalidFormat, field: field, message: "\(example), got \"\(text)\"")
        }
        do {
            let defective = try count(parts[0], named: "defective", example: example, in: text)
            let inspected = try count(parts[1], named: "inspected", example: example, in: text)
            return try Proportion(defective: defective, inspected: inspected)
        } catch {
            guard let field else { throw error }
            throw error.attributed(to: field)
        }
    }

    /// Reads one count of `defective/inspected`.
    private static func count(
        _ part: Substring,
        named name: String,
        example: String,
        in text: String
    ) throws(DomainError) -> Int {
        let digits = part.trimmingWhitespace()
        guard !digits.isEmpty else {
            throw DomainError(.invalidFormat, message: "\(name) count is missing: \(example), got \"\(text)\"")
        }
        let unsigned = digits.first == "-" ? digits.dropFirst() : digits
        guard !unsigned.isEmpty, unsigned.allSatisfy({ $0.isASCII && $0.isWholeNumber }) else {
            throw DomainError(
                .invalidFormat,
                message: "\(name) \"\(digits)\" is not a whole number: \(example), got \"\(text)\""
            )
        }
        guard let value = Int(digits) else {
            throw DomainError(.outOfRange, message: "\(name) \"\(digits)\" is too large")
        }
        return value
    }
}

extension Substring {
    /// The text without leading and trailing whitespace and newlines.
    fileprivate func trimmingWhitespace() -> Substring {
        let isSpace: (Character) -> Bool = { $0.isWhitespace }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return self[endIndex...]
        }
        return self[first...last]
    }
}
