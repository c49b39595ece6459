/// One column of a result: its name and the PostgreSQL type the server sent it as.
public struct PostgresColumn: Hashable, Sendable, CustomStringConvertible {
    /// The column name as the server reported it (after `AS` aliases).
    public var name: String
    /// The OID of the column's type, for example `23` for `int4`. See ``typeName``.
    public var typeOID: UInt32

    /// Creates a column description.
    public init(name: String, typeOID: UInt32) {
        self.name = name
        self.typeOID = typeOID
    }

    /// A readable name for ``typeOID``: the PostgreSQL type name for the built-in types this
    /// library knows, otherwise `oid <number>`.
    public var typeName: String {
        Self.knownTypeNames[typeOID] ?? "oid \(typeOID)"
    }

    public var description: String { "\(name) (\(typeName))" }

    /// The built-in type OIDs this library decodes, with their names (from `pg_type`).
    enum TypeOID {
        static let bool: UInt32 = 16
        static let name: UInt32 = 19
        static let int8: UInt32 = 20
        static let int2: UInt32 = 21
        static let int4: UInt32 = 23
        static let text: UInt32 = 25
        static let json: UInt32 = 114
        static let float4: UInt32 = 700
        static let float8: UInt32 = 701
        static let unknown: UInt32 = 705
        static let bpchar: UInt32 = 1042
        static let varchar: UInt32 = 1043
        static let date: UInt32 = 1082
        static let timestamp: UInt32 = 1114
        static let timestamptz: UInt32 = 1184
        static let numeric: UInt32 = 1700
        static let uuid: UInt32 = 2950
        static let jsonb: UInt32 = 3802
    }

    private static let knownTypeNames: [UInt32: String] = [
        16: "bool", 17: "bytea", 18: "char", 19: "name", 20: "int8", 21: "int2", 23: "int4", 25: "text", 26: "oid",
        114: "json", 700: "float4", 701: "float8", 705: "unknown", 1042: "bpchar", 1043: "varchar", 1082: "date",
        1083: "time", 1114: "timestamp", 1184: "timestamptz", 1186: "interval", 1266: "timetz", 1700: "numeric",
        2950: "uuid", 3802: "jsonb", 1000: "bool[]", 1005: "int2[]", 1007: "int4[]", 1016: "int8[]", 1009: "text[]",
    ]

    /// Throws a decoding error unless this column's type is one of `accepted`.
    func requireType(_ accepted: [UInt32], decoding swiftType: @autoclosure () -> String) throws {
        guard accepted.contains(typeOID) else {
            throw PostgresError(
                code: .decoding,
                message: "column \"\(name)\" has type \(typeName), which cannot be decoded as \(swiftType())"
            )
        }
    }

    /// A decoding error for a value whose text the expected type cannot parse.
    func malformed(_ text: String, as swiftType: String, reason: String? = nil) -> PostgresError {
        let shown = text.count > 60 ? String(text.prefix(60)) + "…" : text
        let why = reason.map { ": \($0)" } ?? ""
        return PostgresError(
            code: .decoding,
            message: "column \"\(name)\" (\(typeName)) value '\(shown)' cannot be decoded as \(swiftType)\(why)"
        )
    }
}
