/// A schema migration: one numbered SQL file of `sql/`.
public struct Migration: Sendable, Hashable {
    /// The number in the file name, `1` for `0001_bookkeeping.sql`.
    public var version: Int
    /// The file name without number and extension, `bookkeeping` for `0001_bookkeeping.sql`.
    public var name: String
    /// The file name as in `sql/`.
    public var fileName: String
    /// The SQL text.
    public var sql: String
}
