import LibPQ

/// Where tackle finds its PostgreSQL database, and where that setting came from.
///
/// Precedence: the `--database` option, then the `TACKLE_DATABASE_URL` environment variable, then
/// libpq's own defaults (`PGHOST`, `PGPORT`, `PGUSER`, `PGDATABASE`, `PGPASSFILE`/`.pgpass`,
/// `PGSERVICE`, `PGSSLMODE`, multi-host lists). Passwords belong in `.pgpass` or a service file,
/// never on the command line.
///
/// Every way of describing a location (`"\(location)"`, `String(reflecting:)`, `dump`, and so the
/// description of any value that holds one, such as a service that service-lifecycle logs) shows
/// the connection string through ``ConnInfo/redacted(_:)``: never a password.
public struct DatabaseLocation: Sendable, Hashable {
    /// Where the setting came from.
    public enum Source: Sendable, Hashable, CustomStringConvertible {
        case option
        case environment
        case libpqDefaults

        public var description: String {
            switch self {
            case .option: "the command line"
            case .environment: "TACKLE_DATABASE_URL"
            case .libpqDefaults: "libpq defaults (PGHOST, PGPORT, PGDATABASE, ...)"
            }
        }
    }

    /// A libpq conninfo string or `postgresql://` URI; nil uses libpq's defaults.
    public var conninfo: String?
    /// Where ``conninfo`` came from.
    public var source: Source

    public init(conninfo: String?, source: Source) {
        self.conninfo = conninfo
        self.source = source
    }

    /// Resolves the location from an option value and the environment.
    ///
    /// - Parameters:
    ///   - option: The `--database` value, if given.
    ///   - environment: The process environment (`TACKLE_DATABASE_URL` is read from it).
    public static func resolve(option: String?, environment: [String: String]) -> DatabaseLocation {
        if let option, !option.isEmpty { return DatabaseLocation(conninfo: option, source: .option) }
        if let url = environment["TACKLE_DATABASE_URL"], !url.isEmpty {
            return DatabaseLocation(conninfo: url, source: .environment)
        }
        return DatabaseLocation(conninfo: nil, source: .libpqDefaults)
    }
}

extension DatabaseLocation: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The connection string with any password redacted, and where it came from:
    /// `user='u' password=(redacted) host='h' dbname='db' (from TACKLE_DATABASE_URL)`.
    public var description: String {
        guard let conninfo else { return "\(source)" }
        return "\(ConnInfo.redacted(conninfo)) (from \(source))"
    }

    public var debugDescription: String {
        "DatabaseLocation(conninfo: \(conninfo.map { "\"\(ConnInfo.redacted($0))\"" } ?? "nil"), source: \(source))"
    }

    /// The redacted connection string in place of the real one, for `dump` and debuggers.
    public var customMirror: Mirror {
        Mirror(
            self, children: ["conninfo": conninfo.map(ConnInfo.redacted) as Any, "source": source],
            displayStyle: .struct)
    }
}
