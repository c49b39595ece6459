internal import CLibPQ
import Logging

extension PostgresConnection {
    /// How much row text to gather before handing it to libpq: large enough to keep the number of
    /// calls low, small enough that memory stays flat for any number of rows.
    static let copyChunkSize = 64 * 1024

    /// Streams rows into a table with `COPY ... FROM STDIN`, the fastest way to load many rows.
    ///
    /// Rows are sent in COPY's text format, each value escaped (`\\`, `\t`, `\n`, `\r`) and `nil` sent
    /// as NULL, in chunks of about 64 KiB as the sequence produces them. The server parses each value
    /// with the column's input function, exactly as for a bound parameter.
    ///
    /// ```swift
    /// let copied = try connection.copyIn("COPY reading (slab, value) FROM STDIN", rows: readings.lazy.map {
    ///     [$0.slab, $0.value.map { String($0) }]
    /// })
    /// ```
    ///
    /// If a row has the wrong number of values or contains a NUL byte, or the server rejects a row,
    /// the whole COPY is aborted and no row is stored; the connection stays usable. Run it inside
    /// ``withTransaction(isolation:_:)`` to make it part of a larger unit of work.
    ///
    /// - Parameters:
    ///   - sql: A `COPY table [(columns)] FROM STDIN` statement (text format, the default).
    ///   - rows: The rows, each with one value per copied column; `nil` is SQL NULL.
    /// - Returns: The number of rows copied.
    /// - Throws: ``PostgresError`` with code ``PostgresError/Code/server`` (and its SQLSTATE) when the
    ///   server rejects the statement or a row, ``PostgresError/Code/copyFailed`` when a row has the
    ///   wrong number of values or the statement is not a `COPY FROM STDIN`,
    ///   ``PostgresError/Code/invalidArgument`` when a value contains a NUL byte,
    ///   ``PostgresError/Code/connectionLost`` or ``PostgresError/Code/connectionClosed``.
    @discardableResult
    public func copyIn(_ sql: String, rows: some Sequence<[String?]>) throws -> Int {
        let (handle, columnCount) = try startCopyIn(sql)

        // Gather rows, send full chunks; stop at the first row that cannot be sent.
        var clientError: PostgresError?
        var buffer: [UInt8] = []
        buffer.reserveCapacity(Self.copyChunkSize + 4096)
        var rowNumber = 0
        for row in rows {
            rowNumber += 1
            guard row.count == columnCount else {
                clientError = PostgresError(
                    code: .copyFailed,
                    message:
                        "COPY row \(rowNumber) has \(row.count) values but the statement copies \(columnCount) columns")
                break
            }
            if let error = Self.appendCopyRow(row, to: &buffer, rowNumber: rowNumber) {
                clientError = error
                break
            }
            if buffer.count >= Self.copyChunkSize {
                clientError = send(buffer, over: handle)
                if clientError != nil { break }
                buffer.removeAll(keepingCapacity: true)
            }
        }
        if clientError == nil, !buffer.isEmpty {
            clientError = send(buffer, over: handle)
        }
        return try finishCopy(sql: sql, handle: handle, clientError: clientError)
    }

    /// Streams data that is already in COPY's format (text or CSV, as the statement says) into a
    /// table with `COPY ... FROM STDIN`, as it is produced: no row is held in memory beyond the
    /// caller's own buffer.
    ///
    /// `produce` is called once and hands its bytes to `send` in pieces of any size (rows may span
    /// pieces); each piece goes to libpq, which sends it. This is the way to load a file that the
    /// server parses itself, such as a CSV file with `COPY t FROM STDIN (FORMAT csv)`:
    ///
    /// ```swift
    /// let copied = try connection.copyIn("COPY reading FROM STDIN (FORMAT csv)") { send in
    ///     while let chunk = try file.read(upTo: 1 << 20) { try chunk.withUnsafeBytes(send) }
    /// }
    /// ```
    ///
    /// If `produce` throws, the COPY is ended with its error as the reason (the server stores no
    /// row) and the error is rethrown; the connection stays usable. Run it inside
    /// ``withTransaction(isolation:_:)`` to make it part of a larger unit of work.
    ///
    /// - Parameters:
    ///   - sql: A `COPY table [(columns)] FROM STDIN [(options)]` statement.
    ///   - produce: Writes the data through `send`.
    /// - Returns: The number of rows copied.
    /// - Throws: What `produce` throws; ``PostgresError`` with code ``PostgresError/Code/server``
    ///   when the server rejects the statement or the data, ``PostgresError/Code/copyFailed`` when
    ///   the statement is not a `COPY FROM STDIN` or data could not be sent,
    ///   ``PostgresError/Code/connectionLost`` or ``PostgresError/Code/connectionClosed``.
    @discardableResult
    public func copyIn(
        _ sql: String, bytes produce: (_ send: (UnsafeRawBufferPointer) throws -> Void) throws -> Void
    ) throws -> Int {
        let (handle, _) = try startCopyIn(sql)
        var failure: (any Error)?
        do {
            try produce { bytes in
                guard bytes.count > 0 else { return }
                let sent = PQputCopyData(
                    handle, bytes.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(bytes.count))
                guard sent == 1 else {
                    let reason = ConnInfo.condensed(String(cString: PQerrorMessage(handle)))
                    throw PostgresError(code: .copyFailed, message: "could not send COPY data: \(reason)")
                }
            }
        } catch {
            failure = error
        }
        guard let failure else { return try finishCopy(sql: sql, handle: handle, abortReason: nil) }
        do {
            _ = try finishCopy(
                sql: sql, handle: handle, abortReason: (failure as? PostgresError)?.message ?? "\(failure)")
        } catch let error where error.code == .connectionLost {
            throw error
        } catch {
            // The server's "COPY from stdin failed: <our reason>" adds nothing to the producer's error.
        }
        logger.debug("postgres copy aborted", metadata: ["db.statement": "\(sql)", "db.error": "\(failure)"])
        throw failure
    }

