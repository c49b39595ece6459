import FoundationEssentials
import LibPQ
import TackleStore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension GlobalOptions {
    /// The timeouts of bulk commands (`metric import`, `metric export`, `trial export`): a merge or
    /// an export of a million figures may take a minute, so each statement may run up to an hour
    /// unless `TACKLE_STATEMENT_TIMEOUT` says otherwise; the lock timeout is the usual one.
    func bulkTimeouts() throws -> PostgresConnection.Timeouts {
        var timeouts = try timeouts()
        if Environment.current["TACKLE_STATEMENT_TIMEOUT"] == nil {
            timeouts.statementMilliseconds = 3_600_000
        }
        return timeouts
    }

    /// Runs `body` with a store, as ``withStore(requireCurrentSchema:timeouts:_:)`` does, with ``bulkTimeouts()``.
    func withBulkStore<T>(_ body: (Store) throws -> T) throws -> T {
        try withStore(timeouts: try bulkTimeouts(), body)
    }
}

/// Standard output for bulk data, written as it comes (no buffering beyond the caller's pieces).
enum BulkOutput {
    /// Writes all of `bytes` to standard output.
    ///
    /// - Throws: ``StoreError`` `.fileSystem` when standard output cannot be written.
    static func write(_ bytes: UnsafeRawBufferPointer) throws {
        guard var base = bytes.baseAddress else { return }
        var remaining = bytes.count
        while remaining > 0 {
            let written = Glibc.write(1, base, remaining)
            if written < 0 {
                if errno == EINTR { continue }
                throw StoreError(.fileSystem, "cannot write standard output: \(String(cString: strerror(errno)))")
            }
            base += written
            remaining -= written
        }
    }

    /// Writes text to standard output.
    static func write(_ text: String) throws {
        var text = text
        try text.withUTF8 { try write(UnsafeRawBufferPointer($0)) }
    }
}
