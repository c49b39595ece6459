import LibPQ
import Logging
import Synchronization
import TestSupport
import Testing

/// Gives a suite its own fresh database for its whole run and drops it afterwards, so suites run
/// in parallel without seeing each other's tables.
struct SuiteDatabase: SuiteTrait, TestScoping {
    let label: String

    /// The connection string of the current suite's database.
    @TaskLocal static var current: String?

    func provideScope(
        for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
    ) async throws {
        let conninfo = try TestDatabase.create(label: label)
        defer { try? TestDatabase.drop(conninfo: conninfo) }
        try await Self.$current.withValue(conninfo) { try await function() }
    }

    /// The current suite's database; fails the test when the suite has none.
    static func conninfo(sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        try #require(current, "the suite needs the .database(_:) trait", sourceLocation: sourceLocation)
    }
}

extension Trait where Self == SuiteDatabase {
    /// A fresh database for the suite, labelled for its name on the server.
    static func database(_ label: String) -> Self { SuiteDatabase(label: label) }
}

/// Opens a connection to the current suite's database for the length of `body`.
func withTestConnection<Result>(
    logger: Logger = PostgresConnection.noopLogger, _ body: (PostgresConnection) throws -> Result
) throws -> Result {
    try PostgresConnection.withConnection(conninfo: try SuiteDatabase.conninfo(), logger: logger, body)
}

/// A log handler that keeps every event, to check what the library logs.
struct CapturingLogHandler: LogHandler {
    final class Store: Sendable {
        let events = Mutex<[LogEvent]>([])
    }

    let store = Store()
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        store.events.withLock { $0.append(event) }
    }

    var events: [LogEvent] { store.events.withLock { $0 } }
}

extension Logger {
    /// A logger at trace level that records into `handler`.
    static func capturing(_ handler: CapturingLogHandler) -> Logger {
        Logger(label: "test", factory: { _ in handler })
    }
}
