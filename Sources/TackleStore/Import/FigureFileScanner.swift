/// Turns the lines after a figures file's header into COPY rows for the staging table, as the file
/// is read, piece by piece.
///
/// PostgreSQL parses the CSV itself (`COPY ... (FORMAT csv)`); the scanner only finds where each
/// line (record) begins and ends, exactly as the server's CSV parser will: a `"` anywhere toggles
/// quoting (`""` inside quotes is a quote), and a line end or the delimiter counts only outside
/// quotes. Each well-formed record is passed on unchanged, prefixed with the number of the line it
/// starts on and ended with `\n` (so CRLF, CR and LF files all load, and a record whose quoted note
/// spans lines keeps its first line's number). What the server could not report line by line is
/// refused here and not sent: a record with the wrong number of values, bytes that are not UTF-8,
/// a NUL byte, and a quoted value left open at the end of the file. Blank lines are skipped.
///
/// The counts are checked here too, on the way (the server would spend a pass over the whole file
/// on them): inspected and defective must be whole numbers of at most 9 digits, bare or in quotes
/// (`"12"`), with defective not above inspected. So every line the server gets has counts it can
/// cast to integers.
struct FigureFileScanner {
    /// The header's shape: the delimiter and how many values each line has.
    let header: FigureFileHeader
    /// The first problems found, in line order (at most ``FigureImportRefusal/listed``).
    private(set) var problems: [FigureLineProblem] = []
    /// How many lines had a problem.
    private(set) var problemCount = 0
    /// How many rows were written for COPY.
    private(set) var rows = 0

    /// The physical line the next byte belongs to (the header is line 1).
    private var line = 2
    /// The line the current record starts on.
    private var recordLine = 2
    /// The current record's bytes when it spans pieces (the part seen in earlier pieces).
    private var carried: [UInt8] = []
    private var inQuote = false
    private var delimiters = 0
    private var sawNonASCII = false
    private var sawNul = false
    /// The last byte was a CR that ended a line: an LF right after it belongs to the same line end.
    private var afterCR = false
    /// The current record has at least one byte.
    private var recordHasBytes = false
    /// The state of the inspected (index 0) and defective (1) values of the current record.
    private var counts = (Count(), Count())

    init(header: FigureFileHeader, firstLine: Int = 2) {
        self.header = header
        line = firstLine
        recordLine = firstLine
    }

