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

    /// Runs `body` with a store, as ``withStore(requireCurrentSchema:_:)`` does, with ``bulkTimeouts()``.
    func withBulkStore<T>(_ body: (Store) throws -> T) throws -> T {
        try Store.withStore(
            at: location, applicationName: Self.applicationName, timeouts: try bulkTimeouts(), logger: logger()
        ) { store in
            store.fallbackActor = ActorOptions.operatingSystemUser
            if let login = store.login, login.holdsMoreThanItNeeds {
                RoleWarning.once(for: login)
            }
            return try body(store)
        }
    }
}

extension GlobalOptions {
    /// Runs a bulk write's work and prints what it returns on stdout, as ``write(_:asNote:_:)`` does
    /// (at most once per request id), with ``bulkTimeouts()``.
    func bulkWrite(_ actor: ActorOptions, _ body: (Store) throws -> String) throws {
        let requestID = try actor.requestID()
        let output = try withBulkStore { store in
            guard let requestID else { return try body(store) }
            switch try store.withRequest(requestID, command: ActorOptions.requestCommand(), body) {
            case .done(let result):
                return result
            case .replayed(let result, let at):
                Output.note("request \(requestID.uuidString.lowercased()) was already done at \(at); nothing written")
                return result
            }
        }
        Output.text(output)
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
