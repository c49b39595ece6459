import Foundation
import LibPQ
import Testing

/// Decoding refuses what does not fit, with an error naming the column, and never traps.
@Suite("Decoding", .database("decoding"))
struct DecodingTests {
    private func firstRow(_ sql: String) throws -> PostgresRow {
        try withTestConnection { connection in try #require(try connection.query(sql).first) }
    }

    @Test func wrongTypeNamesTheColumnAndBothTypes() throws {
        let row = try firstRow("SELECT 'abc'::text AS label")
        let error = #expect(throws: PostgresError.self) { try row.decode(Int.self, "label") }
        #expect(error?.code == .decoding)
        #expect(error?.message == #"column "label" has type text, which cannot be decoded as Int"#)
    }

    @Test func stringIsOnlyForTextualTypes() throws {
        let row = try firstRow("SELECT 42 AS answer, now() AS at")
        let error = #expect(throws: PostgresError.self) { try row.decode(String.self, "answer") }
        #expect(error?.message.contains(#""answer""#) == true)
        #expect(error?.message.contains("int4") == true)
        // The raw accessor gives the text of any type.
        #expect(try row.text("answer") == "42")
        #expect(try row.text(at: 1)?.hasSuffix("+00") == true)
    }

    @Test func unexpectedNullNamesTheColumn() throws {
        let row = try firstRow("SELECT NULL::int8 AS defects")
        let error = #expect(throws: PostgresError.self) { try row.decode(Int.self, "defects") }
        #expect(error?.code == .decoding)
        #expect(error?.message.contains(#"column "defects" is NULL"#) == true)
        #expect(try row.decode(Int?.self, "defects") == nil)
    }

    @Test func unknownColumnNameIsNamed() throws {
        let row = try firstRow("SELECT 1 AS id, 'x' AS name")
        let error = #expect(throws: PostgresError.self) { try row.decode(Int.self, "identifier") }
        #expect(error?.code == .decoding)
        #expect(error?.message.contains(#""identifier""#) == true)
        #expect(error?.message.contains("id, name") == true)
        let byIndex = #expect(throws: PostgresError.self) { try row.decode(Int.self, at: 2) }
        #expect(byIndex?.code == .decoding)
        #expect(throws: PostgresError.self) { try row.text(at: -1) }
    }

    @Test func integerOverflowIsAnError() throws {
        let row = try firstRow("SELECT 3000000000::int8 AS big, (-2147483649)::int8 AS small")
        let error = #expect(throws: PostgresError.self) { try row.decode(Int32.self, "big") }
        #expect(error?.code == .decoding)
        #expect(error?.message.contains("out of range") == true)
        #expect(throws: PostgresError.self) { try row.decode(Int32.self, "small") }
        #expect(try row.decode(Int64.self, "big") == 3_000_000_000)
    }

    @Test func infiniteTimestampHasNoDate() throws {
        let row = try firstRow("SELECT 'infinity'::timestamptz AS t, '-infinity'::date AS d")
        let error = #expect(throws: PostgresError.self) { try row.decode(Date.self, "t") }
        #expect(error?.code == .decoding)
        #expect(error?.message.contains("infinite") == true)
        #expect(throws: PostgresError.self) { try row.decode(PostgresDate.self, "d") }
    }

    @Test(arguments: [
        ("SELECT 1.5::numeric AS v", "Int"), ("SELECT 1::int4 AS v", "Double"), ("SELECT 't'::bool AS v", "Int"),
        ("SELECT now()::date AS v", "Date"), ("SELECT now() AS v", "PostgresDate"),
        ("SELECT '{}'::jsonb AS v", "String"), ("SELECT 'x'::text AS v", "UUID"), ("SELECT 1 AS v", "Bool"),
        ("SELECT '{}'::text AS v", "PostgresJSON"),
    ])
    func typeMismatchesAreRefused(sql: String, swiftType: String) throws {
        let row = try firstRow(sql)
        let error = #expect(throws: PostgresError.self) {
            switch swiftType {
            case "Int": _ = try row.decode(Int.self, "v")
            case "Double": _ = try row.decode(Double.self, "v")
            case "Date": _ = try row.decode(Date.self, "v")
            case "PostgresDate": _ = try row.decode(PostgresDate.self, "v")
            case "String": _ = try row.decode(String.self, "v")
            case "UUID": _ = try row.decode(UUID.self, "v")
            case "Bool": _ = try row.decode(Bool.self, "v")
            default: _ = try row.decode(PostgresJSON.self, "v")
            }
        }
        #expect(error?.code == .decoding)
        #expect(error?.message.hasSuffix("cannot be decoded as \(swiftType)") == true)
    }

    @Test func jsonThatDoesNotMatchIsADecodingError() throws {
        struct Expected: Decodable { var count: Int }
        let json = PostgresJSON(rawValue: #"{"count": "many"}"#)
        let error = #expect(throws: PostgresError.self) { try json.decode(Expected.self) }
        #expect(error?.code == .decoding)
        #expect(error?.message.contains("count") == true)
    }

    @Test func rowsDescribeTheResult() throws {
        try withTestConnection { connection in
            let rows = try connection.query("SELECT g AS n, g::text AS label FROM generate_series(1, 3) AS g")
            #expect(rows.count == 3)
            #expect(!rows.isEmpty)
            #expect(
                rows.columns == [PostgresColumn(name: "n", typeOID: 23), PostgresColumn(name: "label", typeOID: 25)])
            #expect(rows.commandTag == "SELECT 3")
            #expect(rows.affectedRows == 3)
            #expect(try rows.map { try $0.decode(Int.self, at: 0) } == [1, 2, 3])
            #expect(try rows.last?.decode(String.self, "label") == "3")
            let empty = try connection.query("SELECT 1 AS n WHERE false")
            #expect(empty.isEmpty)
            #expect(empty.first == nil)
            #expect(empty.columns.map(\.name) == ["n"])
        }
    }
}
