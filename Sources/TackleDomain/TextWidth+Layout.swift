extension TextWidth {
    /// The text padded with spaces to `width` terminal columns.
    ///
    /// Text already at least `width` columns wide is returned unchanged; use
    /// ``truncate(_:to:)`` first to enforce a maximum.
    ///
    /// - Parameters:
    ///   - text: The text, on one line.
    ///   - width: The number of terminal columns to fill.
    ///   - alignment: `.left` puts the spaces after the text, `.right` before it.
    /// - Returns: The padded text.
    public static func pad(_ text: String, to width: Int, alignment: TextAlignment = .left) -> String {
        let missing = width - columns(of: text)
        guard missing > 0 else { return text }
        let spaces = String(repeating: " ", count: missing)
        switch alignment {
        case .left: return text + spaces
        case .right: return spaces + text
        }
    }

    /// The text cut to at most `width` terminal columns, ending in `…` when cut.
    ///
    /// Whole characters are kept or dropped, so a wide character is never split; the result
    /// may therefore be one column narrower than `width`.
    ///
    /// - Parameters:
    ///   - text: The text, on one line.
    ///   - width: The maximum number of terminal columns.
    /// - Returns: `text` when it fits, otherwise the longest prefix that fits with `…` after it;
    ///   the empty string when `width` is 0 or less.
    public static func truncate(_ text: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        guard columns(of: text) > width else { return text }
        let ellipsis: Character = "…"
        let room = width - columns(of: ellipsis)
        var used = 0
        var kept = ""
        for character in text {
            let characterWidth = columns(of: character)
            guard used + characterWidth <= room else { break }
            used += characterWidth
            kept.append(character)
        }
        kept.append(ellipsis)
        return kept
    }

    /// The characters of `text` with their widths; scalar by scalar when each scalar stands alone
    /// (see ``standaloneWidth(_:)``), which spares finding the grapheme clusters.
    private static func measured(_ text: String) -> [(Character, Int)] {
        var units: [(Character, Int)] = []
        units.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            guard let width = standaloneWidth(scalar) else { return text.map { ($0, columns(of: $0)) } }
            units.append((Character(scalar), width))
        }
        return units
    }

    /// The text broken into lines of at most `width` terminal columns, for a column that wraps
    /// rather than cuts.
    ///
    /// Latin words break at spaces where they can; CJK text, which has no spaces, breaks between
    /// any two characters. A word wider than `width` is split. A wide character is never split.
    ///
    /// - Parameters:
    ///   - text: The text, on one line.
    ///   - width: The maximum number of terminal columns per line, at least 2.
    /// - Returns: One or more lines; `[""]` for empty text.
    public static func wrap(_ text: String, to width: Int) -> [String] {
        let width = max(width, 2)
        guard columns(of: text) > width else { return [text] }
        var lines: [String] = []
        var line = ""
        var used = 0
        var lastSpace: String.Index?
        for (character, characterWidth) in measured(text) {
            if used + characterWidth > width {
                if character == " " {
                    lines.append(line)
                    line = ""
                    used = 0
                    lastSpace = nil
                    continue
                }
                if let space = lastSpace, characterWidth == 1 {
                    let head = String(line[..<space])
                    let tail = String(line[line.index(after: space)...])
                    lines.append(head)
                    line = tail
                    used = columns(of: tail)
                } else {
                    lines.append(line)
                    line = ""
                    used = 0
                }
                lastSpace = nil
            }
            if character == " " { lastSpace = line.endIndex }
            if characterWidth > 1 { lastSpace = nil }
            line.append(character)
            used += characterWidth
        }
        if !line.isEmpty { lines.append(line) }
        return lines.enumerated().map { index, line in
            let kept = index == 0 ? Substring(line) : line.drop { $0 == " " }
            guard let last = kept.lastIndex(where: { $0 != " " }) else { return "" }
            return String(kept[...last])
        }
    }
}
