/// The complete result of a statement: its columns and rows, copied out of libpq.
///
/// The values are copied eagerly when the statement completes, so a `PostgresRows` is an ordinary
/// `Sendable` value that outlives the call and the connection. It is a random-access collection of
/// ``PostgresRow``:
///
/// ```swift
/// let rows = try connection.query("SELECT id, name FROM project WHERE plant = $1", [plant])
/// for row in rows {
///     let id = try row.decode(Int.self, "id")
///     let name = try row.decode(String?.self, "name")
/// }
/// ```
public struct PostgresRows: RandomAccessCollection, Sendable {
    /// The result's columns, in order.
    public var columns: [PostgresColumn] { storage.columns }
    /// The command tag the server sent, for example `SELECT 3` or `UPDATE 1`.
    public let commandTag: String
    /// The number of rows the statement inserted, updated, deleted, selected, copied or moved
    /// (from the command tag); `0` for statements that do not report a count.
    public let affectedRows: Int

    let storage: Storage

    init(storage: Storage, commandTag: String, affectedRows: Int) {
        self.storage = storage
        self.commandTag = commandTag
        self.affectedRows = affectedRows
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { storage.rowCount }

    public subscript(position: Int) -> PostgresRow {
        precondition(indices.contains(position), "row index \(position) out of range 0..<\(count)")
        return PostgresRow(storage: storage, row: position)
    }

    /// All the values of a result in one buffer: the text of every non-NULL value back to back, with
    /// an end offset per cell. One allocation per result, whatever its size.
    final class Storage: Sendable {
        let columns: [PostgresColumn]
        let rowCount: Int
        /// The UTF-8 text of all values, row by row.
        let bytes: [UInt8]
        /// For cell `i` (row-major), `ends[i]` is the end of its text in ``bytes``; it starts where
        /// the previous cell ends.
        let ends: [Int]
        /// For cell `i`, whether it is SQL NULL.
        let nulls: [Bool]
        /// The first column index for each name.
        let columnIndex: [String: Int]

        init(columns: [PostgresColumn], rowCount: Int, bytes: [UInt8], ends: [Int], nulls: [Bool]) {
            self.columns = columns
            self.rowCount = rowCount
            self.bytes = bytes
            self.ends = ends
            self.nulls = nulls
            var index: [String: Int] = [:]
            for (position, column) in columns.enumerated() where index[column.name] == nil {
                index[column.name] = position
            }
            self.columnIndex = index
        }

        /// The text of one cell, or `nil` for SQL NULL.
        func text(row: Int, column: Int) -> String? {
            let cell = row * columns.count + column
            if nulls[cell] { return nil }
            let start = cell == 0 ? 0 : ends[cell - 1]
            return bytes.withUnsafeBufferPointer { buffer in
                String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<ends[cell]]), as: UTF8.self)
            }
        }
    }
}
