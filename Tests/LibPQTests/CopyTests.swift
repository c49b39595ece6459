import LibPQ
import Testing

@Suite("COPY", .database("copy"))
struct CopyTests {
    /// Row `i` of the large data set: awkward text on some rows, NULL on others.
    static func row(_ i: Int) -> [String?] {
        let note: String? =
            switch i % 5 {
            case 0: nil
            case 1: "tab\there"
            case 2: "line\nbreak\r\nand \\N not null"
            case 3: #"back\slash \. end"#
            default: "板坯纵裂 \(i) 🔥"
            }
        return [String(i), note, i % 7 == 0 ? nil : String(Double(i) / 8)]
    }

    @Test func copiesManyRowsExactly() throws {
        try withTestConnection { connection in
            try connection.execute("CREATE TABLE reading (id int PRIMARY KEY, note text, value float8)")
            let count = 100_000
            let copied = try connection.copyIn(
                "COPY reading (id, note, value) FROM STDIN", rows: (0..<count).lazy.map(Self.row))
            #expect(copied == count)
            let summary = try #require(
                try connection.query(
                    "SELECT count(*) AS n, count(note) AS notes, count(value) AS values FROM reading"
                ).first)
            #expect(try summary.decode(Int.self, "n") == count)
            #expect(try summary.decode(Int.self, "notes") == count - count / 5)
            #expect(try summary.decode(Int.self, "values") == count - (count + 6) / 7)
            let samples = [0, 1, 2, 3, 4, 7, 12_345, 99_999]
            let rows = try connection.query(
                "SELECT id, note, value FROM reading WHERE id = ANY($1::int[]) ORDER BY id",
                ["{\(samples.map(String.init).joined(separator: ","))}"])
            #expect(rows.count == samples.count)
            for row in rows {
                let id = try row.decode(Int.self, "id")
                let expected = Self.row(id)
                #expect(try row.decode(String?.self, "note") == expected[1])
                #expect(try row.decode(Double?.self, "value") == expected[2].flatMap(Double.init))
            }
        }
    }

    @Test func serverFailureLeavesNoRowsAndAUsableConnection() throws {
        try withTestConnection { connection in
            try connection.execute("CREATE TABLE checked (n int NOT NULL CONSTRAINT positive CHECK (n > 0))")
            let rows = (1...50_000).lazy.map { n -> [String?] in [n == 40_000 ? "-1" : String(n)] }
            let error = #expect(throws: PostgresError.self) {
                try connection.copyIn("COPY checked (n) FROM STDIN", rows: rows)
            }
            #expect(error?.code == .server)
            #expect(error?.sqlState == PostgresError.SQLState.checkViolation)
            #expect(error?.constraint == "positive")
            #expect(connection.isOpen)
            let count = try connection.query("SELECT count(*) FROM checked").first?.decode(Int.self, at: 0)
            #expect(count == 0)
            #expect(try connection.copyIn("COPY checked (n) FROM STDIN", rows: [["1"], ["2"]]) == 2)
        }
    }

    @Test func badRowsAbortTheCopyOnTheClient() throws {
        try withTestConnection { connection in
            try connection.execute("CREATE TABLE pairs (a text, b text)")
            let shape = #expect(throws: PostgresError.self) {
                try connection.copyIn("COPY pairs (a, b) FROM STDIN", rows: [["1", "2"], ["only one"]])
            }
            #expect(shape?.code == .copyFailed)
            #expect(shape?.message.contains("row 2") == true)
            let nul = #expect(throws: PostgresError.self) {
                try connection.copyIn("COPY pairs FROM STDIN", rows: [["ok", "no\0pe"]])
            }
            #expect(nul?.code == .invalidArgument)
            let count = try connection.query("SELECT count(*) FROM pairs").first?.decode(Int.self, at: 0)
            #expect(count == 0)
        }
    }

    @Test func copyInsideATransactionRollsBackWithIt() throws {
        struct Stop: Error {}
        try withTestConnection { connection in
            try connection.execute("CREATE TABLE staged (n int)")
            #expect(throws: Stop.self) {
                try connection.withTransaction { transaction in
                    #expect(try transaction.copyIn("COPY staged FROM STDIN", rows: [["1"], [nil]]) == 2)
                    throw Stop()
                }
            }
            let count = try connection.query("SELECT count(*) FROM staged").first?.decode(Int.self, at: 0)
            #expect(count == 0)
        }
    }

    @Test func copyInNeedsACopyStatement() throws {
        try withTestConnection { connection in
            let error = #expect(throws: PostgresError.self) {
                try connection.copyIn("SELECT 1", rows: [[String?]]())
            }
            #expect(error?.code == .copyFailed)
            let missing = #expect(throws: PostgresError.self) {
                try connection.copyIn("COPY no_such_table FROM STDIN", rows: [[String?]]())
            }
            #expect(missing?.sqlState == PostgresError.SQLState.undefinedTable)
        }
    }
}
