/// The rules for the short keys users type: project keys, employee numbers, unit codes.
public enum Keys {
    /// Checks a project key: `SLAB-CRACK-2026`, upper-case letters, digits, `-` and `_`, 2 to 40 characters.
    public static func checkProjectKey(_ key: String, field: String = "key") throws(DomainError) {
        let scalars = Array(key.unicodeScalars)
        guard (2...40).contains(scalars.count), let first = scalars.first,
            ("A"..."Z").contains(first) || ("0"..."9").contains(first),
            scalars.allSatisfy({ ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" })
        else {
            throw DomainError(
                .invalidFormat, field: field,
                message:
                    "'\(key)' is not a project key; use 2-40 upper-case letters, digits, - or _, like SLAB-CRACK-2026")
        }
    }

    /// Checks an employee number or a unit code: letters, digits, `-`, `_` (and `.` for units), 1 to 32 characters.
    public static func checkCode(_ code: String, field: String, allowDot: Bool = false) throws(DomainError) {
        let scalars = Array(code.unicodeScalars)
        guard (1...32).contains(scalars.count), let first = scalars.first,
            first.isASCIILetter || ("0"..."9").contains(first),
            scalars.allSatisfy({
                $0.isASCIILetter || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" || (allowDot && $0 == ".")
            })
        else {
            throw DomainError(
                .invalidFormat, field: field,
                message: "'\(code)' must be 1-32 letters, digits, - or _ starting with a letter or digit")
        }
    }

    /// Checks that a required text (a name, a title, a reason) is not blank and holds no control
    /// characters other than tab and newline (``TextRules/checkNoControlCharacters(_:field:)``).
    public static func checkNotBlank(_ text: String, field: String) throws(DomainError) {
        guard !text.trimmingSpaces.isEmpty else {
            throw DomainError(.invalidValue, field: field, message: "must not be empty")
        }
        try TextRules.checkNoControlCharacters(text, field: field)
    }
}
