import Testing

@testable import TackleScheduler

#if canImport(Glibc)
import Glibc
#endif

/// Giving memory back between passes: clean file pages go, written pages stay exactly as written.
@Suite("The idle job's memory release")
struct ResidentMemoryTests {
    @Test("usage reads the resident set and its anonymous part from /proc")
    func usage() throws {
        let usage = try #require(ResidentMemory.usage())
        #expect(usage.anonymousKiB > 0)
        #expect(usage.residentKiB > usage.anonymousKiB)
    }

    /// Measured on a mapping of the test's own, not on the whole process: other suites run beside
    /// this one in the same process and fault pages in meanwhile.
    @Test("release drops resident code pages: the resident set shrinks and the process goes on")
    func release() throws {
        let pageSize = Self.pageSize
        let pages = 16
        let descriptor = try Self.temporaryFile(pages: pages)
        defer { close(descriptor) }
        let address = mmap(nil, pages * pageSize, PROT_READ, MAP_PRIVATE, descriptor, 0)
        try #require(address != MAP_FAILED)
        defer { munmap(address, pages * pageSize) }
        let pointer = address!.assumingMemoryBound(to: UInt8.self)
        var sum = 0
        for page in 0..<pages { sum += Int(pointer[page * pageSize]) }  // every page resident, clean
        let before = try #require(Self.residentKiB(of: address!))

        let dropped = ResidentMemory.release()

        let after = try #require(Self.residentKiB(of: address!))
        #expect(dropped > 0)
        #expect(before == pages * pageSize / 1024, "before \(before) KiB")
        #expect(after < before, "before \(before) KiB, after \(after) KiB, dropped \(dropped) KiB")
        #expect(pointer[(pages - 1) * pageSize] == UInt8(ascii: "A") && sum == pages * 65, "the file's bytes read back")
    }

    static let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))

    /// An open file of `pages` pages of "A", already unlinked: it goes when the caller closes it.
    private static func temporaryFile(pages: Int) throws -> Int32 {
        var template = Array("/tmp/tackle-resident-XXXXXX".utf8CString)
        let descriptor = mkstemp(&template)
        try #require(descriptor >= 0)
        unlink(String(cString: template))
        let bytes = [UInt8](repeating: UInt8(ascii: "A"), count: pages * pageSize)
        let written = write(descriptor, bytes, bytes.count)
        if written != bytes.count { close(descriptor) }
        try #require(written == bytes.count)
        return descriptor
    }

    /// The resident KiB of the mapping that starts at `address`, from `/proc/self/smaps`.
    private static func residentKiB(of address: UnsafeMutableRawPointer) -> Int? {
        guard let file = fopen("/proc/self/smaps", "r") else { return nil }
        defer { fclose(file) }
        let start = String(UInt(bitPattern: address), radix: 16) + "-"
        var line: UnsafeMutablePointer<CChar>?
        var capacity = 0
        defer { free(line) }
        var inMapping = false
        while getline(&line, &capacity, file) > 0, let text = line.map({ String(cString: $0) }) {
            if text.first?.isHexDigit == true && text.contains("-") && !text.hasPrefix("VmFlags") {
                inMapping = text.hasPrefix(start)
            } else if inMapping, text.hasPrefix("Rss:") {
                return Int(text.dropFirst(4).split(separator: " ").first ?? "")
            }
        }
        return nil
    }

    /// A private file mapping written and then made read-only, as the dynamic linker does with
    /// relocated data (RELRO): dropping its pages would bring back the file's bytes.
    @Test("a read-only mapping with a written page, and a writable one, keep what was written")
    func writtenPagesStay() throws {
        let pageSize = Self.pageSize
        let descriptor = try Self.temporaryFile(pages: 2)
        defer { close(descriptor) }

        func mapped(finallyReadOnly: Bool) throws -> UnsafeMutablePointer<UInt8> {
            let address = mmap(nil, 2 * pageSize, PROT_READ | PROT_WRITE, MAP_PRIVATE, descriptor, 0)
            try #require(address != MAP_FAILED)
            let pointer = address!.assumingMemoryBound(to: UInt8.self)
            pointer[0] = UInt8(ascii: "B")
            #expect(pointer[pageSize] == UInt8(ascii: "A"))  // the second page resident and clean
            if finallyReadOnly { try #require(mprotect(address, 2 * pageSize, PROT_READ) == 0) }
            return pointer
        }
        let relocated = try mapped(finallyReadOnly: true)
        let writable = try mapped(finallyReadOnly: false)
        defer {
            munmap(relocated, 2 * pageSize)
            munmap(writable, 2 * pageSize)
        }

        ResidentMemory.release()
        #expect(relocated[0] == UInt8(ascii: "B"))
        #expect(writable[0] == UInt8(ascii: "B"))
        #expect(relocated[pageSize] == UInt8(ascii: "A"))
    }
}
