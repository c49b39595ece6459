import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A pipe for a child process's standard stream whose descriptors close on exec.
///
/// Foundation's `Pipe` descriptors are inherited by every process started while they are open:
/// with tests running in parallel, a long-lived child of one test (a scheduler, a PostgreSQL server)
/// would hold another test's pipe open, and that test would wait for an EOF that never comes.
/// The child still gets its own end: `dup2` onto 0, 1 or 2 clears close-on-exec. Making a pipe and
/// starting a process take one lock, so that no process starts between `pipe` and `fcntl`.
struct ChildPipe {
    private static let lock = NSLock()
    let reading: FileHandle
    let writing: FileHandle

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    init() throws {
        var descriptors: [Int32] = [-1, -1]
        let made = Self.lock.withLock {
            pipe(&descriptors) == 0
                && fcntl(descriptors[0], F_SETFD, FD_CLOEXEC) == 0 && fcntl(descriptors[1], F_SETFD, FD_CLOEXEC) == 0
        }
        guard made else { throw Failure(description: "cannot make a pipe: \(String(cString: strerror(errno)))") }
        reading = FileHandle(fileDescriptor: descriptors[0], closeOnDealloc: true)
        writing = FileHandle(fileDescriptor: descriptors[1], closeOnDealloc: true)
    }

    /// Starts `process` under the lock that pipes are made under.
    static func run(_ process: Process) throws {
        try lock.withLock { try process.run() }
    }
}
