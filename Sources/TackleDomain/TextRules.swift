/// What text users type may hold, and how a message shows text that could upset a terminal.
///
/// Text is stored exactly as typed, with one exception: control characters other than tab and
/// newline (ESC, CR, backspace, BEL, the C1 controls, ...) are refused in names, titles, levers,
/// reasons and the other texts tackle requires. Such a character is invisible in a list or a
/// report, and on a terminal an escape sequence can rewrite what a user sees. Messages show any
/// control character escaped as `\u001b` (four lower-case hex digits, as in JSON), so one error is
/// always one line.
public enum TextRules {
    /// Refuses a text that holds a control character other than tab and newline.
    ///
    /// - Parameters:
    ///   - text: The text as typed.
    ///   - field: The input it was typed as, such as `name`.
    /// - Throws: ``DomainError`` `.invalidFormat` naming the field, the first such character
    ///   (escaped) and where it is, counted in characters from 1.
    public static func checkNoControlCharacters(_ text: String, field: String) throws(DomainError) {
        // Nearly every text is free of controls: look at the bytes first (any byte below 0x20, DEL
        // or the lead byte 0xC2 of U+0080...U+009F), and at characters only when that finds one.
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 }) else { return }
        for (offset, scalar) in text.unicodeScalars.enumerated() where isRefused(scalar) {
            throw DomainError(
                .invalidFormat, field: field,
                message:
                    "must not contain control characters other than tab and newline; found \(escaped(scalar)) at character \(offset + 1)"
            )
        }
    }

    /// Whether a character is a control character that texts must not hold: every Unicode control
    /// (general category Cc: U+0000...U+001F, U+007F...U+009F) except tab and newline.
    public static func isRefused(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .control && scalar != "\t" && scalar != "\n"
    }

    /// The text with every character that could change how a terminal shows it written as
    /// `\u001b`: the controls (tab and newline included, so a message stays on one line), the line
    /// and paragraph separators, and the bidirectional embeddings, overrides and isolates that
    /// reorder what is shown.
    ///
    /// - Parameter text: Any text, such as an error message quoting input.
    /// - Returns: The text, safe to print as one line.
    public static func escapingControls(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscaping) else { return text }
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            if needsEscaping(scalar) {
                result += escaped(scalar)
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static func needsEscaping(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// `\u001b` for ESC: four lower-case hex digits (more only beyond U+FFFF, which is never escaped).
    private static func escaped(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16)
        return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
