/// One parameter of a trial: a name, a numeric value and its unit, such as `specific_water=0.62L/kg`.
public struct TrialParameter: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The parameter's name: a letter, then letters, digits and underscores (`specific_water`).
    public var name: String
    /// The value tried.
    public var value: Double
    /// The unit, possibly empty (`L/kg`, `mm`, `m/min`, `°C`).
    public var unit: String

    /// Creates a parameter, checking the name and the value.
    ///
    /// - Throws: ``DomainError`` for a malformed name or a value that is not finite.
    public init(name: String, value: Double, unit: String) throws(DomainError) {
        guard Self.isValidName(name) else {
            throw DomainError(
                .invalidFormat,
                message:
                    "parameter name '\(name)' must start with a letter and hold only letters, digits and _ (at most 40)"
            )
        }
        guard value.isFinite else {
            throw DomainError(.invalidValue, message: "parameter \(name) must have a finite numeric value")
        }
        self.name = name
        self.value = value
        self.unit = unit
    }

    /// Reads `name=<number><unit>`: `specific_water=0.62L/kg`, `soft_reduction=4.5 mm`, `superheat=25°C`.
    ///
    /// - Parameters:
    ///   - text: The parameter as typed.
    ///   - field: The input's name for the error message, such as `--param`.
    /// - Throws: ``DomainError`` naming the field, when there is no `=`, no numeric value, or a bad name.
    public static func parse(_ text: String, field: String? = nil) throws(DomainError) -> TrialParameter {
        let trimmed = text.trimmingSpaces
        guard let equals = trimmed.firstIndex(of: "=") else {
            throw DomainError(
                .invalidFormat, field: field,
                message: "'\(text)' must be name=value with a unit, like specific_water=0.62L/kg")
        }
        let name = String(trimmed[..<equals]).trimmingSpaces
        let rest = trimmed[trimmed.index(after: equals)...].trimmingSpaces
        // The longest leading run that reads as a number is the value; the rest is the unit.
        var numberEnd = rest.startIndex
        var index = rest.startIndex
        while index < rest.endIndex {
            let next = rest.index(after: index)
            if Double(rest[rest.startIndex..<next]) != nil || isNumberPrefix(rest[rest.startIndex..<next]) {
                if Double(rest[rest.startIndex..<next]) != nil { numberEnd = next }
                index = next
            } else {
                break
            }
        }
        guard numberEnd > rest.startIndex, let value = Double(rest[..<numberEnd]) else {
            throw DomainError(
                .invalidFormat, field: field,
                message:
                    "parameter \(name.isEmpty ? "'\(text)'" : String(name)) needs a numeric value, like \(name.isEmpty ? "specific_water" : String(name))=0.62L/kg"
            )
        }
        do throws(DomainError) {
            return try TrialParameter(
                name: String(name), value: value, unit: String(String(rest[numberEnd...]).trimmingSpaces))
        } catch {
            throw error.attributed(to: field ?? "parameter")
        }
    }

    /// `specific_water=0.62L/kg`.
    public var description: String { "\(name)=\(Self.format(value))\(unit)" }

    static func isValidName(_ name: String) -> Bool {
        let scalars = Array(name.unicodeScalars)
        guard let first = scalars.first, scalars.count <= 40, first.isASCIILetter else { return false }
        return scalars.allSatisfy { $0.isASCIILetter || ("0"..."9").contains($0) || $0 == "_" }
    }

    /// The value as typed, without a needless `.0`: `0.62`, `4.5`, `2`.
    static func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }

    /// True for text that can still grow into a number: a sign, digits, a point, an exponent.
    private static func isNumberPrefix(_ text: Substring) -> Bool {
        text.allSatisfy { "+-.0123456789eE".contains($0) }
    }
}

extension Unicode.Scalar {
    var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
}
