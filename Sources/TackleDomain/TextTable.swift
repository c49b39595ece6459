/// A table of text laid out in aligned columns for a terminal or a plain-text report.
///
/// Columns are measured in terminal columns (``TextWidth``), so cells mixing Chinese and
/// ASCII still line up:
///
/// ```
/// 项目             负责人  缺陷率
/// ---------------  ------  ------
/// SLAB-CRACK-2026  王伟     3.20%
/// ```
///
/// Columns are separated by two spaces and the header is underlined with `-`. Lines carry no
/// trailing spaces, and the rendered text ends with a newline.
public struct TextTable: Sendable, Hashable, Codable {
    /// One column: its header, alignment and optional maximum width.
    public struct Column: Sendable, Hashable, Codable {
        /// The header text.
        public var header: String
        /// Which side the cells sit against.
        public var alignment: TextAlignment
        /// The most terminal columns a cell (or the header) may take; longer text is cut and
        /// ends in `…`. `nil` means no limit.
        public var maxWidth: Int?
        /// Whether a cell wider than ``maxWidth`` wraps onto more lines instead of being cut.
        public var wraps: Bool

        /// Creates a column.
        ///
        /// - Parameters:
        ///   - header: The header text.
        ///   - alignment: Which side the cells sit against; `.right` for numbers.
        ///   - maxWidth: The most terminal columns a cell may take, or `nil` for no limit.
        ///   - wraps: Wrap a wider cell onto more lines rather than cut it.
        public init(_ header: String, alignment: TextAlignment = .left, maxWidth: Int? = nil, wraps: Bool = false) {
            self.wraps = wraps
            self.header = header
            self.alignment = alignment
            self.maxWidth = maxWidth
        }
    }

    /// The columns, left to right.
    public var columns: [Column]
    /// The rows, each with one cell per column. Missing cells are blank; cells beyond the last
    /// column are ignored.
    public var rows: [[String]]

    /// Creates a table.
    ///
    /// - Parameters:
    ///   - columns: The columns, left to right.
    ///   - rows: The rows, each with one cell per column.
    public init(columns: [Column], rows: [[String]] = []) {
        self.columns = columns
        self.rows = rows
    }

    /// Adds a row at the bottom.
    ///
    /// - Parameter row: One cell per column.
    public mutating func append(_ row: [String]) {
        rows.append(row)
    }

    /// The table as text: header, underline, then one line per row, each ending in a newline.
    ///
    /// Line breaks, tabs and other control characters inside a cell would break the layout,
    /// so each becomes a space.
    ///
    /// - Returns: The rendered table; the empty string when there are no columns.
    public func render() -> String {
        renderLines().map { $0 + "\n" }.joined()
    }

    /// The lines of ``render()``, without their newlines.
    ///
    /// - Returns: The header, the underline and the rows' lines; none when there are no columns.
    public func renderLines() -> [String] {
        guard !columns.isEmpty else { return [] }
        let header = columns.map { fit($0.header, to: $0) }
        // A row of wrapping cells takes as many lines as its tallest cell.
        let body = rows.flatMap { row -> [[String]] in
            let cells = columns.indices.map { index in
                lines(index < row.count ? row[index] : "", in: columns[index])
            }
            let height = cells.map(\.count).max() ?? 1
            return (0..<height).map { line in cells.map { line < $0.count ? $0[line] : "" } }
        }
        let widths = columns.indices.map { index in
            ([header] + body).map { TextWidth.columns(of: $0[index]) }.max() ?? 0
        }
        let underline = widths.map { String(repeating: "-", count: $0) }

        return ([header, underline] + body).map { cells in
            var line = ""
            for (index, cell) in cells.enumerated() {
                if index > 0 { line += "  " }
                line += TextWidth.pad(cell, to: widths[index], alignment: columns[index].alignment)
            }
            return line.withoutTrailingSpaces
        }
    }

    /// Whether a scalar would move the cursor rather than print: tabs, line breaks and the like
    /// (the general categories control, Cc, line separator, Zl, and paragraph separator, Zp).
    private func breaksLayout(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029: true
        default: false
        }
    }

    /// The text with every scalar that breaks the layout turned into a space.
    private func oneLine(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: breaksLayout) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { breaksLayout($0) ? " " : $0 }))
    }

    /// The cell's lines: wrapped to the column's maximum width, or one line cut to it.
    private func lines(_ text: String, in column: Column) -> [String] {
        guard column.wraps, let maxWidth = column.maxWidth else { return [fit(text, to: column)] }
        return TextWidth.wrap(oneLine(text), to: maxWidth)
    }

    /// The cell text on one line, cut to the column's maximum width.
    private func fit(_ text: String, to column: Column) -> String {
        let oneLine = oneLine(text)
        guard let maxWidth = column.maxWidth else { return oneLine }
        return TextWidth.truncate(oneLine, to: maxWidth)
    }
}

extension String {
    /// The string without trailing spaces.
    package var withoutTrailingSpaces: String {
        // A string whose last scalar is not a space ends in a character that is not a space; and
        // spaces after a scalar that stands alone (see `TextWidth.standaloneWidth`) are characters
        // of their own. Only in other cases are the characters looked for, the costly way.
        let space = UInt8(ascii: " ")
        guard utf8.last == space else { return self }
        var end = utf8.endIndex
        while end > utf8.startIndex, utf8[utf8.index(before: end)] == space { end = utf8.index(before: end) }
        guard end > utf8.startIndex else { return "" }
        if TextWidth.standaloneWidth(unicodeScalars[unicodeScalars.index(before: end)]) != nil {
            return String(self[..<end])
        }
        guard let last = lastIndex(where: { $0 != " " }) else { return "" }
        return String(self[...last])
    }
}
