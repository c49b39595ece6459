import Foundation

/// A PostgreSQL cluster of a test's own, made and driven by `scripts/pg-cluster`, for tests that
/// take the server away; the shared test server is never stopped.
struct PrivateCluster {
    /// The cluster's name under `.tackle/` (`test-*` clusters skip fsync, like the test server).
    let name: String

    /// The checkout this test file belongs to.
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Starts the cluster (making it the first time) and returns the URL of database `postgres`.
    @discardableResult
    func start() throws -> String {
        try Self.script("start", name)
    }

    /// Stops it (fast shutdown: sessions are ended).
    func stop() throws {
        try Self.script("stop", name)
    }

    /// The URL of a database on it.
    func url(_ database: String) throws -> String {
        try Self.script("url", name, database)
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs `scripts/pg-cluster arguments...` and returns its stdout without the final newline.
    @discardableResult
    private static func script(_ arguments: String...) throws -> String {
        let process = Process()
        process.executableURL = repositoryRoot.appendingPathComponent("scripts/pg-cluster")
        process.arguments = arguments
        let out = try ChildPipe()
        let err = try ChildPipe()
        process.standardOutput = out.writing
        process.standardError = err.writing
        try ChildPipe.run(process)
        try out.writing.close()
        try err.writing.close()
        // The script's output is short: reading one pipe after the other cannot block it.
        let output = out.reading.readDataToEndOfFile()
        let errors = err.reading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(
                description: "scripts/pg-cluster \(arguments.joined(separator: " ")) failed: "
                    + String(decoding: errors, as: UTF8.self))
        }
        return String(decoding: output, as: UTF8.self).trimmingCharacters(in: .newlines)
    }
}
