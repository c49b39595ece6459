/// A rule of the domain that an input broke, as a value with a stable code.
///
/// The ``code`` is for programs (tests, exit codes, JSON output) and never changes its meaning;
/// the ``message`` is for a plant engineer and says which rule was broken, with the offending
/// values. ``field`` names the input the user typed, such as `baseline`, when it is known.
///
/// ```swift
/// do {
///     let baseline = try Proportion.parse("6/5", field: "baseline")
/// } catch {
///     print(error)  // baseline: defective (6) must not exceed inspected (5)
/// }
/// ```
public struct DomainError: Error, Sendable, Hashable, Codable, CustomStringConvertible,
    CustomDebugStringConvertible
{
    /// A stable, machine-readable error code.
    ///
    /// Codes are open: other modules add their own as `static let` members in an extension. The
    /// raw value is `snake_case` and, once published, never changes.
    public struct Code: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
        /// The stable text of the code, such as `invalid_value`.
        public var rawValue: String

        /// Creates a code from its stable text.
        ///
        /// - Parameter rawValue: The `snake_case` text of the code.
        public init(rawValue: String) {
            self.rawValue = rawValue
        }

        /// The value breaks a rule that relates it to other values, such as defective > inspected.
        public static let invalidValue = Code(rawValue: "invalid_value")
        /// The value lies outside the range the rule allows, such as a negative count.
        public static let outOfRange = Code(rawValue: "out_of_range")
        /// The text could not be read in the expected notation, such as `abc` for `48/1500`.
        public static let invalidFormat = Code(rawValue: "invalid_format")

        public var description: String { rawValue }
    }

    /// What kind of rule was broken.
    public var code: Code
    /// The input the user gave, such as `baseline`, or `nil` when the caller did not say.
    public var field: String?
    /// What was wrong, in words a plant engineer can act on.
    public var message: String

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - code: The stable code.
    ///   - field: The input the user gave, such as `baseline`, if known.
    ///   - message: The broken rule with the offending values.
    public init(_ code: Code, field: String? = nil, message: String) {
        self.code = code
        self.field = field
        self.message = message
    }

    /// The same error, attributed to the input `field`.
    ///
    /// Lower layers do not know what the user typed a value as; the layer that does (the command
    /// line, a report) names it here so the message reads `baseline: ...`.
    ///
    /// - Parameter field: The name of the input, such as `baseline`.
    /// - Returns: A copy of the error with ``field`` set.
    public func attributed(to field: String) -> DomainError {
        var copy = self
        copy.field = field
        return copy
    }

    /// The message, prefixed with the field when there is one: `baseline: defective (6) must
    /// not exceed inspected (5)`.
    public var description: String {
        guard let field else { return message }
        return "\(field): \(message)"
    }

    /// The description with the code, for logs: `[invalid_value] baseline: ...`.
    public var debugDescription: String {
        "[\(code.rawValue)] \(description)"
    }
}
