#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the long-running job holds in memory, and how it gives back what an idle job does not need.
///
/// Between passes the job needs almost nothing of what a pass touched. Most of its resident memory
/// after a pass is not heap but code: the kernel keeps every page of program text the process ever
/// ran mapped into it (64 KB at a time, fault-around), so the argument parser, the report writers,
/// the board, libpq and its TLS and Kerberos libraries stay resident for the whole idle month.
/// Measured on the static release build after publishing the demo's months: 24 MB resident, of
/// which 21 MB file pages (11.5 MB the binary's text) and 3 MB anonymous memory.
///
/// ``release()`` unmaps the resident pages of every private read-only file mapping none of whose
/// pages was written (program text and read-only data of the binary and its libraries) with
/// `madvise(MADV_DONTNEED)`, then returns the heap's free pages to the system (`malloc_trim`).
/// The dropped pages are exact copies of the files: they stay in the page cache, nothing is lost,
/// and the next pass faults back in (minor faults, no disk reads) what it runs. Writable mappings
/// and mappings holding any written (anonymous) page, such as relocated data, are left alone.
enum ResidentMemory {
    /// Resident memory as `/proc/self/status` reports it.
    struct Usage: Sendable, Hashable {
        /// The resident set in KiB (`VmRSS`).
        var residentKiB: Int
        /// Of which anonymous memory (heap, stacks, written data) in KiB (`RssAnon`).
        var anonymousKiB: Int
    }

    /// The process's resident memory now, or nil where `/proc` is not available.
    static func usage() -> Usage? {
        var resident: Int?
        var anonymous: Int?
        let readable = forEachLine(of: "/proc/self/status") { line in
            if line.starts(with: "VmRSS:".utf8) { resident = number(in: line) }
            if line.starts(with: "RssAnon:".utf8) { anonymous = number(in: line) }
        }
        guard readable, let resident, let anonymous else { return nil }
        return Usage(residentKiB: resident, anonymousKiB: anonymous)
    }

    /// Drops clean read-only file pages and returns the heap's free memory to the system.
    ///
    /// Safe to call from any thread at any time: a page dropped while another thread runs its code
    /// is faulted back in from the page cache.
    ///
    /// - Returns: The KiB of file pages dropped (0 where this is not supported).
    @discardableResult
    static func release() -> Int {
        let dropped = dropCleanReadOnlyFilePages()
        trimHeap()
        return dropped
    }

    /// `malloc_trim(0)`: glibc gives the free pages of every arena back to the system.
    static func trimHeap() {
        #if canImport(Glibc)
        // <malloc.h> is not part of the Glibc module; glibc has exported malloc_trim since 2.0.
        typealias MallocTrim = @convention(c) (Int) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return }
        _ = unsafeBitCast(symbol, to: MallocTrim.self)(0)
        #endif
    }

    /// Unmaps the resident pages of every private read-only file mapping with no written page, as
    /// `/proc/self/smaps` lists them.
    ///
    /// - Returns: The KiB that were resident in the mappings dropped.
    static func dropCleanReadOnlyFilePages() -> Int {
        #if os(Linux)
        var candidates: [Mapping] = []
        var current: Mapping?
        let readable = forEachLine(of: "/proc/self/smaps") { line in
            if let header = Mapping(header: line) {
                if let done = current, done.isDroppable { candidates.append(done) }
                current = header
            } else if line.starts(with: "Rss:".utf8) {
                current?.residentKiB = number(in: line) ?? 0
            } else if line.starts(with: "Anonymous:".utf8) {
                // Unreadable counts as written: never drop what the file cannot give back.
                current?.anonymousKiB = number(in: line) ?? 1
            }
        }
        guard readable else { return 0 }
        if let done = current, done.isDroppable { candidates.append(done) }
        var dropped = 0
        for mapping in candidates {
            if madvise(UnsafeMutableRawPointer(bitPattern: mapping.start), mapping.length, MADV_DONTNEED) == 0 {
                dropped += mapping.residentKiB
            }
        }
        return dropped
        #else
        return 0
        #endif
    }

    /// One mapping of `/proc/self/smaps`.
    private struct Mapping {
        var start: UInt
        var length: Int
        /// Private, not writable, and backed by a file (not the heap, a stack or `[vdso]`).
        var isReadOnlyFilePrivate: Bool
        var residentKiB = 0
        /// Pages written since mapped (copy-on-write): cannot be read back from the file. Unknown
        /// until the mapping's `Anonymous:` line is read.
        var anonymousKiB = 1

        var isDroppable: Bool { isReadOnlyFilePrivate && anonymousKiB == 0 && residentKiB > 0 }

        /// Parses a header line, `start-end perms offset dev inode [path]`; nil for other lines.
        init?(header line: ArraySlice<UInt8>) {
            let fields = line.split(separator: UInt8(ascii: " "), maxSplits: 5, omittingEmptySubsequences: true)
            guard fields.count >= 5, let dash = fields[0].firstIndex(of: UInt8(ascii: "-")),
                let start = UInt(String(decoding: fields[0][..<dash], as: UTF8.self), radix: 16),
                let end = UInt(String(decoding: fields[0][(dash + 1)...], as: UTF8.self), radix: 16), end > start,
                fields[1].count == 4
            else { return nil }
            let permissions = Array(fields[1])
            let path = fields.count == 6 ? fields[5].drop { $0 == UInt8(ascii: " ") } : []
            self.start = start
            self.length = Int(end - start)
            self.isReadOnlyFilePrivate =
                permissions[1] == UInt8(ascii: "-") && permissions[3] == UInt8(ascii: "p")
                && !fields[4].elementsEqual("0".utf8) && path.first == UInt8(ascii: "/")
        }
    }

    /// The first number in a `/proc` line such as `Rss:     1234 kB`.
    private static func number(in line: ArraySlice<UInt8>) -> Int? {
        let fields = line.split(separator: UInt8(ascii: " "), omittingEmptySubsequences: true)
        guard fields.count >= 2 else { return nil }
        return Int(String(decoding: fields[fields.startIndex + 1], as: UTF8.self))
    }

    /// Calls `body` with each line of a `/proc` file (whose size is unknown until read); false when
    /// the file cannot be read.
    private static func forEachLine(of path: String, _ body: (ArraySlice<UInt8>) -> Void) -> Bool {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var pending: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 16_384)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { return false }
            if count == 0 {
                if !pending.isEmpty { body(pending[...]) }
                return true
            }
            pending += buffer[..<count]
            var lineStart = pending.startIndex
            while let newline = pending[lineStart...].firstIndex(of: UInt8(ascii: "\n")) {
                body(pending[lineStart..<newline])
                lineStart = newline + 1
            }
            pending.removeSubrange(..<lineStart)
        }
    }
}
