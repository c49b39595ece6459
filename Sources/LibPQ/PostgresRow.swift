/// One row of a ``PostgresRows`` result.
///
/// Decode values by column name or by position into any ``PostgresDecodable`` type. Decoding
/// never traps: a wrong type, an unexpected NULL, malformed text or an unknown column is a
/// ``PostgresError`` with code ``PostgresError/Code/decoding`` that names the column.
public struct PostgresRow: Sendable {
    let storage: PostgresRows.Storage
    let row: Int

    /// The result's columns, in order.
    public var columns: [PostgresColumn] { storage.columns }

    /// Decodes the value of the column with the given name.
    ///
    /// When several columns share the name, the first is used; alias them in SQL to tell them apart.
    ///
    /// - Parameters:
    ///   - type: The type to decode; use an `Optional` for a column that may be NULL.
    ///   - column: The column name.
    /// - Returns: The decoded value.
    /// - Throws: ``PostgresError`` with code ``PostgresError/Code/decoding`` when there is no such
    ///   column, its type does not fit, it is NULL and `type` is not optional, or its text is malformed.
    public func decode<T: PostgresDecodable>(_ type: T.Type, _ column: String) throws -> T {
        try decode(type, at: index(of: column))
    }

    /// Decodes the value of the column at a position.
    ///
    /// - Parameters:
    ///   - type: The type to decode; use an `Optional` for a column that may be NULL.
    ///   - index: The column position, from 0.
    /// - Returns: The decoded value.
    /// - Throws: ``PostgresError`` with code ``PostgresError/Code/decoding`` when the position is out
    ///   of range, the column type does not fit, it is NULL and `type` is not optional, or its text
    ///   is malformed.
    public func decode<T: PostgresDecodable>(_ type: T.Type, at index: Int) throws -> T {
        try checkPosition(index)
        let column = storage.columns[index]
        guard let text = storage.text(row: row, column: index) else {
            return try T(postgresNull: column)
        }
        return try T(postgresText: text, column: column)
    }

    /// The raw text PostgreSQL sent for a column of any type, or `nil` for SQL NULL.
    ///
    /// Use it for types this library does not decode (`interval`, arrays, ...) or for display.
    ///
    /// - Parameter column: The column name.
    /// - Returns: The value in PostgreSQL's text output format, or `nil` for NULL.
    /// - Throws: ``PostgresError`` with code ``PostgresError/Code/decoding`` when there is no such column.
    public func text(_ column: String) throws -> String? {
        try text(at: index(of: column))
    }

    /// The raw text PostgreSQL sent for the column at a position, or `nil` for SQL NULL.
    ///
    /// - Parameter index: The column position, from 0.
    /// - Returns: The value in PostgreSQL's text output format, or `nil` for NULL.
    /// - Throws: ``PostgresError`` with code ``PostgresError/Code/decoding`` when the position is
    ///   out of range.
    public func text(at index: Int) throws -> String? {
        try checkPosition(index)
        return storage.text(row: row, column: index)
    }

    private func index(of column: String) throws -> Int {
        guard let index = storage.columnIndex[column] else {
            let names = storage.columns.map(\.name).joined(separator: ", ")
            throw PostgresError(
                code: .decoding, message: "the result has no column \"\(column)\" (its columns: \(names))")
        }
        return index
    }

    private func checkPosition(_ index: Int) throws {
        guard storage.columns.indices.contains(index) else {
            throw PostgresError(
                code: .decoding,
                message: "the result has no column at position \(index) (it has \(storage.columns.count) columns)")
        }
    }
}