    /// Sends a `COPY ... FROM STDIN` statement; once the server waits for data, returns the handle
    /// and how many columns each row must have.
    private func startCopyIn(_ sql: String) throws -> (handle: OpaquePointer, columns: Int) {
        let handle = try openHandle()
        var text = CStringArray()
        try text.append(sql, what: "the SQL text")
        logger.debug("postgres copy", metadata: ["db.statement": "\(sql)"])
        guard let start = text.withPointers({ PQexec(handle, $0[0]) }) else {
            throw failure(sql: sql, serverError: nil)
        }
        guard PQresultStatus(start) == PGRES_COPY_IN else {
            _ = try complete(start, sql: sql)
            throw PostgresError(code: .copyFailed, message: "copyIn needs a COPY ... FROM STDIN statement")
        }
        let columnCount = Int(PQnfields(start))
        PQclear(start)
        return (handle, columnCount)
    }

    /// Runs `COPY ... TO STDOUT` and hands the data to `consume` as the server sends it, one row
    /// (in COPY's text or CSV format, with its line end) at a time: an export of any size in flat
    /// memory.
    ///
    /// ```swift
    /// try connection.copyOut("COPY (SELECT key, title FROM project ORDER BY key) TO STDOUT (FORMAT csv)") {
    ///     try output.write(contentsOf: $0)
    /// }
    /// ```
    ///
    /// COPY takes no bound parameters: pass values through transaction settings
    /// (`set_config('app.key', $1, true)` read with `current_setting('app.key')`), never by splicing
    /// them into the SQL text.
    ///
    /// If `consume` throws, the rest of the data is read and dropped, so the connection stays
    /// usable, and the error is rethrown.
    ///
    /// - Parameters:
    ///   - sql: A `COPY table|(query) TO STDOUT [(options)]` statement.
    ///   - consume: Receives the data; the buffer is valid only during the call.
    /// - Returns: The number of rows copied.
    /// - Throws: What `consume` throws; ``PostgresError`` with code ``PostgresError/Code/server``
    ///   when the server rejects the statement, ``PostgresError/Code/copyFailed`` when it is not a
    ///   `COPY TO STDOUT`, ``PostgresError/Code/connectionLost`` or
    ///   ``PostgresError/Code/connectionClosed``.
    @discardableResult
    public func copyOut(_ sql: String, into consume: (UnsafeRawBufferPointer) throws -> Void) throws -> Int {
        let handle = try openHandle()
        var text = CStringArray()
        try text.append(sql, what: "the SQL text")
        logger.debug("postgres copy out", metadata: ["db.statement": "\(sql)"])
        guard let start = text.withPointers({ PQexec(handle, $0[0]) }) else {
            throw failure(sql: sql, serverError: nil)
        }
        guard PQresultStatus(start) == PGRES_COPY_OUT else {
            _ = try complete(start, sql: sql)
            throw PostgresError(code: .copyFailed, message: "copyOut needs a COPY ... TO STDOUT statement")
        }
        PQclear(start)
        var consumerError: (any Error)?
        while true {
            var buffer: UnsafeMutablePointer<CChar>?
            let length = PQgetCopyData(handle, &buffer, 0)
            guard length > 0, let buffer else { break }
            defer { PQfreemem(buffer) }
            if consumerError == nil {
                do {
                    try consume(UnsafeRawBufferPointer(start: buffer, count: Int(length)))
                } catch {
                    consumerError = error
                }
            }
        }
        // -1: the COPY is done and its result follows; -2: it failed (the result says why).
        var copied = 0
        var serverError: PostgresError?
        while let result = PQgetResult(handle) {
            if PQresultStatus(result) == PGRES_COMMAND_OK {
                copied = Int(String(cString: PQcmdTuples(result))) ?? 0
            } else {
                serverError = serverError ?? PostgresError(serverResult: result)
            }
            PQclear(result)
        }
        if PQstatus(handle) == CONNECTION_BAD || serverError != nil {
            throw failure(sql: sql, serverError: serverError)
        }
        if let consumerError { throw consumerError }
        logger.debug("postgres copy out done", metadata: ["db.statement": "\(sql)", "db.rows": "\(copied)"])
        return copied
    }

