/// A condition of a trial: a text attribute that says what the trial ran on, such as `grade=Q345B`,
/// `strand=2`, `section=230x1600` or `mould_flux=保护渣A`.
///
/// Parameters (``TrialParameter``) are the settings tried, as numbers with units; conditions are the
/// circumstances held fixed, as text, so that trials are compared like with like. Names follow the
/// rule of parameter names (``TrialParameter/isValidName(_:)``): a letter of any script, then letters,
/// digits and `_`, at most 40. The value is one line of text, trimmed of whitespace, never blank.
public struct TrialCondition: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The condition's name: `grade`, `strand`, `钢种`.
    public var name: String
    /// The value, trimmed text: `Q345B`, `2`, `230x1600`.
    public var value: String

    /// Creates a condition, checking the name and trimming the value.
    ///
    /// - Parameters:
    ///   - name: The name, such as `grade`.
    ///   - value: The value; spaces around it are dropped.
    /// - Throws: ``DomainError`` for a malformed name, or a value that is blank or spans lines.
    public init(name: String, value: String) throws(DomainError) {
        try TrialParameter.checkName(name, of: "condition")
        let trimmed = Self.trimmingWhitespace(value)
        guard !trimmed.isEmpty else {
            throw DomainError(.invalidValue, message: "condition \(name) needs a value, like \(name)=Q345B")
        }
        guard !trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw DomainError(.invalidValue, message: "the value of condition \(name) must be one line of text")
        }
        self.name = name
        self.value = trimmed
    }

    /// Reads `name=value`: `grade=Q345B`, `section = 230x1600`, `钢种=Q345B`.
    ///
    /// The first `=` separates the name from the value, so a value may itself hold `=`.
    ///
    /// - Parameters:
    ///   - text: The condition as typed.
    ///   - field: The input's name for the error message, such as `--cond`.
    /// - Returns: The condition.
    /// - Throws: ``DomainError`` naming the field, when there is no `=`, a bad name or a blank value.
    public static func parse(_ text: String, field: String? = nil) throws(DomainError) -> TrialCondition {
        let trimmed = text.trimmingSpaces
        guard let equals = trimmed.firstIndex(of: "=") else {
            throw DomainError(
                .invalidFormat, field: field, message: "'\(text)' must be name=value, like grade=Q345B or strand=2")
        }
        do throws(DomainError) {
            return try TrialCondition(
                name: String(trimmed[..<equals].trimmingSpaces),
                value: String(trimmed[trimmed.index(after: equals)...]))
        } catch {
            throw error.attributed(to: field ?? "condition")
        }
    }

    /// `grade=Q345B`.
    public var description: String { "\(name)=\(value)" }

    /// The text without whitespace of any script around it, the ideographic space (U+3000) of a
    /// Chinese keyboard included, so that such a space alone is blank too.
    private static func trimmingWhitespace(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}
