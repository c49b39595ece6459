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

    @Test func copiesCSVBytesInPiecesOfAnySize() throws {
        try withTestConnection { connection in
            try connection.execute("CREATE TABLE figure (key text, n int, note text)")
            // Rows split across pieces anywhere, quoted fields with the delimiter, a quote and a line end.
            let csv = Array("A,1,plain\nB,2,\"x, \"\"y\"\"\"\nC,3,\"two\nlines\"\nD,4,\n".utf8)
            let copied = try connection.copyIn("COPY figure FROM STDIN (FORMAT csv)") { send in
                var offset = 0
                var size = 1
                while offset < csv.count {
                    let end = min(csv.count, offset + size)
                    try csv[offset..<end].withUnsafeBytes(send)
                    offset = end
                    size += 2
                }
            }
            #expect(copied == 4)
            let rows = try connection.query("SELECT key, n, note FROM figure ORDER BY key")
            #expect(try rows.map { try $0.decode(String?.self, "note") } == ["plain", "x, \"y\"", "two\nlines", nil])
        }
    }

    @Test func aThrowingProducerAbortsTheCopyAndRethrows() throws {
        struct Stop: Error {}
        try withTestConnection { connection in
            try connection.execute("CREATE TABLE piece (n int)")
            #expect(throws: Stop.self) {
                try connection.copyIn("COPY piece FROM STDIN (FORMAT csv)") { send in
                    try Array("1\n2\n".utf8).withUnsafeBytes(send)
                    throw Stop()
                }
            }
            #expect(connection.isOpen)
            let none = try connection.query("SELECT count(*) FROM piece").first?.decode(Int.self, at: 0)
            #expect(none == 0)
            // Data the server refuses fails the COPY with the server's error, and nothing is stored.
            let error = #expect(throws: PostgresError.self) {
                try connection.copyIn("COPY piece FROM STDIN (FORMAT csv)") { send in
                    try Array("1\nnot a number\n".utf8).withUnsafeBytes(send)
                }
            }
            #expect(error?.sqlState == "22P02")
            let still = try connection.query("SELECT count(*) FROM piece").first?.decode(Int.self, at: 0)
            #expect(still == 0)
        }
    }

    @Test func copyOutStreamsEveryRowAsTheServerWritesIt() throws {
        try withTestConnection { connection in
            try connection.execute("CREATE TABLE listed (n int, note text)")
            let count = 50_000
            try connection.copyIn(
                "COPY listed FROM STDIN", rows: (1...count).lazy.map { [String($0), $0 % 3 == 0 ? "a, \"b\"" : nil] })
            var bytes: [UInt8] = []
            var calls = 0
            let copied = try connection.copyOut("COPY (SELECT n, note FROM listed ORDER BY n) TO STDOUT (FORMAT csv)") {
                bytes.append(contentsOf: $0)
                calls += 1
            }
            #expect(copied == count)
            #expect(calls >= count, "one call per row, not one buffer of everything")
            let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.count == count + 1)
            #expect(lines[0] == "1,")
            #expect(lines[2] == #"3,"a, ""b""""#)
            #expect(lines[count] == "")
        }
    }

    @Test func copyOutFailuresLeaveAUsableConnection() throws {
        struct Full: Error {}
        try withTestConnection { connection in
            // The consumer fails: the rest is read and dropped, the error comes back.
            #expect(throws: Full.self) {
                try connection.copyOut("COPY (SELECT generate_series(1, 10000)) TO STDOUT") { _ in throw Full() }
            }
            let one = try connection.query("SELECT 1 AS one").first?.decode(Int.self, "one")
            #expect(one == 1)
            // The server fails mid-way: its error, with the SQLSTATE.
            let error = #expect(throws: PostgresError.self) {
                try connection.copyOut("COPY (SELECT 1 / (3 - n) FROM generate_series(1, 5) n) TO STDOUT") { _ in }
            }
            #expect(error?.sqlState == "22012")
            let wrong = #expect(throws: PostgresError.self) {
                try connection.copyOut("SELECT 1") { _ in }
            }
            #expect(wrong?.code == .copyFailed)
            let two = try connection.query("SELECT 2 AS two").first?.decode(Int.self, "two")
            #expect(two == 2)
        }
    }
}
