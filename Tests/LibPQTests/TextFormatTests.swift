import Foundation
import LibPQ
import Testing

/// The text parsing and formatting of dates and timestamps, without a server.
@Suite("Text formats")
struct TextFormatTests {
    private let timestamptz = PostgresColumn(name: "at", typeOID: 1184)
    private let dateColumn = PostgresColumn(name: "day", typeOID: 1082)

    @Test(arguments: [
        ("2026-05-01 02:03:04.123456+00", 1_777_600_984.123456),
        ("2026-05-01 10:03:04.123456+08", 1_777_600_984.123456),
        ("2026-05-01 07:33:04.123456+05:30", 1_777_600_984.123456),
        ("2026-04-30 23:03:04.123456-03", 1_777_600_984.123456),
        ("2026-05-01T02:03:04.123456Z", 1_777_600_984.123456),
        ("2026-05-01 02:03:04.5+00", 1_777_600_984.5),
        ("2026-05-01 02:03:04+00", 1_777_600_984),
        ("1970-01-01 00:00:00+00", 0),
        ("1969-12-31 23:59:59.999999+00", -0.000001),
        ("1900-01-01 00:00:00+00:19:32", -2_208_989_972),
    ])
    func parsesTimestamps(text: String, secondsSince1970: Double) throws {
        let date = try Date(postgresText: text, column: timestamptz)
        #expect(abs(date.timeIntervalSince1970 - secondsSince1970) < 0.000_001)
    }

    @Test(arguments: ["infinity", "2026-05-01", "2026-13-01 00:00:00+00", "2026-05-01 02:03+00", "yesterday"])
    func refusesMalformedTimestamps(text: String) {
        let error = #expect(throws: PostgresError.self) { try Date(postgresText: text, column: timestamptz) }
        #expect(error?.code == .decoding)
        #expect(error?.message.contains(#"column "at""#) == true)
    }

    @Test func bcTimestamps() throws {
        let date = try Date(postgresText: "0001-12-31 23:59:59+00 BC", column: timestamptz)
        let first = try Date(postgresText: "0001-01-01 00:00:00+00", column: timestamptz)
        #expect(first.timeIntervalSince(date) == 1)
    }

    @Test func calendarDateParsesISO() throws {
        #expect(PostgresDate(iso: "2026-05-01") == PostgresDate(year: 2026, month: 5, day: 1))
        #expect(PostgresDate(iso: "2024-02-29")?.day == 29)
        for bad in ["2026-02-29", "2026-5-1", "2026-05-01T00:00", "2026-00-10", "20260501", "", "abcd-ef-gh"] {
            #expect(PostgresDate(iso: bad) == nil, "\(bad)")
        }
    }

    @Test func calendarDateDescriptionAndOrder() {
        let may = PostgresDate(year: 2026, month: 5, day: 1)
        #expect(may.description == "2026-05-01")
        #expect(PostgresDate(year: 33, month: 1, day: 9).description == "0033-01-09")
        #expect(PostgresDate(year: 2026, month: 4, day: 30) < may)
        #expect(may < PostgresDate(year: 2027, month: 1, day: 1))
        #expect(Set([may, PostgresDate(iso: "2026-05-01")!]).count == 1)
    }

    @Test func calendarDateIsCodableAsISOText() throws {
        struct Period: Codable, Equatable { var start: PostgresDate }
        let period = Period(start: PostgresDate(year: 2026, month: 5, day: 1))
        let json = String(decoding: try JSONEncoder().encode(period), as: UTF8.self)
        #expect(json == #"{"start":"2026-05-01"}"#)
        #expect(try JSONDecoder().decode(Period.self, from: Data(json.utf8)) == period)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(Period.self, from: Data(#"{"start":"2026-02-30"}"#.utf8))
        }
    }

    @Test func calendarDateFromPostgresText() throws {
        #expect(try PostgresDate(postgresText: "2026-05-01", column: dateColumn).description == "2026-05-01")
        #expect(try PostgresDate(postgresText: "0044-03-15 BC", column: dateColumn).year == -43)
        #expect(PostgresDate(year: -43, month: 3, day: 15).postgresText == "0044-03-15 BC")
        #expect(throws: PostgresError.self) { try PostgresDate(postgresText: "infinity", column: dateColumn) }
    }

    @Test(arguments: [(Double.nan, "NaN"), (.infinity, "Infinity"), (-.infinity, "-Infinity"), (0.1, "0.1")])
    func doubleText(value: Double, text: String) {
        #expect(value.postgresText == text)
    }

    @Test func errorDescriptions() {
        var error = PostgresError(code: .server, message: "duplicate key", sqlState: "23505", constraint: "t_key")
        error.detail = "Key (key)=(A) already exists."
        #expect(error.description == "duplicate key")
        #expect(error.debugDescription.contains("sqlState: 23505"))
        #expect(error.debugDescription.contains("constraint: t_key"))
        #expect(error.debugDescription.contains("detail: Key (key)=(A) already exists."))
        #expect(PostgresError.Code.connectionLost.rawValue == "connection_lost")
    }
}
