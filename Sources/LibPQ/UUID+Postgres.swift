import FoundationEssentials

extension UUID: PostgresDecodable {
    /// Decodes a `uuid` column.
    public init(postgresText text: String, column: PostgresColumn) throws {
        try column.requireType([PostgresColumn.TypeOID.uuid], decoding: "UUID")
        guard let uuid = UUID(uuidString: text) else { throw column.malformed(text, as: "UUID") }
        self = uuid
    }
}

extension UUID: PostgresEncodable {
    /// The lowercase hyphenated form PostgreSQL itself writes.
    public var postgresText: String { uuidString.lowercased() }
    /// `uuid`.
    public static var postgresTypeOID: UInt32 { PostgresColumn.TypeOID.uuid }
}
