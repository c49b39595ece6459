import Foundation
import LibPQ
import Testing

/// Every supported type goes to the server as a parameter and comes back decoded, unchanged.
@Suite("Round trip", .database("round_trip"))
struct RoundTripTests {
    /// Sends `value` as `$1`, casts it to `sqlType` on the server and decodes the result.
    private func roundTrip<T: PostgresEncodable & PostgresDecodable>(_ value: T, as sqlType: String) throws -> T {
        try withTestConnection { connection in
            let rows = try connection.query("SELECT $1::\(sqlType) AS value", [value])
            #expect(rows.columns.map(\.name) == ["value"])
            return try #require(rows.first).decode(T.self, "value")
        }
    }

    /// Sends SQL NULL typed as `sqlType` and decodes it as an optional.
    private func nullRoundTrip<T: PostgresDecodable>(_ type: T.Type, as sqlType: String) throws -> T? {
        try withTestConnection { connection in
            let rows = try connection.query("SELECT $1::\(sqlType) AS value", [nil])
            return try #require(rows.first).decode(T?.self, "value")
        }
    }

    @Test(arguments: [Int.min, -1, 0, 1, 42, Int.max])
    func int(value: Int) throws {
        #expect(try roundTrip(value, as: "int8") == value)
    }

    @Test(arguments: [Int64.min, -9_007_199_254_740_993, 0, Int64.max])
    func int64(value: Int64) throws {
        #expect(try roundTrip(value, as: "int8") == value)
    }

    @Test(arguments: [Int32.min, -7, 0, Int32.max])
    func int32(value: Int32) throws {
        #expect(try roundTrip(value, as: "int4") == value)
    }

    @Test func smallerIntegerColumnsDecodeIntoWiderTypes() throws {
        try withTestConnection { connection in
            let row = try #require(try connection.query("SELECT (-32768)::int2 AS a, 2147483647::int4 AS b").first)
            #expect(try row.decode(Int.self, "a") == -32768)
            #expect(try row.decode(Int64.self, "b") == 2_147_483_647)
            #expect(try row.decode(Int32.self, "a") == -32768)
        }
    }

    @Test(arguments: [
        0.1, -0.0, 1e-300, 1e300, .leastNonzeroMagnitude, .pi, -123_456.789, .greatestFiniteMagnitude, .infinity,
        -.infinity,
    ])
    func double(value: Double) throws {
        let decoded = try roundTrip(value, as: "float8")
        #expect(decoded == value)
        #expect(decoded.sign == value.sign)
    }

    @Test func doubleNaN() throws {
        #expect(try roundTrip(Double.nan, as: "float8").isNaN)
        #expect(try roundTrip(Double.nan, as: "numeric").isNaN)
    }

