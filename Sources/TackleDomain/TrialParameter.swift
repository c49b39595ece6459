/// One parameter of a trial: a name, a numeric value and its unit, such as `specific_water=0.62L/kg`
/// or `比水量=0.62L/kg`.
///
/// Names start with a letter of any script, then hold letters, digits and `_`, at most 40
/// characters (``isValidName(_:)``). Values are numbers written with a decimal point; a decimal comma
/// (`1,1`) is refused rather than guessed. Units are stored in one spelling, so that trials with
/// the same setting pool together whatever the keyboard typed:
///
/// | typed (any letter case unless shown)             | stored  |
/// |--------------------------------------------------|---------|
/// | `℃`, `°C`, `°c`, `ºC`, `˚C`, `oC`, `degC`        | `°C`    |
/// | `L/kg`, `l/kg`, `L/KG`                           | `L/kg`  |
/// | `m/min`, `M/min`, `M/MIN`                        | `m/min` |
/// | `mm`, `MM`                                       | `mm`    |
/// | `mm/m`, `mm/M`, `MM/M`                           | `mm/m`  |
/// | `%`                                              | `%`     |
///
/// Spaces inside a unit from the table are dropped (`L / kg` is `L/kg`). `oC` is read as degrees
/// Celsius only with a lower-case `o` and an upper-case `C`, the usual ASCII spelling; `OC`, `oc` or
/// a bare `C` (coulomb, or a typo) are kept as typed. Any other unit is kept as typed, trimmed.
public struct TrialParameter: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The parameter's name: a letter, then letters, digits and underscores (`specific_water`, `比水量`).
    public var name: String
    /// The value tried.
    public var value: Double
    /// The unit in its one stored spelling, possibly empty (`L/kg`, `mm`, `m/min`, `°C`).
    public var unit: String

    /// The most characters (Unicode scalars) a parameter or condition name may have.
    public static let maximumNameLength = 40

    /// Creates a parameter, checking the name and the value and normalising the unit.
    ///
    /// - Parameters:
    ///   - name: The name, such as `specific_water` or `比水量`.
    ///   - value: The value, finite.
    ///   - unit: The unit as typed; stored in its one spelling (``normalizedUnit(_:)``).
    /// - Throws: ``DomainError`` for a malformed name or a value that is not finite.
    public init(name: String, value: Double, unit: String) throws(DomainError) {
        try Self.checkName(name, of: "parameter")
        guard value.isFinite else {
            throw DomainError(.invalidValue, message: "parameter \(name) must have a finite numeric value")
        }
        self.name = name
        self.value = value
        self.unit = Self.normalizedUnit(unit)
    }

    /// Reads `name=<number><unit>`: `specific_water=0.62L/kg`, `比水量=0.62 l/kg`, `superheat=25℃`.
    ///
    /// - Parameters:
    ///   - text: The parameter as typed.
    ///   - field: The input's name for the error message, such as `--param`.
    /// - Returns: The parameter, its unit in the one stored spelling.
    /// - Throws: ``DomainError`` naming the field, when there is no `=`, a bad name, no numeric value,
    ///   or a decimal comma (`speed: 1,1 uses a decimal comma; write 1.1`).
    public static func parse(_ text: String, field: String? = nil) throws(DomainError) -> TrialParameter {
        let trimmed = text.trimmingSpaces
        guard let equals = trimmed.firstIndex(of: "=") else {
            throw DomainError(
                .invalidFormat, field: field,
                message: "'\(text)' must be name=value with a unit, like specific_water=0.62L/kg")
        }
        let name = String(String(trimmed[..<equals]).trimmingSpaces)
        let rest = trimmed[trimmed.index(after: equals)...].trimmingSpaces
        do throws(DomainError) {
            try checkName(name, of: "parameter")
        } catch {
            throw error.attributed(to: field ?? "parameter")
        }
        let numberEnd = endOfNumber(in: rest)
        guard numberEnd > rest.startIndex, let value = Double(rest[..<numberEnd]) else {
            throw DomainError(
                .invalidFormat, field: field, message: "parameter \(name) needs a numeric value, like \(name)=0.62L/kg")
        }
        if let message = decimalCommaMessage(name: name, number: rest[..<numberEnd], after: rest[numberEnd...]) {
            throw DomainError(.invalidFormat, field: field, message: message)
        }
        do throws(DomainError) {
            return try TrialParameter(name: name, value: value, unit: String(rest[numberEnd...]))
        } catch {
            throw error.attributed(to: field ?? "parameter")
        }
    }

    /// `specific_water=0.62L/kg`.
    public var description: String { "\(name)=\(Self.format(value))\(unit)" }

    /// The one stored spelling of a unit (see the table of ``TrialParameter``); other units trimmed, as typed.
    ///
    /// - Parameter unit: The unit as typed.
    /// - Returns: The unit as stored: `°C` for `℃`, `L/kg` for `l/kg`, `m/min` for `M/min`.
    public static func normalizedUnit(_ unit: String) -> String {
        let trimmed = String(unit.trimmingSpaces)
        let compact = String(trimmed.unicodeScalars.filter { !$0.properties.isWhitespace }.map(Character.init))
        if celsiusSpellings.contains(compact) { return "°C" }
        return caseInsensitiveUnits.first { $0.lowercased() == compact.lowercased() } ?? trimmed
    }

    /// Spellings of degrees Celsius, compared exactly: the sign `℃` (U+2103), the degree sign, the
    /// masculine ordinal `º` and the ring `˚` that keyboards offer in its place, and the ASCII `oC`, `degC`.
    static let celsiusSpellings: Set<String> = [
        "°C", "°c", "\u{2103}", "ºC", "ºc", "˚C", "˚c", "oC", "degC",
    ]

    /// Units stored in this spelling whatever the letter case typed.
    static let caseInsensitiveUnits = ["L/kg", "m/min", "mm", "mm/m"]

    /// True for a name that starts with a letter of any script and holds only letters (with their
    /// combining marks), decimal digits and `_`, at most ``maximumNameLength`` characters.
    ///
    /// - Parameter name: The name as typed.
    /// - Returns: Whether it is a valid parameter or condition name.
    public static func isValidName(_ name: String) -> Bool {
        let scalars = Array(name.unicodeScalars)
        guard let first = scalars.first, scalars.count <= maximumNameLength, first.isLetter else { return false }
        return scalars.dropFirst().allSatisfy { $0.isLetter || $0.isMark || $0.isDecimalDigit || $0 == "_" }
    }

    /// Refuses a name that breaks ``isValidName(_:)``, saying what kind of name it is.
    static func checkName(_ name: String, of kind: String) throws(DomainError) {
        guard isValidName(name) else {
            throw DomainError(
                .invalidFormat,
                message:
                    "\(kind) name '\(name)' must start with a letter (any script) and hold only letters, digits and _ "
                    + "(at most \(maximumNameLength))")
        }
    }

    /// The value as typed, without a needless `.0`: `0.62`, `4.5`, `2`.
    static func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }

    /// The end of the longest leading run of `text` that reads as a number; the rest is the unit.
    private static func endOfNumber(in text: Substring) -> Substring.Index {
        var numberEnd = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(after: index)
            let prefix = text[text.startIndex..<next]
            guard Double(prefix) != nil || isNumberPrefix(prefix) else { break }
            if Double(prefix) != nil { numberEnd = next }
            index = next
        }
        return numberEnd
    }

    /// What to say when the number goes on after a comma (`1,1`, or the full-width `1，1`): a decimal
    /// comma is refused, never read as 1 with the unit `,1m/min`; three digits after it may be a
    /// thousands separator, so both readings are offered.
    private static func decimalCommaMessage(name: String, number: Substring, after rest: Substring) -> String? {
        guard let comma = rest.first, comma == "," || comma == "，" else { return nil }
        let digits = rest.dropFirst().prefix { ("0"..."9").contains($0) }
        guard !digits.isEmpty else { return nil }
        let typed = "\(number)\(comma)\(digits)"
        if digits.count == 3, !number.contains(".") {
            return "\(name): \(typed) uses a comma; write \(number).\(digits) for a decimal, "
                + "or \(number)\(digits) without the thousands separator"
        }
        return "\(name): \(typed) uses a decimal comma; write \(number).\(digits)"
    }

    /// True for text that can still grow into a number: a sign, digits, a point, an exponent.
    private static func isNumberPrefix(_ text: Substring) -> Bool {
        text.allSatisfy { "+-.0123456789eE".contains($0) }
    }
}

extension Unicode.Scalar {
    var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }

    /// A letter of any script: upper, lower, title case, modifier or other letter (CJK ideographs).
    var isLetter: Bool {
        switch properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: true
        default: false
        }
    }

    /// A combining mark, part of a letter in many scripts (Devanagari vowel signs, accents typed apart).
    var isMark: Bool {
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: true
        default: false
        }
    }

    /// A decimal digit of any script: `0`-`9`, `٣`, `３`.
    var isDecimalDigit: Bool { properties.generalCategory == .decimalNumber }
}
