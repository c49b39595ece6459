import TackleDomain

/// Where an import's figures file comes from: a name for the record, and a way to read its bytes.
///
/// The store reads the file once, front to back, in pieces: it is hashed and streamed into the
/// database as it is read, so a file of any length (standard input included) needs no more memory
/// than one piece.
public struct FigureSource {
    /// What the import batch records as the source: the path as given, or `-` for standard input.
    public var name: String
    /// Reads the next bytes into the buffer and returns how many; 0 at the end of the file.
    public var read: (UnsafeMutableRawBufferPointer) throws -> Int

    /// Creates a source.
    ///
    /// - Parameters:
    ///   - name: The name recorded with the import.
    ///   - read: Fills the buffer with the next bytes and returns how many; 0 at the end.
    public init(name: String, read: @escaping (UnsafeMutableRawBufferPointer) throws -> Int) {
        self.name = name
        self.read = read
    }
}

/// Reads a figures file for an import: the header, then the lines as COPY data, hashing every byte.
struct FigureFileReader {
    /// How much is read at a time.
    static let pieceSize = 1 << 20

    private let source: FigureSource
    private var hasher = SHA256.Hasher()
    private var buffer: UnsafeMutableRawBufferPointer
    /// Bytes read but not yet scanned: after the header, the rest of the first pieces.
    private var leftover: [UInt8] = []
    /// Where the header ended.
    private var firstLine = 2
    private(set) var scanner: FigureFileScanner?

    init(_ source: FigureSource) {
        self.source = source
        buffer = .allocate(byteCount: Self.pieceSize, alignment: 16)
    }

    /// Frees the read buffer.
    func close() {
        buffer.deallocate()
    }

    /// Reads the next piece into the buffer, hashing it; 0 at the end.
    private mutating func readPiece() throws -> Int {
        let count = try source.read(buffer)
        hasher.update(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
        return count
    }

    /// Reads the header line (skipping a UTF-8 byte order mark).
    ///
    /// - Throws: ``FigureImportRefusal`` naming line 1 when the file is empty or its first line is
    ///   not a figures header.
    mutating func readHeader() throws -> FigureFileHeader {
        var line: [UInt8] = []
        var end: Int?
        while end == nil {
            let count = try readPiece()
            if count == 0 { break }
            let start = line.count
            line.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
            end = line[start...].firstIndex { $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }
        }
        let headerEnd = end ?? line.count
        var rest = headerEnd
        if rest < line.count {
            // The header's line end: CR, LF or CRLF.
            if line[rest] == UInt8(ascii: "\r"), rest + 1 < line.count, line[rest + 1] == UInt8(ascii: "\n") {
                rest += 2
            } else if line[rest] == UInt8(ascii: "\r"), rest + 1 == line.count {
                // A CR at the very end of the piece: an LF may follow in the next one.
                rest += 1
                let count = try readPiece()
                var next = Array(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
                if next.first == UInt8(ascii: "\n") { next.removeFirst() }
                line.append(contentsOf: next)
            } else {
                rest += 1
            }
        }
        var header = line[..<headerEnd]
        if header.starts(with: [0xEF, 0xBB, 0xBF]) { header = header.dropFirst(3) }
        guard !header.isEmpty else {
            throw FigureImportRefusal(
                problems: [FigureLineProblem(line: 1, message: "the file is empty; " + FigureFileHeader.expected)],
                count: 1)
        }
        guard let parsed = FigureFileHeader.parse(header) else {
            let shown = String(decoding: header.prefix(120), as: UTF8.self)
            throw FigureImportRefusal(
                problems: [
                    FigureLineProblem(line: 1, message: "\(FigureFileHeader.expected) (found: \(shown))")
                ],
                count: 1)
        }
        leftover = Array(line[rest...])
        scanner = FigureFileScanner(header: parsed)
        return parsed
    }

    /// Streams the lines after the header through `send` as COPY rows, to the end of the file.
    mutating func copyRows(_ send: (UnsafeRawBufferPointer) throws -> Void) throws {
        guard var scanner else { return }
        var output: [UInt8] = []
        output.reserveCapacity(Self.pieceSize * 3 / 2)
        leftover.withUnsafeBytes { scanner.scan($0, into: &output) }
        leftover = []
        while true {
            let count = try readPiece()
            if count == 0 { break }
            scanner.scan(UnsafeRawBufferPointer(rebasing: buffer[0..<count]), into: &output)
            if output.count >= Self.pieceSize {
                try output.withUnsafeBytes(send)
                output.removeAll(keepingCapacity: true)
            }
        }
        scanner.finish(into: &output)
        if !output.isEmpty { try output.withUnsafeBytes(send) }
        self.scanner = scanner
    }

    /// The SHA-256 of every byte read, as 64 hexadecimal characters; call once, after ``copyRows(_:)``.
    func sha256() -> String {
        hasher.finalizeHex()
    }
}
