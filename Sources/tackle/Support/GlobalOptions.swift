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
        var logger = Logger(label: label)
        if let logLevel {
            logger.logLevel = logLevel
        } else if let name = Environment.current["TACKLE_LOG_LEVEL"], let level = Logger.Level(rawValue: name) {
            logger.logLevel = level
        }
        return logger
    }

    /// The statement and lock timeouts: `TACKLE_STATEMENT_TIMEOUT`, `TACKLE_LOCK_TIMEOUT`.
    func timeouts() throws -> PostgresConnection.Timeouts {
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
    func withStore<T>(requireCurrentSchema: Bool = true, _ body: (Store) throws -> T) throws -> T {
        try Store.withStore(
            at: location, applicationName: Self.applicationName, timeouts: try timeouts(), logger: logger(),
            requireCurrentSchema: requireCurrentSchema, body)
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
