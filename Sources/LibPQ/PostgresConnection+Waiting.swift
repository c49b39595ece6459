internal import CLibPQ
import Dispatch
import Logging

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension PostgresConnection {
    /// Collects the results of the query just sent, as `PQexec` would (the last one; a COPY
    /// result at once), but waits at most ``answerDeadline`` milliseconds for each.
    ///
    /// The server's `statement_timeout` cannot fire in a backend that is stopped or behind a
    /// network that went silent; this deadline is the client's own. It restarts with each result
    /// that arrives; the server sends the results of a multi-statement script together at its
    /// end, so there it covers the whole script. The waiting is what `PQexec` does inside
    /// (`poll`, then read), so the fast path costs no extra system call beyond reading the
    /// monotonic clock.
    ///
    /// - Returns: The last result, to free with `PQclear`; `nil` only when libpq has none.
    /// - Throws: ``PostgresError/Code/connectionLost`` when the deadline passes (the query is
    ///   cancelled, best effort, and the connection closed).
    func awaitResult(sql: String) throws -> OpaquePointer? {
        let handle = try openHandle()
        var last: OpaquePointer?
        while true {
            let deadline = answerDeadline.map { Self.monotonicMilliseconds() + $0 }
            while PQisBusy(handle) != 0 {
                guard try waitForInput(on: handle, until: deadline, sql: sql) else { break }
            }
            guard let result = PQgetResult(handle) else { break }
            PQclear(last)
            last = result
            let status = PQresultStatus(result)
            if status == PGRES_COPY_IN || status == PGRES_COPY_OUT || status == PGRES_COPY_BOTH
                || PQstatus(handle) == CONNECTION_BAD
            {
                break
            }
        }
        return last
    }

    /// Waits for the next result of a pipeline (``pipeline(_:)``), at most ``answerDeadline``
    /// milliseconds, and returns it as `PQgetResult` does: `nil` ends one statement's results.
    ///
    /// - Throws: ``PostgresError/Code/connectionLost`` when the deadline passes.
    func nextResult(sql: String) throws -> OpaquePointer? {
        let handle = try openHandle()
        let deadline = answerDeadline.map { Self.monotonicMilliseconds() + $0 }
        while PQisBusy(handle) != 0 {
            guard try waitForInput(on: handle, until: deadline, sql: sql) else { break }
        }
        return PQgetResult(handle)
    }

    /// Waits until the server sends something and reads it, or throws when `deadline` passes.
    ///
    /// - Returns: `false` when reading failed (the connection broke; `PQgetResult` reports it).
    private func waitForInput(on handle: OpaquePointer, until deadline: Int?, sql: String) throws -> Bool {
        let socket = PQsocket(handle)
        guard socket >= 0 else { return false }
        var descriptor = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
        while true {
            let timeout = deadline.map { Int32(clamping: max(0, $0 - Self.monotonicMilliseconds())) } ?? -1
            let ready = poll(&descriptor, 1, timeout)
            if ready > 0 { break }
            if ready < 0 && errno == EINTR { continue }
            if ready == 0 { throw abandon(handle, sql: sql) }
            break  // poll failed: let libpq's read find out why
        }
        return PQconsumeInput(handle) == 1
    }

    /// Gives up a server that did not answer in time: asks it to cancel the statement (best
    /// effort) and closes the connection, so the backend rolls back once it runs again.
    private func abandon(_ handle: OpaquePointer, sql: String) -> PostgresError {
        let seconds = Double(answerDeadline ?? 0) / 1000
        let shown = seconds.rounded() == seconds ? "\(Int(seconds))" : "\(seconds)"
        let reason = "the database server did not answer within \(shown) s"
        if let cancel = PQgetCancel(handle) {
            // A cancel request opens a connection of its own with no timeout: on a network gone
            // silent it could hang, so it runs aside and is waited for one second at most.
            let request = CancelRequest(pointer: cancel)
            let done = DispatchSemaphore(value: 0)
            DispatchQueue.global().async {
                request.send()
                done.signal()
            }
            _ = done.wait(timeout: .now() + 1)
        }
        logger.debug(
            "postgres server did not answer",
            metadata: ["db.statement": "\(sql)", "db.deadline_ms": "\(answerDeadline ?? 0)"])
        markLost(reason: reason)
        return PostgresError(code: .connectionLost, message: "\(reason); the connection was closed")
    }

    /// Milliseconds of the monotonic clock, which no clock change moves.
    static func monotonicMilliseconds() -> Int {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return now.tv_sec * 1000 + now.tv_nsec / 1_000_000
    }
}

/// A libpq cancel object, handed to the thread that sends it and frees it.
private struct CancelRequest: @unchecked Sendable {
    let pointer: OpaquePointer

    func send() {
        var message = [CChar](repeating: 0, count: 256)
        _ = PQcancel(pointer, &message, Int32(message.count))
        PQfreeCancel(pointer)
    }
}