    /// Scans the next piece of the file, appending the COPY rows of every record it completes.
    mutating func scan(_ bytes: UnsafeRawBufferPointer, into output: inout [UInt8]) {
        let count = bytes.count
        guard count > 0 else { return }
        let delimiter = header.delimiter
        var recordStart = 0
        var index = 0
        while index < count {
            let byte = bytes[index]
            if afterCR {
                afterCR = false
                if byte == lineFeed {
                    // The LF of a CRLF: the line was counted at the CR.
                    if !inQuote { recordStart = index + 1 }
                    index += 1
                    continue
                }
            }
            if byte >= 0x80 {
                sawNonASCII = true
            } else if byte == quote {
                inQuote.toggle()
            } else if byte == lineFeed || byte == carriageReturn {
                line += 1
                afterCR = byte == carriageReturn
                if !inQuote {
                    endRecord(bytes, from: recordStart, to: index, into: &output)
                    recordStart = index + 1
                    index += 1
                    continue
                }
            } else if byte == delimiter, !inQuote {
                delimiters += 1
                recordHasBytes = true
                index += 1
                continue
            } else if byte == 0 {
                sawNul = true
            }
            // Inspected and defective are the third and fourth values.
            if delimiters == 2 {
                counts.0.read(byte)
            } else if delimiters == 3 {
                counts.1.read(byte)
            }
            recordHasBytes = true
            index += 1
        }
        if recordStart < count {
            carried.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[recordStart..<count]))
        }
    }

    /// Ends the file: a last record without a line end is passed on, a quote left open is a problem.
    mutating func finish(into output: inout [UInt8]) {
        if inQuote {
            record(problem: "a quoted value is not closed (a \" is missing)", on: recordLine)
            carried.removeAll()
            return
        }
        let empty = UnsafeRawBufferPointer(start: nil, count: 0)
        endRecord(empty, from: 0, to: 0, into: &output)
    }

    /// Checks the record that ends at `end` (its start may be carried from earlier pieces) and
    /// writes its COPY row, or records its problem.
    private mutating func endRecord(
        _ bytes: UnsafeRawBufferPointer, from start: Int, to end: Int, into output: inout [UInt8]
    ) {
        defer {
            carried.removeAll(keepingCapacity: true)
            counts = (Count(), Count())
            delimiters = 0
            sawNonASCII = false
            sawNul = false
            recordHasBytes = false
            recordLine = line
        }
        guard recordHasBytes else { return }  // a blank line
        let piece = UnsafeRawBufferPointer(rebasing: bytes[start..<end])
        let values = delimiters + 1
        if values != header.columnCount {
            record(
                problem: "has \(values) value\(values == 1 ? "" : "s") but the header has \(header.columnCount)",
                on: recordLine)
            return
        }
        if sawNul {
            record(problem: "contains a NUL byte", on: recordLine)
            return
        }
        if sawNonASCII, !Self.isUTF8(piece, after: carried) {
            record(problem: "is not UTF-8 text (save the file as UTF-8)", on: recordLine)
            return
        }
        if let problem = countProblem(carried + Array(piece)) {
            record(problem: problem, on: recordLine)
            return
        }
        Self.appendDecimal(recordLine, to: &output)
        output.append(header.delimiter)
        output.append(contentsOf: carried)
        output.append(contentsOf: piece)
        output.append(lineFeed)
        rows += 1
    }

    /// What is wrong with the counts of the record, if anything (`record` for quoting the values).
    private func countProblem(_ record: @autoclosure () -> [UInt8]) -> String? {
        let (inspected, defective) = counts
        if let inspectedValue = inspected.value, let defectiveValue = defective.value {
            guard defectiveValue > inspectedValue else { return nil }
            return "defective \(defectiveValue) is more than inspected \(inspectedValue)"
        }
        let values = Self.values(of: record(), delimiter: header.delimiter)
        var problems: [String] = []
        for (index, (name, count)) in [("inspected", inspected), ("defective", defective)].enumerated()
        where count.value == nil {
            let text = index + 2 < values.count ? values[index + 2] : ""
            problems.append(
                text.isEmpty ? "\(name) is missing" : "\(name) \(text) is not a count (digits only, at most 9)")
        }
        return problems.joined(separator: "; ")
    }

    /// The values of a record as PostgreSQL's CSV parser reads them, for messages.
    static func values(of record: [UInt8], delimiter: UInt8) -> [String] {
        var values: [String] = []
        var value: [UInt8] = []
        var inQuote = false
        var index = 0
        while index < record.count {
            let byte = record[index]
            if byte == quote {
                if inQuote, index + 1 < record.count, record[index + 1] == quote {
                    value.append(quote)
                    index += 1
                } else {
                    inQuote.toggle()
                }
            } else if byte == delimiter, !inQuote {
                values.append(String(decoding: value, as: UTF8.self))
                value.removeAll()
            } else {
                value.append(byte)
            }
            index += 1
        }
        values.append(String(decoding: value, as: UTF8.self))
        return values
    }

    private mutating func record(problem: String, on line: Int) {
        problemCount += 1
        if problems.count < FigureImportRefusal.listed {
            problems.append(FigureLineProblem(line: line, message: problem))
        }
    }

    private static func appendDecimal(_ number: Int, to output: inout [UInt8]) {
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (
            0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
        )
        var value = number
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[count] = UInt8(ascii: "0") + UInt8(value % 10)
                value /= 10
                count += 1
            } while value > 0 && count < buffer.count
            for position in stride(from: count - 1, through: 0, by: -1) { output.append(buffer[position]) }
        }
    }

    /// True when `bytes` are well-formed UTF-8 (`carried` is the start of the same record, checked
    /// as one sequence with it, so a character split between pieces is whole).
    private static func isUTF8(_ bytes: some Collection<UInt8>, after carried: [UInt8] = []) -> Bool {
        if carried.isEmpty {
            return String(validating: bytes, as: UTF8.self) != nil
        }
        return String(validating: carried + Array(bytes), as: UTF8.self) != nil
    }
}

/// A count as its bytes arrive: digits, bare or in one pair of quotes (`12`, `"12"`), at most 9.
private struct Count {
    private enum State {
        case empty, digits, quoteOpen, quotedDigits, quoteClosed, invalid
    }
    private var state = State.empty
    private var number = 0
    private var digits = 0

    /// The next byte of the value.
    mutating func read(_ byte: UInt8) {
        let isDigit = byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
        switch (state, isDigit) {
        case (.empty, true), (.digits, true), (.quoteOpen, true), (.quotedDigits, true):
            digits += 1
            number = digits > 9 ? number : number * 10 + Int(byte - UInt8(ascii: "0"))
            state = state == .empty || state == .digits ? .digits : .quotedDigits
        case (.empty, false) where byte == quote:
            state = .quoteOpen
        case (.quotedDigits, false) where byte == quote:
            state = .quoteClosed
        default:
            state = .invalid
        }
    }

    /// The count, or nil when the value is missing or not a count.
    var value: Int? {
        (state == .digits || state == .quoteClosed) && digits <= 9 ? number : nil
    }
}

private let quote = UInt8(ascii: "\"")
private let lineFeed = UInt8(ascii: "\n")
private let carriageReturn = UInt8(ascii: "\r")
