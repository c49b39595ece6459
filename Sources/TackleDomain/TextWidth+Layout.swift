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
}
