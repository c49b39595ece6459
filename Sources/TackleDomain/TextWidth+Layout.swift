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
        return wrapStandalone(text, to: width) ?? wrapCharacters(text, to: width)
    }

    /// ``wrap(_:to:)`` character by character, for any text longer than `width` (at least 2).
    static func wrapCharacters(_ text: String, to width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        var used = 0
        var lastSpace: String.Index?
        for character in text {
            let characterWidth = columns(of: character)
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

    /// ``wrap(_:to:)`` for a text whose scalars all stand alone (see ``standaloneWidth(_:)``), where
    /// each scalar is a character: the same lines, found on the text's bytes rather than by
    /// appending characters one by one. `nil` for any other text.
    private static func wrapStandalone(_ text: String, to width: Int) -> [String]? {
        var starts: [Int] = []  // each scalar's first byte
        var widths: [Int] = []
        var offset = 0
        for scalar in text.unicodeScalars {
            guard let scalarWidth = standaloneWidth(scalar) else { return nil }
            starts.append(offset)
            widths.append(scalarWidth)
            offset += UTF8.width(scalar)
        }
        starts.append(offset)
        let space = UInt8(ascii: " ")
        let bytes = Array(text.utf8)
        func isSpace(_ unit: Int) -> Bool { widths[unit] == 1 && bytes[starts[unit]] == space }

        // The same steps as the general case, with a line as a range of scalars: a line only
        // ever grows by the next scalar or is cut to the part after its last space.
        var lines: [Range<Int>] = []
        var start = 0
        var used = 0
        var lastSpace: Int?
        for unit in widths.indices {
            let unitWidth = widths[unit]
            if used + unitWidth > width {
                if isSpace(unit) {
                    lines.append(start..<unit)
                    start = unit + 1
                    used = 0
                    lastSpace = nil
                    continue
                }
                if let space = lastSpace, unitWidth == 1 {
                    lines.append(start..<space)
                    start = space + 1
                    used = widths[start..<unit].reduce(0, +)
                } else {
                    lines.append(start..<unit)
                    start = unit
                    used = 0
                }
                lastSpace = nil
            }
            if isSpace(unit) { lastSpace = unit }
            if unitWidth > 1 { lastSpace = nil }
            used += unitWidth
        }
        if start < widths.count { lines.append(start..<widths.count) }
        return lines.enumerated().map { index, line in
            var first = line.lowerBound
            if index > 0 {
                while first < line.upperBound, isSpace(first) { first += 1 }
            }
            var end = line.upperBound
            while end > first, isSpace(end - 1) { end -= 1 }
            return String(decoding: bytes[starts[first]..<starts[end]], as: UTF8.self)
        }
    }
}
