/// How many terminal columns text takes, and padding and truncation by that measure.
///
/// Project titles, names and notes are Chinese in real use, and a Chinese character takes two
/// terminal columns, so `String.count` cannot line up a table. The rules follow Unicode's East
/// Asian Width (UAX #11) the way terminals apply it:
///
/// - East Asian Wide and Fullwidth characters take 2 columns: CJK ideographs (including
///   extension A and the supplementary planes), CJK symbols and punctuation, Hiragana,
///   Katakana, Hangul, fullwidth forms, CJK compatibility characters, and emoji shown as
///   emoji.
/// - Combining marks (general categories Mn and Me), format characters such as the zero-width
///   joiner (Cf), variation selectors and control characters take 0.
/// - Everything else takes 1, including the ambiguous-width characters such as `…` and `°`,
///   as terminals outside East Asian locales show them.
///
/// A grapheme cluster (a `Character`) is one glyph on screen, so it takes the width of its
/// widest scalar: `é` written as `e` plus a combining accent takes 1, and an emoji joined
/// from several emoji with zero-width joiners takes 2.
public enum TextWidth {
    /// The number of terminal columns `text` takes.
    ///
    /// - Parameter text: The text, on one line.
    /// - Returns: The display width; 0 for the empty string.
    public static func columns(of text: some StringProtocol) -> Int {
        // Scalar by scalar while every scalar is one that stands alone (see `standaloneWidth`),
        // which is all of a report's ASCII and Chinese: grapheme clusters cost far more.
        var total = 0
        for scalar in text.unicodeScalars {
            guard let width = standaloneWidth(scalar) else { return text.reduce(0) { $0 + columns(of: $1) } }
            total += width
        }
        return total
    }

    /// The width of a scalar that is a character by itself whatever its neighbours, and that the
    /// general rules below give that width: printable ASCII, Latin-1, common punctuation, arrows,
    /// box drawing, CJK ideographs and punctuation, Hangul syllables and fullwidth forms. None of
    /// them joins a neighbour into one character (they are not marks, joiners, jamo, regional
    /// indicators, prepended or spacing marks, nor CR), so a text of them alone is as wide as the
    /// sum of its scalars. `nil` for any other scalar.
    @inline(__always)
    static func standaloneWidth(_ scalar: Unicode.Scalar) -> Int? {
        let value = scalar.value
        if value < 0x7F { return value >= 0x20 ? 1 : nil }
        switch value {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x3000...0x3029, 0xFF01...0xFF60, 0xAC00...0xD7A3: return 2
        case 0xA0...0xAC, 0xAE...0xFF, 0x2010...0x2027, 0x2030...0x205E, 0x2190...0x21FF, 0x2500...0x259F: return 1
        default: return nil
        }
    }

    /// The number of terminal columns a character (grapheme cluster) takes: 0, 1 or 2.
    ///
    /// - Parameter character: The character.
    /// - Returns: The display width of the character.
    public static func columns(of character: Character) -> Int {
        var width = 0
        var isEmojiBase = false
        for scalar in character.unicodeScalars {
            // An emoji presentation selector turns a text-style symbol such as ❤ into a wide emoji.
            if scalar.value == 0xFE0F, isEmojiBase { return 2 }
            let scalarWidth = columns(of: scalar)
            if width == 0, scalarWidth > 0 { isEmojiBase = scalar.properties.isEmoji }
            width = max(width, scalarWidth)
        }
        return width
    }

    /// The number of terminal columns a single Unicode scalar takes: 0, 1 or 2.
    ///
    /// - Parameter scalar: The scalar.
    /// - Returns: The display width of the scalar on its own.
    public static func columns(of scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        // Printable ASCII, by far the most common case.
        if value >= 0x20, value < 0x7F { return 1 }
        switch scalar.properties.generalCategory {
        case .control, .format, .nonspacingMark, .enclosingMark, .lineSeparator, .paragraphSeparator:
            return 0
        default:
            break
        }
        // Hangul vowels and final consonants join the initial consonant into one wide syllable.
        if (0x1160...0x11FF).contains(value) || (0xD7B0...0xD7FF).contains(value) { return 0 }
        if isWide(value) || scalar.properties.isEmojiPresentation { return 2 }
        return 1
    }

    /// Whether a code point is East Asian Wide or Fullwidth, by block.
    private static func isWide(_ value: UInt32) -> Bool {
        guard value >= 0x1100 else { return false }
        for range in wideRanges where range.contains(value) {
            return true
        }
        return false
    }

    /// The code point ranges that are East Asian Wide or Fullwidth (UAX #11), in order.
    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F,  // Hangul Jamo initial consonants
        0x231A...0x231B,  // watch, hourglass
        0x2329...0x232A,  // angle brackets
        0x2E80...0x303E,  // CJK radicals, Kangxi radicals, CJK symbols and punctuation
        0x3041...0x33FF,  // Hiragana, Katakana, Bopomofo, Hangul compatibility Jamo, CJK compatibility
        0x3400...0x4DBF,  // CJK unified ideographs extension A
        0x4E00...0x9FFF,  // CJK unified ideographs
        0xA000...0xA4CF,  // Yi
        0xA960...0xA97F,  // Hangul Jamo extended A
        0xAC00...0xD7A3,  // Hangul syllables
        0xF900...0xFAFF,  // CJK compatibility ideographs
        0xFE10...0xFE19,  // vertical forms
        0xFE30...0xFE6F,  // CJK compatibility forms, small form variants
        0xFF00...0xFF60,  // fullwidth forms
        0xFFE0...0xFFE6,  // fullwidth signs
        0x16FE0...0x16FE4,  // ideographic symbols
        0x17000...0x18CFF,  // Tangut, Khitan
        0x1B000...0x1B2FF,  // Kana supplement and extensions, Nushu
        0x1F1E6...0x1F1FF,  // regional indicators: a pair is one flag
        0x1F200...0x1F2FF,  // enclosed ideographic supplement
        0x1F300...0x1F64F,  // miscellaneous symbols and pictographs, emoticons
        0x1F680...0x1F6FF,  // transport and map symbols
        0x1F900...0x1F9FF,  // supplemental symbols and pictographs
        0x1FA70...0x1FAFF,  // symbols and pictographs extended A
        0x20000...0x2FFFD,  // CJK unified ideographs extensions B to F, compatibility supplement
        0x30000...0x3FFFD,  // CJK unified ideographs extensions G and H
    ]
}
