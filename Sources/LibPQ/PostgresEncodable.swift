/// A type that can be sent as a bound parameter (`$1`, `$2`, ...), in PostgreSQL's text format.
///
/// Values always travel separately from the SQL text, so no value can change the meaning of a
/// statement. Pass `nil` in the parameter array for SQL NULL.
///
/// Conformances: `Int`, `Int32`, `Int64`, `Double`, `Bool`, `String`, `Date`, `UUID`,
/// ``PostgresDate`` and ``PostgresJSON``.
public protocol PostgresEncodable {
    /// The value in a text form PostgreSQL's input function for the column type accepts.
    ///
    /// The text must not contain a NUL byte; sending one throws
    /// ``PostgresError/Code/invalidArgument``.
    var postgresText: String { get }

    /// The OID of the PostgreSQL type to send the parameter as, or `0` to let the server infer it
    /// from the statement.
    ///
    /// The default is `0`. `String` and ``PostgresJSON`` keep it, so a string can fill a column of
    /// any type (`uuid`, `jsonb`, an enum). The numeric, boolean and date types send their own
    /// type so that `SELECT $1` and overloaded functions resolve without casts.
    static var postgresTypeOID: UInt32 { get }
}

extension PostgresEncodable {
    public static var postgresTypeOID: UInt32 { 0 }
}

extension Int: PostgresEncodable {
    public var postgresText: String { String(self) }
    /// `int8`.
    public static var postgresTypeOID: UInt32 { PostgresColumn.TypeOID.int8 }
}

extension Int64: PostgresEncodable {
    public var postgresText: String { String(self) }
    /// `int8`.
    public static var postgresTypeOID: UInt32 { PostgresColumn.TypeOID.int8 }
}

extension Int32: PostgresEncodable {
    public var postgresText: String { String(self) }
    /// `int4`.
    public static var postgresTypeOID: UInt32 { PostgresColumn.TypeOID.int4 }
}

extension Double: PostgresEncodable {
    /// The shortest text that reads back as exactly this value; `NaN`, `Infinity`, `-Infinity`.
    public var postgresText: String {
        if isNaN { return "NaN" }
        if isInfinite { return self < 0 ? "-Infinity" : "Infinity" }
        return description
    }

    /// `float8`.
    public static var postgresTypeOID: UInt32 { PostgresColumn.TypeOID.float8 }
}

extension Bool: PostgresEncodable {
    public var postgresText: String { self ? "t" : "f" }
    /// `bool`.
    public static var postgresTypeOID: UInt32 { PostgresColumn.TypeOID.bool }
}

extension String: PostgresEncodable {
    /// The string itself, sent verbatim.
    public var postgresText: String { self }
}
