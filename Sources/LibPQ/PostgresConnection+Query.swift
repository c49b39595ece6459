internal import CLibPQ
import Logging

extension PostgresConnection {
    /// Runs one statement with bound parameters and returns its rows.
    ///
    /// Parameters are sent separately from the SQL text, in text format, and referenced as `$1`,
    /// `$2`, ... Nothing is ever spliced into the SQL, so a value cannot change the statement.
    ///
    /// ```swift
    /// let rows = try connection.query("SELECT id, name FROM t WHERE key = $1 AND n > $2", [key, 3])
    /// ```
    ///
    /// - Parameters:
    ///   - sql: One SQL statement.
    ///   - parameters: The values for `$1`, `$2`, ...; `nil` is SQL NULL.
    /// - Returns: The result, copied out of libpq.
    /// - Throws: ``PostgresError`` with code ``PostgresError/Code/server`` (with
    ///   ``PostgresError/sqlState``) when the server rejects the statement,
    ///   ``PostgresError/Code/invalidArgument`` for text containing a NUL byte,
    ///   ``PostgresError/Code/connectionLost`` when the server goes away or does not answer within
    ///   the statement timeout and its grace (see ``Timeouts``), or
    ///   ``PostgresError/Code/connectionClosed`` when the connection is already closed.
    public func query(_ sql: String, _ parameters: [(any PostgresEncodable)?] = []) throws -> PostgresRows {
        let handle = try openHandle()
        try send(try Encoded(sql, parameters), on: handle)
        return try complete(try awaitResult(sql: sql), sql: sql)
    }

    /// A statement as libpq takes it: the SQL text and the parameters' text as C strings, and the
    /// parameters' type OIDs (0 lets the server infer a NULL's type).
    struct Encoded {
        let sql: String
        let values: CStringArray
        let types: [UInt32]

        /// Encodes a statement; nothing is sent.
        ///
        /// - Throws: ``PostgresError/Code/invalidArgument`` for text containing a NUL byte.
        init(_ sql: String, _ parameters: [(any PostgresEncodable)?]) throws {
            var values = CStringArray()
            try values.append(sql, what: "the SQL text")
            var types: [UInt32] = []
            types.reserveCapacity(parameters.count)
            for (position, parameter) in parameters.enumerated() {
                try values.append(parameter?.postgresText, what: "parameter $\(position + 1)")
                types.append(parameter.map { type(of: $0).postgresTypeOID } ?? 0)
            }
            self.sql = sql
            self.values = values
            self.types = types
        }
    }

    /// Sends one encoded statement (`PQsendQueryParams`), text format both ways.
    func send(_ statement: Encoded, on handle: OpaquePointer) throws {
        let count = statement.types.count
        let lengths = Array(statement.values.lengths.dropFirst())
        let formats = [Int32](repeating: 0, count: count)
        logger.debug("postgres query", metadata: ["db.statement": "\(statement.sql)"])
        let sent = statement.values.withPointers { pointers in
            pointers.dropFirst().withUnsafeBufferPointer { parameterPointers in
                PQsendQueryParams(
                    handle, pointers[0], Int32(count), statement.types, parameterPointers.baseAddress, lengths, formats,
                    0)
            }
        }
        guard sent == 1 else { throw failure(sql: statement.sql, serverError: nil) }
    }

    /// Runs one statement with bound parameters and returns how many rows it affected.
    ///
    /// - Parameters:
    ///   - sql: One SQL statement, typically `INSERT`, `UPDATE` or `DELETE`.
    ///   - parameters: The values for `$1`, `$2`, ...; `nil` is SQL NULL.
    /// - Returns: The number of rows inserted, updated or deleted (from the command tag).
    /// - Throws: As ``query(_:_:)``.
    @discardableResult
    public func execute(_ sql: String, _ parameters: [(any PostgresEncodable)?] = []) throws -> Int {
        try query(sql, parameters).affectedRows
    }

    /// Runs SQL text that may hold several statements, with no parameters.
    ///
    /// The statements run in one round trip. Unless the text has its own `BEGIN`/`COMMIT`,
    /// PostgreSQL runs it as one implicit transaction: when a statement fails, the ones before it
    /// are rolled back too.
    ///
    /// > Warning: Only for SQL text that ships with the program, such as migrations; never for
    /// > text built from input. There are no parameters, so any value would be spliced into SQL.
    ///
    /// The server answers a script once, at its end, so the client's deadline (the statement
    /// timeout plus its grace, see ``Timeouts``) covers the whole text, while the server's
    /// `statement_timeout` applies to each statement.
    ///
    /// - Parameter sql: The SQL text.
    /// - Throws: As ``query(_:_:)``; on the first failing statement, the rest do not run.
    public func executeScript(_ sql: String) throws {
        let handle = try openHandle()
        var text = CStringArray()
        try text.append(sql, what: "the SQL text")
        logger.debug("postgres script", metadata: ["db.statement": "\(sql)"])
        guard text.withPointers({ PQsendQuery(handle, $0[0]) }) == 1 else {
            throw failure(sql: sql, serverError: nil)
        }
        _ = try complete(try awaitResult(sql: sql), sql: sql)
    }

