import TackleDomain
import TackleReport
import TackleStore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The published reports as files in a directory, written atomically.
///
/// A file is written to a temporary name in the same directory, flushed to disk, then renamed
/// over the final name, and the directory is flushed: a reader sees the old file or the whole new
/// one, never half a file, whatever happens to the process.
public struct ReportFiles: Sendable {
    /// The output directory.
    public var directory: String

    public init(directory: String) {
        self.directory = directory
    }

    /// `tackle-status-2026-05.txt` or `.json`: the latest revision; `tackle-status-2026-05-r2.txt`
    /// for one revision.
    public func fileName(of month: Month, _ format: ReportFormat, revision: Int? = nil) -> String {
        "tackle-status-\(month)\(revision.map { "-r\($0)" } ?? "").\(format.fileExtension)"
    }

    /// The full path of a month's file.
    public func path(of month: Month, _ format: ReportFormat, revision: Int? = nil) -> String {
        let name = fileName(of: month, format, revision: revision)
        return directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    /// Creates the directory (and its parents) if missing.
    public func prepare() throws {
        var prefix = ""
        for component in directory.split(separator: "/") {
            prefix += prefix.isEmpty && !directory.hasPrefix("/") ? String(component) : "/" + component
            if mkdir(prefix, 0o755) != 0 && errno != EEXIST {
                throw Self.error("cannot create the output directory \(prefix)")
            }
        }
    }

    /// True when the file exists and holds exactly the text whose SHA-256 is `checksum`.
    public func isComplete(_ month: Month, _ format: ReportFormat, revision: Int? = nil, checksum: String) -> Bool {
        guard let bytes = read(path(of: month, format, revision: revision)) else { return false }
        return SHA256.hex(bytes) == checksum
    }

    /// Writes a month's file atomically.
    public func write(_ text: String, for month: Month, _ format: ReportFormat, revision: Int? = nil) throws {
        try write(text, toFile: fileName(of: month, format, revision: revision))
    }

    /// True for a name a file in the directory may have: letters, digits, `.`, `_` and `-`, not
    /// starting with a dot (no path, no hidden file).
    public static func isPlainName(_ name: String) -> Bool {
        !name.isEmpty && !name.hasPrefix(".")
            && name.utf8.allSatisfy { byte in
                (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                    || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
            }
    }

    /// The full path of a file in the directory.
    public func path(ofFile name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    /// The bytes of a file in the directory, or nil when it cannot be read.
    public func contents(ofFile name: String) -> [UInt8]? {
        read(path(ofFile: name))
    }

    /// True when a file of that name exists in the directory.
    public func exists(_ name: String) -> Bool {
        access(path(ofFile: name), F_OK) == 0
    }

    /// Writes a file of the directory atomically: to a temporary name (`.tackle-*.tmp`), flushed,
    /// renamed over `name`, and the directory flushed.
    ///
    /// - Throws: ``StoreError`` `.invalidInput` for a name that is not plain (see ``isPlainName(_:)``),
    ///   `.fileSystem` when the file cannot be written.
    public func write(_ text: String, toFile name: String) throws {
        guard Self.isPlainName(name) else {
            throw StoreError(.invalidInput, field: "file", "'\(name)' is not a plain file name for \(directory)")
        }
        let final = path(ofFile: name)
        let temporary =
            "\(directory)/.\(name.hasPrefix("tackle-") ? name : "tackle-" + name).\(getpid())."
            + "\(UInt32.random(in: .min ... .max)).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Self.error("cannot create \(temporary)") }
        var written = true
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let count = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if count < 0 && errno == EINTR { continue }
                if count <= 0 {
                    written = false
                    break
                }
                offset += count
            }
        }
        let synced = fsync(descriptor) == 0
        close(descriptor)
        guard written, synced, rename(temporary, final) == 0 else {
            unlink(temporary)
            throw Self.error("cannot write \(final)")
        }
        let directoryDescriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if directoryDescriptor >= 0 {
            fsync(directoryDescriptor)
            close(directoryDescriptor)
        }
    }

    /// Removes temporary files left by a writer that died (SIGKILL, power loss) before its rename.
    ///
    /// Only this tool's own temporary names (`.tackle-*.tmp`) are touched, and only when
    /// older than `age` seconds, so a writer on another host sharing the directory is never
    /// disturbed: writing a report takes milliseconds.
    ///
    /// - Returns: The names removed.
    @discardableResult
    public func removeStaleTemporaryFiles(olderThan age: Int = 600, now: Int = Int(time(nil))) -> [String] {
        guard let stream = opendir(directory) else { return [] }
        defer { closedir(stream) }
        var removed: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard name.hasPrefix(".tackle-"), name.hasSuffix(".tmp") else { continue }
            let path = directory + "/" + name
            var info = stat()
            guard lstat(path, &info) == 0, Self.modified(info) <= now - age else { continue }
            if unlink(path) == 0 { removed.append(name) }
        }
        return removed
    }

    private func read(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var result: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return count == 0 ? result : nil }
            result += buffer[..<count]
        }
    }

    private static func modified(_ info: stat) -> Int {
        #if canImport(Glibc)
        Int(info.st_mtim.tv_sec)
        #else
        Int(info.st_mtimespec.tv_sec)
        #endif
    }

    private static func error(_ message: String) -> StoreError {
        StoreError(.fileSystem, field: "--output-dir", "\(message): \(String(cString: strerror(errno)))")
    }
}
