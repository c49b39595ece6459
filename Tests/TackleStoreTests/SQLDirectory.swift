import Foundation

/// The migration files as they are on disk in the package's `sql/` directory.
enum SQLDirectory {
    static let url = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("sql")

    static func read() throws -> [(fileName: String, bytes: [UInt8])] {
        try FileManager.default.contentsOfDirectory(atPath: url.path)
            .filter { $0.hasSuffix(".sql") }
            .sorted()
            .map { ($0, [UInt8](try Data(contentsOf: url.appendingPathComponent($0)))) }
    }
}
