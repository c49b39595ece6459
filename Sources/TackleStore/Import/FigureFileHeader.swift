import TackleDomain

/// The shape of a figures file, as its header line says: daily or monthly figures, the delimiter,
/// and whether there is a note column.
///
/// The header is `project,date,inspected,defective` (daily figures) or
/// `project,month,inspected,defective` (monthly figures), optionally followed by `,note`; the names
/// in this order, in any letter case, with spaces around them ignored. The delimiter is the one the
/// header uses: a comma, or a semicolon (as spreadsheets with a decimal comma write CSV). A UTF-8
/// byte order mark before the header is skipped.
public struct FigureFileHeader: Sendable, Hashable {
    /// Daily figures (`date` column) or monthly figures (`month` column).
    public var granularity: Observation.Granularity
    /// `,` or `;`.
    public var delimiter: UInt8
    /// Whether the file has the fifth column, `note`.
    public var hasNote: Bool

    /// Creates a header description.
    public init(granularity: Observation.Granularity, delimiter: UInt8 = UInt8(ascii: ","), hasNote: Bool) {
        self.granularity = granularity
        self.delimiter = delimiter
        self.hasNote = hasNote
    }

    /// How many values each line has: 4, or 5 with the note.
    public var columnCount: Int { hasNote ? 5 : 4 }

    /// The name of the period column: `date` or `month`.
    public var periodName: String { granularity == .day ? "date" : "month" }

    /// The header line as export writes it (comma-separated, with the note column), without the line end.
    public var text: String {
        let names = ["project", periodName, "inspected", "defective"] + (hasNote ? ["note"] : [])
        return names.joined(separator: String(UnicodeScalar(delimiter)))
    }

    /// What a header must look like, for error messages.
    static let expected =
        "the first line must be the header project,date,inspected,defective (daily figures) or "
        + "project,month,inspected,defective (monthly figures), optionally with ,note; commas or semicolons"

    /// Reads a header line (without its line end and without a byte order mark).
    ///
    /// - Returns: The header, or nil when the line is not one of the headers above.
    static func parse(_ line: some Collection<UInt8>) -> FigureFileHeader? {
        let text = String(decoding: line, as: UTF8.self)
        let delimiter: Character
        if text.contains(","), !text.contains(";") {
            delimiter = ","
        } else if text.contains(";"), !text.contains(",") {
            delimiter = ";"
        } else {
            return nil
        }
        let names = text.split(separator: delimiter, omittingEmptySubsequences: false).map { name in
            let trimmed = name.trimmingCharacters(in: [" ", "\t"])
            // Some systems quote every name: "project","date",...
            let unquoted =
                trimmed.count >= 2 && trimmed.first == "\"" && trimmed.last == "\""
                ? trimmed.dropFirst().dropLast() : trimmed
            return unquoted.lowercased()
        }
        guard names.count == 4 || names.count == 5, names[0] == "project", names[2] == "inspected",
            names[3] == "defective", names.count == 4 || names[4] == "note"
        else { return nil }
        let granularity: Observation.Granularity
        switch names[1] {
        case "date": granularity = .day
        case "month": granularity = .month
        default: return nil
        }
        return FigureFileHeader(
            granularity: granularity, delimiter: delimiter == "," ? UInt8(ascii: ",") : UInt8(ascii: ";"),
            hasNote: names.count == 5)
    }
}

extension Substring {
    /// The text without the given characters at either end.
    fileprivate func trimmingCharacters(in characters: Set<Character>) -> Substring {
        var text = self
        while let first = text.first, characters.contains(first) { text = text.dropFirst() }
        while let last = text.last, characters.contains(last) { text = text.dropLast() }
        return text
    }
}
