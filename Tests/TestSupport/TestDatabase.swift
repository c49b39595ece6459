import LibPQ

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Fresh, private databases on the test server, one per test suite so suites run in parallel.
///
/// The server is the private cluster `scripts/pg-cluster start test` starts; its admin URL comes
/// from `TACKLE_TEST_DATABASE_URL`. Without it, tests that need a database fail with a clear error;
/// they never pass by skipping.
public enum TestDatabase {
    /// The name of the environment variable that holds the admin connection string.
    public static let environmentVariable = "TACKLE_TEST_DATABASE_URL"

    /// Why a test database cannot be set up.
    public struct SetupError: Error, CustomStringConvertible {
        /// What went wrong and what to do about it.
        public var description: String
    }

    /// The admin conninfo of the private test server, from `TACKLE_TEST_DATABASE_URL`.
    ///
    /// - Returns: The connection string of the server's `postgres` database.
    /// - Throws: ``SetupError`` when the variable is unset or empty, saying how to start the server.
    public static func adminConninfo() throws -> String {
        guard let value = getenv(environmentVariable).map({ String(cString: $0) }), !value.isEmpty else {
            throw SetupError(
                description: """
                    \(environmentVariable) is not set: these tests need the private PostgreSQL test server. \
                    Run them through scripts/test, or start it with `scripts/pg-cluster start test` and export \
                    the URL it prints as \(environmentVariable).
                    """)
        }
        return value
    }

    /// Creates a fresh, empty database and returns a connection string for it.
    ///
    /// The database is named `tackle_test_<label>_<8 random hex digits>`, with `label` reduced to
    /// lowercase letters, digits and underscores and cut to 30 characters.
    ///
    /// - Parameter label: Names the suite, for the database name.
    /// - Returns: A `key='value'` connection string: the admin one with `dbname` replaced.
    /// - Throws: ``SetupError`` when no server is configured, or a `PostgresError` from the server.
    public static func create(label: String) throws -> String {
        let admin = try adminConninfo()
        let name = "tackle_test_\(sanitized(label))_\(randomHex())"
        try PostgresConnection.withConnection(conninfo: admin) { connection in
            // A database name cannot be a bound parameter; this one is built from [a-z0-9_] only.
            try connection.executeScript("CREATE DATABASE \(name)")
        }
        var pairs = try ConnInfo.parse(admin).filter { $0.keyword != "dbname" }
        pairs.append((keyword: "dbname", value: name))
        return ConnInfo.format(pairs)
    }

    /// Drops a database made by ``create(label:)``, closing any session still connected to it.
    ///
    /// A database that does not exist is not an error.
    ///
    /// - Parameter conninfo: The connection string ``create(label:)`` returned.
    /// - Throws: ``SetupError`` when the connection string names no test database, or a
    ///   `PostgresError` from the server.
    public static func drop(conninfo: String) throws {
        let name = try ConnInfo.parse(conninfo).last { $0.keyword == "dbname" }?.value ?? ""
        guard name.hasPrefix("tackle_test_"), name == sanitized(name, limit: 63) else {
            throw SetupError(description: "refusing to drop '\(name)': not a database made by TestDatabase.create")
        }
        try PostgresConnection.withConnection(conninfo: try adminConninfo()) { connection in
            try connection.executeScript("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
        }
    }

    /// `text` lowercased, with anything but `[a-z0-9_]` replaced by `_`, cut to `limit` characters.
    private static func sanitized(_ text: String, limit: Int = 30) -> String {
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789_")
        let cleaned = text.lowercased().map { allowed.contains($0) ? $0 : "_" }
        return String(cleaned.prefix(limit))
    }

    private static func randomHex() -> String {
        let digits = String(UInt32.random(in: .min ... .max), radix: 16)
        return String(repeating: "0", count: 8 - digits.count) + digits
    }
}
