internal import CLibPQ
public import Logging

/// One connection to a PostgreSQL server, through libpq.
///
/// Every call blocks until the server answers. Values are always sent as bound parameters and
/// results are copied into ``PostgresRows`` values, so nothing returned refers back to the
/// connection.
///
/// Each session starts with fixed settings, sent in the startup packet at no extra cost:
/// `client_encoding=UTF8`, `TimeZone=UTC`, `DateStyle=ISO, YMD`, `IntervalStyle=postgres` and
/// `extra_float_digits=3`, so text results mean the same on every machine. It also starts with a
/// `statement_timeout` and a `lock_timeout` (``Timeouts``), and the client waits for each answer no
/// longer than the statement timeout plus a grace, so a server that stops answering cannot hang it.
///
/// ```swift
/// try PostgresConnection.withConnection(conninfo: url, logger: logger) { connection in
///     let rows = try connection.query("SELECT id FROM project WHERE key = $1", [key])
/// }
/// ```
///
/// > Warning: A connection is for one thread at a time and is not `Sendable`. Close it explicitly
/// > with ``close()`` or use ``withConnection(conninfo:overrides:logger:_:)``; `deinit` closes a
/// > forgotten connection only as a safety net.
///
/// When the server goes away during a call, that call throws
/// ``PostgresError/Code/connectionLost`` and the connection closes itself; every later call throws
/// ``PostgresError/Code/connectionClosed``. It never reconnects on its own.
public final class PostgresConnection {
    /// A logger that discards everything: the default for callers that pass none.
    public static let noopLogger = Logger(label: "tackle.libpq", factory: { _ in SwiftLogNoOpLogHandler() })

    /// The server's process ID for this session (for `pg_terminate_backend`, `pg_stat_activity`
    /// and logs). It keeps its value after the connection closes.
    public let backendPID: Int32

    /// The server version as an integer, for example `150018` for 15.18.
    public let serverVersion: Int

    /// The libpq connection; `nil` once closed.
    var handle: OpaquePointer?
    /// Why ``handle`` is `nil`, for the message of later calls.
    private var closedReason: String?
    let logger: Logger
    /// Receives server notices for the lifetime of ``handle``, which points to it unretained.
    private let notices: NoticeForwarder
    /// How deep ``withTransaction(isolation:_:)`` calls are nested (savepoints below the first).
    var transactionDepth = 0
    /// How long to wait for each answer of the server, in milliseconds; `nil` waits forever.
    let answerDeadline: Int?

    private init(handle: OpaquePointer, answerDeadline: Int?, logger: Logger) {
        self.handle = handle
        self.answerDeadline = answerDeadline
        self.backendPID = PQbackendPID(handle)
        self.serverVersion = Int(PQserverVersion(handle))
        var logger = logger
        logger[metadataKey: "db.backend_pid"] = "\(backendPID)"
        self.logger = logger
        self.notices = NoticeForwarder(logger: logger)
        PQsetNoticeReceiver(handle, forwardNotice, Unmanaged.passUnretained(notices).toOpaque())
    }

    deinit {
        if let handle { PQfinish(handle) }
    }

