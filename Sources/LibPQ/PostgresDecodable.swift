/// A type that can be decoded from one value of a result, which this library always requests in
/// PostgreSQL's text format.
///
/// Each conformance checks the column's type first, so decoding a `text` column as `Int` is a
/// ``PostgresError/Code/decoding`` error naming the column and both types rather than a guess.
/// SQL NULL decodes only into an `Optional`; any other type throws a decoding error naming the
/// column.
///
/// Conformances: `Int`, `Int32`, `Int64`, `Double`, `Bool`, `String`, `Date`, `UUID`,
/// ``PostgresDate``, ``PostgresJSON`` and `Optional` of any of these.
public protocol PostgresDecodable {
    /// Decodes a non-NULL value.
    ///
    /// - Parameters:
    ///   - text: The value in PostgreSQL's text output format (with this library's session
    ///     settings: `DateStyle=ISO`, `TimeZone=UTC`).
    ///   - column: The column the value comes from, to check its type and name it in errors.
    /// - Throws: ``PostgresError`` with code ``PostgresError/Code/decoding`` when the column type
    ///   does not fit or the text cannot be parsed.
    init(postgresText text: String, column: PostgresColumn) throws

    /// Decodes SQL NULL.
    ///
    /// The default implementation throws a ``PostgresError/Code/decoding`` error naming the column;
    /// `Optional` returns `nil`.
    ///
    /// - Parameter column: The column holding the NULL.
    init(postgresNull column: PostgresColumn) throws
}

extension PostgresDecodable {
    public init(postgresNull column: PostgresColumn) throws {
        throw PostgresError(
            code: .decoding,
            message: "column \"\(column.name)\" is NULL but \(Self.self) cannot be NULL; decode it as \(Self.self)?"
        )
    }
}

extension Optional: PostgresDecodable where Wrapped: PostgresDecodable {
    public init(postgresText text: String, column: PostgresColumn) throws {
        self = .some(try Wrapped(postgresText: text, column: column))
    }

    public init(postgresNull column: PostgresColumn) throws {
        self = .none
    }
}

/// Integer decoding shared by `Int`, `Int32` and `Int64`: any of `int2`, `int4`, `int8`, with a
/// range check instead of a trap.
extension FixedWidthInteger where Self: SignedInteger {
    init(postgresInteger text: String, column: PostgresColumn) throws {
        // The type's name only for a message: describing a type on every row is costly.
        try column.requireType(
            [PostgresColumn.TypeOID.int2, PostgresColumn.TypeOID.int4, PostgresColumn.TypeOID.int8],
            decoding: String(describing: Self.self))
        guard let value = Self(text, radix: 10) else {
            let isNumber = Int64(text, radix: 10) != nil
            throw column.malformed(text, as: String(describing: Self.self), reason: isNumber ? "out of range" : nil)
        }
        self = value
    }
}

extension Int: PostgresDecodable {
    public init(postgresText text: String, column: PostgresColumn) throws {
        try self.init(postgresInteger: text, column: column)
    }
}

extension Int32: PostgresDecodable {
    public init(postgresText text: String, column: PostgresColumn) throws {
        try self.init(postgresInteger: text, column: column)
    }
}

extension Int64: PostgresDecodable {
    public init(postgresText text: String, column: PostgresColumn) throws {
        try self.init(postgresInteger: text, column: column)
    }
}

extension Double: PostgresDecodable {
    /// Decodes `float4`, `float8` and `numeric` (`NaN` and `±Infinity` included). A `numeric` with
    /// more digits than a `Double` holds is rounded.
    public init(postgresText text: String, column: PostgresColumn) throws {
        try column.requireType(
            [PostgresColumn.TypeOID.float8, PostgresColumn.TypeOID.float4, PostgresColumn.TypeOID.numeric],
            decoding: "Double")
        guard let value = Double(text) else {
            throw column.malformed(text, as: "Double")
        }
        self = value
    }
}

extension Bool: PostgresDecodable {
    public init(postgresText text: String, column: PostgresColumn) throws {
        try column.requireType([PostgresColumn.TypeOID.bool], decoding: "Bool")
        switch text {
        case "t": self = true
        case "f": self = false
        default: throw column.malformed(text, as: "Bool")
        }
    }
}

extension String: PostgresDecodable {
    /// Decodes the textual types `text`, `varchar`, `bpchar`, `name` and `unknown` (an untyped
    /// literal such as `SELECT 'x'`). For the text of any other type use ``PostgresRow/text(_:)``
    /// or cast in SQL (`::text`).
    public init(postgresText text: String, column: PostgresColumn) throws {
        try column.requireType(
            [
                PostgresColumn.TypeOID.text, PostgresColumn.TypeOID.varchar, PostgresColumn.TypeOID.bpchar,
                PostgresColumn.TypeOID.name, PostgresColumn.TypeOID.unknown,
            ],
            decoding: "String")
        self = text
    }
}
