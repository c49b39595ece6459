import LibPQ
import TackleDomain

extension LocalDate: PostgresDecodable, PostgresEncodable {
    /// Decodes a `date` column.
    public init(postgresText text: String, column: PostgresColumn) throws {
        let date = try PostgresDate(postgresText: text, column: column)
        self = try LocalDate(year: date.year, month: date.month, day: date.day)
    }

    /// `YYYY-MM-DD`.
    public var postgresText: String { description }

    /// `date`.
    public static var postgresTypeOID: UInt32 { PostgresDate.postgresTypeOID }
}