    /// Opens a connection.
    ///
    /// libpq's defaults apply to anything `conninfo` leaves out: `PGHOST`, `PGPORT`, `PGUSER`,
    /// `PGDATABASE`, `PGPASSWORD`, `PGPASSFILE`/`~/.pgpass`, `PGSERVICE`, `PGSSLMODE` and the other
    /// `PG*` variables; several hosts are tried in turn. Unless set elsewhere (the connection
    /// string, `overrides`, `PGCONNECT_TIMEOUT`, a service file), `connect_timeout` is 5 seconds,
    /// TCP keepalives are on and probe after 30 s idle every 10 s, three times
    /// (`keepalives_idle=30 keepalives_interval=10 keepalives_count=3`), and `application_name`
    /// is `applicationName`. `timeouts` are sent before your own `options` (from `conninfo`,
    /// `overrides` or `PGOPTIONS`), so yours win; this library's session settings come after them.
    ///
    /// - Parameters:
    ///   - conninfo: A `key=value` connection string, a `postgresql://` URI, or `nil`/empty for
    ///     libpq's defaults alone.
    ///   - overrides: libpq keywords applied after `conninfo`, for example `["dbname": "other"]`.
    ///   - applicationName: The `application_name` the server shows in `pg_stat_activity` and
    ///     in lock messages, unless the connection string or `PGAPPNAME` sets one.
    ///   - timeouts: The statement and lock timeouts, and the client's grace beyond them.
    ///   - logger: Receives each statement at debug level (SQL text only, never parameter values) and
    ///     server notices, which libpq would otherwise print to stderr.
    /// - Returns: An open connection; close it with ``close()``.
    /// - Throws: ``PostgresError`` with code ``PostgresError/Code/connectionFailed`` and a one-line
    ///   message saying where libpq tried to connect and why it failed. It never contains the
    ///   password.
    public static func connect(
        conninfo: String?, overrides: [String: String] = [:], applicationName: String = "tackle",
        timeouts: Timeouts = .standard, logger: Logger = noopLogger
    ) throws -> PostgresConnection {
        let keywords = try connectionKeywords(
            conninfo: conninfo ?? "", overrides: overrides, applicationName: applicationName, timeouts: timeouts)
        var names = CStringArray()
        var values = CStringArray()
        for (keyword, value) in keywords {
            try names.append(keyword, what: "connection keyword")
            try values.append(value, what: "connection option \(keyword)")
        }
        let handle = names.withPointers { names in
            values.withPointers { values in PQconnectdbParams(names, values, 1) }
        }
        guard let handle else {
            throw PostgresError(code: .connectionFailed, message: "cannot connect to PostgreSQL: out of memory")
        }
        guard PQstatus(handle) == CONNECTION_OK else {
            let reason = ConnInfo.condensed(String(cString: PQerrorMessage(handle)))
            PQfinish(handle)
            logger.debug("postgres connection failed", metadata: ["db.error": "\(reason)"])
            throw PostgresError(code: .connectionFailed, message: reason)
        }
        let options = keywords.last { $0.0 == "options" }?.1 ?? ""
        let statementTimeout =
            Timeouts.setting("statement_timeout", in: options).flatMap { Timeouts.milliseconds(parsing: $0) }
            ?? timeouts.statementMilliseconds
        return PostgresConnection(
            handle: handle, answerDeadline: timeouts.answerDeadline(statementMilliseconds: statementTimeout),
            logger: logger)
    }

    /// Opens a connection, runs `body` with it, and closes it when `body` returns or throws.
    ///
    /// - Parameters:
    ///   - conninfo: As for ``connect(conninfo:overrides:logger:)``.
    ///   - overrides: libpq keywords applied after `conninfo`.
    ///   - applicationName: The `application_name`, unless the connection string sets one.
    ///   - timeouts: The statement and lock timeouts, and the client's grace beyond them.
    ///   - logger: Receives statements and notices at debug level.
    ///   - body: The work to do with the connection. Do not keep the connection beyond it.
    /// - Returns: What `body` returns.
    /// - Throws: ``PostgresError/Code/connectionFailed`` when the connection cannot be opened, or
    ///   whatever `body` throws.
    public static func withConnection<Result>(
        conninfo: String?, overrides: [String: String] = [:], applicationName: String = "tackle",
        timeouts: Timeouts = .standard, logger: Logger = noopLogger, _ body: (PostgresConnection) throws -> Result
    ) throws -> Result {
        let connection = try connect(
            conninfo: conninfo, overrides: overrides, applicationName: applicationName, timeouts: timeouts,
            logger: logger)
        defer { connection.close() }
        return try body(connection)
    }

    /// Closes the connection. Calling it again, or on a connection that was lost, does nothing.
    public func close() {
        guard let handle else { return }
        PQfinish(handle)
        self.handle = nil
        closedReason = closedReason ?? "the database connection is closed"
    }

