import TackleDomain

/// A schema migration: one numbered SQL file of `sql/`, compiled into the binary.
///
/// Files are named `NNNN_name.sql` and are append-only: once a file has shipped it is never
/// edited, because databases record its checksum and refuse to run when it changes.
public struct Migration: Sendable, Hashable {
    /// The number in the file name: `1` for `0001_bookkeeping.sql`.
    public var version: Int
    /// The file name without number and extension: `bookkeeping` for `0001_bookkeeping.sql`.
    public var name: String
    /// The file name as in `sql/`.
    public var fileName: String
    /// The SQL text.
    public var sql: String
    /// SHA-256 of the file's bytes, lowercase hex.
    public var checksum: String

    /// Makes a migration from a file of `sql/`.
    ///
    /// - Parameters:
    ///   - fileName: The file name, `NNNN_name.sql`.
    ///   - bytes: The file's content, UTF-8.
    /// - Throws: ``StoreError`` with code `.invalidMigration` when the name is not `NNNN_name.sql`.
    public init(fileName: String, bytes: [UInt8]) throws(StoreError) {
        try self.init(fileName: fileName, bytes: bytes, checksum: SHA256.hex(bytes))
    }

    /// Makes a migration from a file of `sql/` whose checksum was computed when it was embedded.
    init(fileName: String, bytes: [UInt8], checksum: String) throws(StoreError) {
        guard fileName.hasSuffix(".sql"), let underscore = fileName.firstIndex(of: "_"),
            let version = Int(fileName[..<underscore]), version > 0
        else {
            throw StoreError(.invalidMigration, "migration file \(fileName) is not named NNNN_name.sql")
        }
        self.version = version
        self.name = String(fileName[fileName.index(after: underscore)...].dropLast(4))
        self.fileName = fileName
        self.sql = String(decoding: bytes, as: UTF8.self)
        self.checksum = checksum
    }

    /// The migrations compiled into this binary from `sql/`, in version order.
    ///
    /// A malformed or duplicated file name stops the program: it is a build defect, caught by the
    /// test suite before any release.
    public static let embedded: [Migration] = {
        do {
            let migrations = try embeddedMigrationFiles.map { file throws(StoreError) in
                try Migration(fileName: file.fileName, bytes: file.sql, checksum: file.checksum)
            }
            .sorted { $0.version < $1.version }
            for (previous, next) in zip(migrations, migrations.dropFirst()) where previous.version == next.version {
                fatalError("sql/ holds two migrations numbered \(next.version): \(previous.fileName), \(next.fileName)")
            }
            return migrations
        } catch {
            fatalError("sql/ holds a malformed migration: \(error)")
        }
    }()
}
