import ArgumentParser
import LibPQ
import Logging
import TackleStore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Options every command that touches the database shares.
struct GlobalOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The database: a libpq conninfo string or postgresql:// URI (default: TACKLE_DATABASE_URL, else libpq's defaults).",
            valueName: "conninfo"
        )
    )
    var database: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Log level on stderr: trace, debug, info, notice, warning, error, critical (default: TACKLE_LOG_LEVEL, else warning).",
            valueName: "level"
        )
    )
    var logLevel: Logger.Level?

    /// Where the database is, by the documented precedence.
    var location: DatabaseLocation {
        DatabaseLocation.resolve(option: database, environment: Environment.current)
    }

    /// A logger at the level asked for.
    func logger(label: String = "tackle") -> Logger {
        Self.logger(label: label, level: logLevel)
    }

    /// A logger at `level`, else at TACKLE_LOG_LEVEL, else at the bootstrap's level.
    static func logger(label: String = "tackle", level: Logger.Level?) -> Logger {
        var logger = Logger(label: label)
        if let level {
            logger.logLevel = level
        } else if let name = Environment.current["TACKLE_LOG_LEVEL"], let level = Logger.Level(rawValue: name) {
            logger.logLevel = level
        }
        return logger
    }

    /// The statement and lock timeouts: `TACKLE_STATEMENT_TIMEOUT`, `TACKLE_LOCK_TIMEOUT`.
    func timeouts() throws -> PostgresConnection.Timeouts {
        try Self.environmentTimeouts()
    }

    static func environmentTimeouts() throws -> PostgresConnection.Timeouts {
        try .resolve(environment: Environment.current)
    }

    /// What the server shows for this process in `pg_stat_activity` and lock messages: `tackle`
    /// and the subcommand, such as `tackle trial log`.
    static let applicationName: String = {
        let words = CommandLine.arguments.dropFirst().prefix { word in
            !word.isEmpty && word.allSatisfy { $0.isASCII && ($0.isLowercase || $0 == "-") } && !word.hasPrefix("-")
        }
        return (["tackle"] + words.prefix(2)).joined(separator: " ")
    }()

    /// Runs `body` with a store on the database.
    ///
    /// The store records the OS user when a login that may act for others names nobody. Unless the
    /// schema check is skipped (the `db` commands), a login that is a superuser or the owner, and not
    /// set up to act for others, gets one warning on stderr: everyday work belongs to a writer login.
    func withStore<T>(
        requireCurrentSchema: Bool = true, timeouts: PostgresConnection.Timeouts? = nil, _ body: (Store) throws -> T
    ) throws -> T {
        try Store.withStore(
            at: location, applicationName: Self.applicationName, timeouts: try timeouts ?? self.timeouts(),
            logger: logger(),
            requireCurrentSchema: requireCurrentSchema, opening: EarlyStore.opening
        ) { store in
            store.fallbackActor = ActorOptions.operatingSystemUser
            if let login = store.login, login.holdsMoreThanItNeeds {
                RoleWarning.once(for: login)
            }
            return try body(store)
        }
    }
}

/// The warning about running everyday commands with the owner's or a superuser's power.
enum RoleWarning {
    nonisolated(unsafe) private static var given = false

    /// Writes the warning to stderr, the first time only (a command may open the store twice).
    static func once(for login: DatabaseLogin) {
        guard !given else { return }
        given = true
        let power = login.isSuperuser ? "a superuser" : "a member of tackle_owner"
        standardError(
            "warning: database login \(login.name) is \(power): it can alter the schema and silence the history; "
                + "use a tackle_writer login (`tackle db roles --help`)\n")
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}

/// The process environment, read once.
enum Environment {
    static let current: [String: String] = {
        var result: [String: String] = [:]
        var pointer = environ
        while let entry = pointer.pointee {
            let text = String(cString: entry)
            if let equals = text.firstIndex(of: "=") {
                result[String(text[..<equals])] = String(text[text.index(after: equals)...])
            }
            pointer += 1
        }
        return result
    }()
}