    @Test func doubleFromFloat4AndNumeric() throws {
        try withTestConnection { connection in
            let row = try #require(
                try connection.query("SELECT 0.1::float4 AS f, 12345.678901::numeric AS n, 'Infinity'::numeric AS i")
                    .first)
            #expect(try row.decode(Double.self, "f") == 0.1)
            #expect(try row.decode(Double.self, "n") == 12345.678901)
            #expect(try row.decode(Double.self, "i") == .infinity)
        }
    }

    @Test(arguments: [true, false])
    func bool(value: Bool) throws {
        #expect(try roundTrip(value, as: "bool") == value)
    }

    static let strings = [
        "", "plain", "板坯纵裂攻关", "🔥🧪", "'; DROP TABLE t; --", "Robert'); DROP TABLE students;--",
        #"back\slash \\ \n \x00"#, "$1", "$1 $2 ?", "quote ' and double \" quotes", "tab\tnew\nline\rreturn",
        "  leading and trailing  ", "e\u{301} combining", String(repeating: "长", count: 10_000),
    ]

    @Test(arguments: strings)
    func string(value: String) throws {
        #expect(try roundTrip(value, as: "text") == value)
        #expect(try roundTrip(value, as: "varchar") == value)
    }

    @Test func injectionShapedStringsAreStoredVerbatim() throws {
        try withTestConnection { connection in
            try connection.execute("CREATE TABLE students (id int PRIMARY KEY, name text NOT NULL)")
            for (id, name) in Self.strings.enumerated() {
                #expect(try connection.execute("INSERT INTO students (id, name) VALUES ($1, $2)", [id, name]) == 1)
            }
            let rows = try connection.query("SELECT name FROM students ORDER BY id")
            #expect(try rows.map { try $0.decode(String.self, "name") } == Self.strings)
            let table = try connection.query("SELECT to_regclass('students') IS NOT NULL AS present")
            #expect(try table.first?.decode(Bool.self, "present") == true)
        }
    }

    @Test func nulByteInTextIsRefused() throws {
        try withTestConnection { connection in
            let error = #expect(throws: PostgresError.self) { try connection.query("SELECT $1::text", ["a\0b"]) }
            #expect(error?.code == .invalidArgument)
            #expect(error?.message.contains("text cannot contain NUL") == true)
            #expect(error?.message.contains("$1") == true)
            #expect(connection.isOpen)
        }
    }

    @Test func otherStringColumnTypes() throws {
        try withTestConnection { connection in
            let row = try #require(
                try connection.query("SELECT 'ab'::char(4) AS c, 'pg'::name AS n, 'lit' AS u, 'v'::varchar(3) AS v")
                    .first)
            #expect(try row.decode(String.self, "c") == "ab  ")
            #expect(try row.decode(String.self, "n") == "pg")
            #expect(try row.decode(String.self, "u") == "lit")
            #expect(try row.decode(String.self, "v") == "v")
        }
    }

    static let dates: [Date] = [
        Date(timeIntervalSince1970: 1_777_600_984.123456),  // 2026-05-01T02:03:04.123456Z
        Date(timeIntervalSince1970: 0),
        Date(timeIntervalSince1970: -1.5),
        Date(timeIntervalSince1970: -2_208_988_800.000001),  // 1900-01-01, before the epoch
        Date(timeIntervalSince1970: 4_102_444_799.999999),
    ]

    @Test(arguments: dates)
    func date(value: Date) throws {
        let decoded = try roundTrip(value, as: "timestamptz")
        #expect(abs(decoded.timeIntervalSince(value)) < 0.000_001)
    }

    @Test func dateTextIsISOWithMicroseconds() {
        #expect(Self.dates[0].postgresText == "2026-05-01T02:03:04.123456Z")
        #expect(Self.dates[1].postgresText == "1970-01-01T00:00:00.000000Z")
        #expect(Self.dates[2].postgresText == "1969-12-31T23:59:58.500000Z")
    }

    @Test func timestampWithoutTimeZoneIsReadAsUTC() throws {
        try withTestConnection { connection in
            let row = try #require(
                try connection.query("SELECT '2026-05-01 02:03:04.123456'::timestamp AS t").first)
            let date = try row.decode(Date.self, "t")
            #expect(abs(date.timeIntervalSince(Self.dates[0])) < 0.000_001)
        }
    }

    @Test(arguments: [
        PostgresDate(year: 2026, month: 5, day: 1), PostgresDate(year: 2024, month: 2, day: 29),
        PostgresDate(year: 1, month: 1, day: 1), PostgresDate(year: 9999, month: 12, day: 31),
        PostgresDate(year: -43, month: 3, day: 15),
    ])
    func calendarDate(value: PostgresDate) throws {
        #expect(try roundTrip(value, as: "date") == value)
    }

    @Test func uuid() throws {
        let value = UUID()
        #expect(try roundTrip(value, as: "uuid") == value)
    }

    struct Settings: Codable, Equatable {
        var name: String
        var limits: [Double]
        var note: String?
    }

    @Test(arguments: ["json", "jsonb"])
    func json(sqlType: String) throws {
        let settings = Settings(name: "板坯 \"crack\"", limits: [0.5, 1e-3], note: nil)
        let decoded = try roundTrip(try PostgresJSON(encoding: settings), as: sqlType)
        #expect(try decoded.decode(Settings.self) == settings)
    }

    @Test func nullDecodesAsNilForEveryType() throws {
        #expect(try nullRoundTrip(Int.self, as: "int8") == nil)
        #expect(try nullRoundTrip(Int32.self, as: "int4") == nil)
        #expect(try nullRoundTrip(Int64.self, as: "int8") == nil)
        #expect(try nullRoundTrip(Double.self, as: "float8") == nil)
        #expect(try nullRoundTrip(Bool.self, as: "bool") == nil)
        #expect(try nullRoundTrip(String.self, as: "text") == nil)
        #expect(try nullRoundTrip(Date.self, as: "timestamptz") == nil)
        #expect(try nullRoundTrip(PostgresDate.self, as: "date") == nil)
        #expect(try nullRoundTrip(UUID.self, as: "uuid") == nil)
        #expect(try nullRoundTrip(PostgresJSON.self, as: "jsonb") == nil)
    }

    @Test func optionalParametersSendNullOrTheValue() throws {
        try withTestConnection { connection in
            let missing: Int? = nil
            let present: String? = "here"
            let row = try #require(
                try connection.query("SELECT $1::int8 AS a, $2::text AS b", [missing, present]).first)
            #expect(try row.decode(Int?.self, "a") == nil)
            #expect(try row.decode(String?.self, "b") == "here")
            #expect(try row.text("a") == nil)
        }
    }
}
