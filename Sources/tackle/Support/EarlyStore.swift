import Logging
import TackleStore

/// The store an everyday write opens while its arguments are still being parsed (see
/// ``TackleStore/StoreOpening``): `main` starts it, ``GlobalOptions/withStore(requireCurrentSchema:timeouts:_:)``
/// takes it when it was opened as that call would open one.
enum EarlyStore {
    /// Set once by `main`, on the main thread, before anything reads it.
    nonisolated(unsafe) static var opening: StoreOpening?

    /// Starts opening the store for a command whose arguments (after its name) are `arguments`, as
    /// the parsed command will ask for it: the location from `--database` or the environment, the
    /// timeouts from the environment, the schema checked. It does nothing when `--log-level` is
    /// given (the store would log at another level), when the command will not need the database
    /// (`--help`, `-h`, `--print-sql`), or when the timeouts in the environment are invalid (the
    /// command reports that itself).
    static func start(arguments: [String]) {
        var database: String?
        var index = arguments.startIndex
        while index < arguments.endIndex {
            let argument = arguments[index]
            if argument == "--" { break }
            if argument.hasPrefix("--log-level") || ["--help", "-h", "--print-sql"].contains(argument) { return }
            if argument == "--database" {
                index += 1
                database = index < arguments.endIndex ? arguments[index] : nil
            } else if argument.hasPrefix("--database=") {
                database = String(argument.dropFirst("--database=".count))
            }
            index += 1
        }
        guard let timeouts = try? GlobalOptions.environmentTimeouts() else { return }
        let parameters = StoreOpening.Parameters(
            location: DatabaseLocation.resolve(option: database, environment: Environment.current),
            applicationName: GlobalOptions.applicationName, timeouts: timeouts, requireCurrentSchema: true)
        opening = StoreOpening.start(parameters, logger: GlobalOptions.logger(level: nil))
    }
}