    /// Turns a finished libpq result into rows or an error, and frees it.
    func complete(_ result: OpaquePointer?, sql: String) throws -> PostgresRows {
        guard let result else { throw failure(sql: sql, serverError: nil) }
        defer { PQclear(result) }
        let status = PQresultStatus(result)
        switch status {
        case PGRES_TUPLES_OK, PGRES_COMMAND_OK, PGRES_EMPTY_QUERY:
            return Self.rows(copiedFrom: result)
        case PGRES_COPY_IN, PGRES_COPY_OUT, PGRES_COPY_BOTH:
            abandonCopy(status)
            throw PostgresError(
                code: .protocol,
                message: "COPY cannot run through query() or executeScript(); use copyIn(_:rows:)")
        default:
            throw failure(sql: sql, serverError: PostgresError(serverResult: result))
        }
    }

    /// The error for a failed call: ``PostgresError/Code/connectionLost`` when the connection
    /// broke (which also closes it), else the server's error, else libpq's.
    func failure(sql: String, serverError: PostgresError?) -> PostgresError {
        let libpqMessage = handle.map { ConnInfo.condensed(String(cString: PQerrorMessage($0))) } ?? ""
        var error: PostgresError
        if let handle, PQstatus(handle) == CONNECTION_BAD {
            let reason = serverError?.message ?? (libpqMessage.isEmpty ? "no reason given" : libpqMessage)
            error = serverError ?? PostgresError(code: .connectionLost, message: "")
            error.code = .connectionLost
            error.message = "the database connection was lost: \(reason)"
            error.underlying = libpqMessage == reason ? nil : libpqMessage
            markLost(reason: reason)
        } else if let serverError {
            error = serverError
        } else {
            error = PostgresError(
                code: .protocol, message: libpqMessage.isEmpty ? "libpq returned no result" : libpqMessage)
        }
        logger.debug(
            "postgres statement failed",
            metadata: [
                "db.statement": "\(sql)", "db.sqlstate": "\(error.sqlState ?? "")", "db.error": "\(error.message)",
            ])
        return error
    }

    /// Leaves the COPY state a statement unexpectedly entered, so the connection stays usable.
    private func abandonCopy(_ status: ExecStatusType) {
        guard let handle else { return }
        switch status {
        case PGRES_COPY_IN:
            PQputCopyEnd(handle, "COPY FROM STDIN is only supported through copyIn(_:rows:)")
        case PGRES_COPY_OUT:
            var buffer: UnsafeMutablePointer<CChar>?
            while PQgetCopyData(handle, &buffer, 0) > 0 {
                PQfreemem(buffer)
            }
        default:
            // COPY BOTH is replication; there is no clean way back, so give the connection up.
            markLost(reason: "the server started a replication COPY")
            return
        }
        while let next = PQgetResult(handle) { PQclear(next) }
    }

    /// Copies every column and value out of a result, so it can be freed at once.
    static func rows(copiedFrom result: OpaquePointer) -> PostgresRows {
        let rowCount = Int(PQntuples(result))
        let columnCount = Int(PQnfields(result))
        let columns = (0..<Int32(columnCount)).map { index in
            PostgresColumn(name: String(cString: PQfname(result, index)), typeOID: PQftype(result, index))
        }
        var totalBytes = 0
        for row in 0..<Int32(rowCount) {
            for column in 0..<Int32(columnCount) { totalBytes += Int(PQgetlength(result, row, column)) }
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(totalBytes)
        var ends: [Int] = []
        ends.reserveCapacity(rowCount * columnCount)
        var nulls: [Bool] = []
        nulls.reserveCapacity(rowCount * columnCount)
        for row in 0..<Int32(rowCount) {
            for column in 0..<Int32(columnCount) {
                let isNull = PQgetisnull(result, row, column) == 1
                if !isNull, let value = PQgetvalue(result, row, column) {
                    let length = Int(PQgetlength(result, row, column))
                    bytes.append(contentsOf: UnsafeRawBufferPointer(start: value, count: length))
                }
                nulls.append(isNull)
                ends.append(bytes.count)
            }
        }
        let storage = PostgresRows.Storage(
            columns: columns, rowCount: rowCount, bytes: bytes, ends: ends, nulls: nulls)
        let commandTag = String(cString: PQcmdStatus(result))
        return PostgresRows(
            storage: storage, commandTag: commandTag, affectedRows: Int(String(cString: PQcmdTuples(result))) ?? 0)
    }
}
