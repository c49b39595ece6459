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

    @Test("release drops resident code pages: the resident set shrinks and the process goes on")
    func release() throws {
        let before = try #require(ResidentMemory.usage())
        let dropped = ResidentMemory.release()
        let after = try #require(ResidentMemory.usage())
        #expect(dropped > 0)
        #expect(after.residentKiB < before.residentKiB, "before \(before), after \(after), dropped \(dropped) KiB")
    }

    /// A private file mapping written and then made read-only, as the dynamic linker does with
    /// relocated data (RELRO): dropping its pages would bring back the file's bytes.
    @Test("a read-only mapping with a written page, and a writable one, keep what was written")
    func writtenPagesStay() throws {
        let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))
        var template = Array("/tmp/tackle-resident-XXXXXX".utf8CString)
        let descriptor = mkstemp(&template)
        try #require(descriptor >= 0)
        let path = String(cString: template)
        defer {
            close(descriptor)
            unlink(path)
        }
        let bytes = [UInt8](repeating: UInt8(ascii: "A"), count: 2 * pageSize)
        try #require(write(descriptor, bytes, bytes.count) == bytes.count)

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