    /// Ends the COPY (failing it with `clientError`'s reason, if any) and collects the server's verdict.
    private func finishCopy(sql: String, handle: OpaquePointer, clientError: PostgresError?) throws -> Int {
        guard let clientError else { return try finishCopy(sql: sql, handle: handle, abortReason: nil) }
        do {
            _ = try finishCopy(sql: sql, handle: handle, abortReason: clientError.message)
        } catch let error where error.code == .connectionLost {
            throw error
        } catch {
            // The server's "COPY from stdin failed: <our reason>" adds nothing to our own error.
        }
        logger.debug("postgres copy aborted", metadata: ["db.statement": "\(sql)", "db.error": "\(clientError)"])
        throw clientError
    }

    /// Ends the COPY (failing it with `abortReason`, if any) and collects the server's verdict:
    /// the rows copied, or the server's error (for an aborted COPY, the error that says so).
    private func finishCopy(sql: String, handle: OpaquePointer, abortReason: String?) throws(PostgresError) -> Int {
        guard PQputCopyEnd(handle, abortReason) == 1 else {
            throw abandonBrokenCopy(sql: sql, over: handle)
        }
        var copied = 0
        var failed = false
        var serverError: PostgresError?
        while let result = PQgetResult(handle) {
            let status = PQresultStatus(result)
            if status == PGRES_COMMAND_OK {
                copied = Int(String(cString: PQcmdTuples(result))) ?? 0
            } else if status != PGRES_COPY_IN {
                failed = true
                serverError = serverError ?? PostgresError(serverResult: result)
            }
            PQclear(result)
            // Still in COPY after its end was sent means libpq could not send it; asking again would loop.
            if status == PGRES_COPY_IN { throw abandonBrokenCopy(sql: sql, over: handle) }
        }
        if PQstatus(handle) == CONNECTION_BAD {
            throw failure(sql: sql, serverError: serverError)
        }
        if failed {
            throw failure(sql: sql, serverError: serverError)
        }
        logger.debug("postgres copy done", metadata: ["db.statement": "\(sql)", "db.rows": "\(copied)"])
        return copied
    }

    /// Gives up a connection stuck in COPY: nothing else can run on it, and ending the COPY without
    /// an error could commit half the rows.
    private func abandonBrokenCopy(sql: String, over handle: OpaquePointer) -> PostgresError {
        if PQstatus(handle) == CONNECTION_BAD { return failure(sql: sql, serverError: nil) }
        let reason = ConnInfo.condensed(String(cString: PQerrorMessage(handle)))
        markLost(reason: "a COPY could not be ended: \(reason)")
        return PostgresError(
            code: .copyFailed, message: "the COPY could not be ended, so the connection was closed: \(reason)")
    }

    /// Hands one chunk to libpq, which sends it; the error when it could not.
    private func send(_ chunk: [UInt8], over handle: OpaquePointer) -> PostgresError? {
        let sent = chunk.withUnsafeBytes { bytes in
            PQputCopyData(handle, bytes.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(bytes.count)) == 1
        }
        guard !sent else { return nil }
        let reason = ConnInfo.condensed(String(cString: PQerrorMessage(handle)))
        return PostgresError(code: .copyFailed, message: "could not send COPY data: \(reason)")
    }

    /// Appends one row in COPY text format, or returns why it cannot be sent.
    static func appendCopyRow(_ row: [String?], to buffer: inout [UInt8], rowNumber: Int) -> PostgresError? {
        for (index, value) in row.enumerated() {
            if index > 0 { buffer.append(UInt8(ascii: "\t")) }
            guard let value else {
                buffer.append(UInt8(ascii: "\\"))
                buffer.append(UInt8(ascii: "N"))
                continue
            }
            for byte in value.utf8 {
                switch byte {
                case UInt8(ascii: "\\"):
                    buffer.append(UInt8(ascii: "\\"))
                    buffer.append(UInt8(ascii: "\\"))
                case UInt8(ascii: "\t"):
                    buffer.append(UInt8(ascii: "\\"))
                    buffer.append(UInt8(ascii: "t"))
                case UInt8(ascii: "\n"):
                    buffer.append(UInt8(ascii: "\\"))
                    buffer.append(UInt8(ascii: "n"))
                case UInt8(ascii: "\r"):
                    buffer.append(UInt8(ascii: "\\"))
                    buffer.append(UInt8(ascii: "r"))
                case 0:
                    return PostgresError(
                        code: .invalidArgument,
                        message: "COPY row \(rowNumber), value \(index + 1): text cannot contain NUL (0x00) bytes")
                default:
                    buffer.append(byte)
                }
            }
        }
        buffer.append(UInt8(ascii: "\n"))
        return nil
    }
}