    /// Whether the connection can be used: `false` after ``close()`` or once it was found lost.
    public var isOpen: Bool { handle != nil }

    /// Whether a transaction is open on the connection (begun and not yet committed or rolled
    /// back), as libpq last saw it; `false` when the connection is closed.
    public var isInTransaction: Bool {
        guard let handle else { return false }
        let status = PQtransactionStatus(handle)
        return status != PQTRANS_IDLE && status != PQTRANS_UNKNOWN
    }

    /// A run-time parameter the server reports, such as `TimeZone`, `server_version`,
    /// `application_name` or `standard_conforming_strings`.
    ///
    /// - Parameter name: The parameter name.
    /// - Returns: Its current value, or `nil` when the server did not report it or the connection
    ///   is closed.
    public func parameterStatus(_ name: String) -> String? {
        guard let handle, let value = PQparameterStatus(handle, name) else { return nil }
        return String(cString: value)
    }

    /// The session settings this library appends to the user's `options`.
    static let sessionOptions =
        "-c TimeZone=UTC -c DateStyle=ISO,YMD -c IntervalStyle=postgres -c extra_float_digits=3"

    /// Connection settings that apply unless the connection string, the overrides or the
    /// environment (`PGCONNECT_TIMEOUT`, a service file) set them: a server that cannot be reached
    /// fails in seconds, and a TCP peer gone silent is noticed in about a minute.
    static let defaultKeywords = [
        ("connect_timeout", "5"), ("keepalives", "1"), ("keepalives_idle", "30"), ("keepalives_interval", "10"),
        ("keepalives_count", "3"),
    ]

    /// The keywords for `PQconnectdbParams`, in order: defaults the connection string may override,
    /// the connection string itself (expanded by libpq), the overrides, then forced settings.
    static func connectionKeywords(
        conninfo: String, overrides: [String: String], applicationName: String = "tackle",
        timeouts: Timeouts = .standard
    ) throws -> [(String, String)] {
        var parsed: [String: String] = [:]
        // libpq takes anything else as a plain database name, as `psql tackle` does.
        let isConnectionString =
            conninfo.contains("=") || conninfo.hasPrefix("postgresql://") || conninfo.hasPrefix("postgres://")
        if isConnectionString {
            do {
                for (keyword, value) in try ConnInfo.parse(conninfo) { parsed[keyword] = value }
            } catch let error as PostgresError {
                throw PostgresError(code: .connectionFailed, message: error.message)
            }
        }
        let environment = ConnInfo.environmentDefaults()
        var keywords: [(String, String)] = []
        // An explicit keyword beats the environment, so a default is only given when it has none.
        for (keyword, value) in defaultKeywords where environment[keyword] == nil {
            keywords.append((keyword, value))
        }
        keywords.append(("fallback_application_name", applicationName))
        if !conninfo.isEmpty {
            keywords.append(("dbname", conninfo))
        }
        for keyword in overrides.keys.sorted() where keyword != "options" {
            keywords.append((keyword, overrides[keyword]!))
        }
        keywords.append(("client_encoding", "UTF8"))
        let userOptions = [overrides["options"], parsed["options"], environment["options"]]
            .compactMap { $0 }.first { !$0.isEmpty }
        // The server applies `-c` settings in order: the user's beat our timeouts, ours beat theirs.
        let options = [timeouts.startupOptions, userOptions, sessionOptions].compactMap { $0 }
        keywords.append(("options", options.joined(separator: " ")))
        return keywords
    }

    /// The open libpq connection, or the error for using a closed one.
    func openHandle() throws -> OpaquePointer {
        guard let handle else {
            throw PostgresError(code: .connectionClosed, message: closedReason ?? "the database connection is closed")
        }
        return handle
    }

    /// Closes a connection found broken, so every later call fails fast instead of reusing it.
    func markLost(reason: String) {
        closedReason = "the database connection is closed: it was lost earlier (\(reason))"
        close()
    }
}

/// Not `Sendable`: libpq connections must not be used from two threads at once.
@available(*, unavailable)
extension PostgresConnection: Sendable {}
