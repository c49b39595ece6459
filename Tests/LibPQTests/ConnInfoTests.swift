import LibPQ
import Testing

@Suite("ConnInfo")
struct ConnInfoTests {
    @Test(
        "format then parse gives back every value",
        arguments: [
            "plain", "with space", "it's", #"back\slash"#, #"both ' and \ "#, "", "  padded  ", "板坯 🔥", "a=b",
        ])
    func roundTrip(value: String) throws {
        let pairs = [(keyword: "host", value: "/tmp/sock dir"), (keyword: "application_name", value: value)]
        let parsed = try ConnInfo.parse(ConnInfo.format(pairs))
        // libpq returns its own keyword order, whatever the order in the string.
        #expect(parsed.map(\.keyword) == ["host", "application_name"])
        #expect(parsed.map(\.value) == ["/tmp/sock dir", value])
    }

    @Test func formatQuotesAndEscapes() {
        let text = ConnInfo.format([(keyword: "dbname", value: "my 'db'"), (keyword: "user", value: #"a\b"#)])
        #expect(text == #"dbname='my \'db\'' user='a\\b'"#)
    }

    @Test func parseReadsURIsAsKeywords() throws {
        let parsed = try ConnInfo.parse("postgresql://alice@/plant?host=/run/pg&port=5433&sslmode=disable")
        let settings = Dictionary(uniqueKeysWithValues: parsed.map { ($0.keyword, $0.value) })
        #expect(
            settings == ["user": "alice", "dbname": "plant", "host": "/run/pg", "port": "5433", "sslmode": "disable"])
    }

    @Test func parseReturnsOnlyWhatTheStringSets() throws {
        let parsed = try ConnInfo.parse("dbname=tackle")
        #expect(parsed.map(\.keyword) == ["dbname"])
    }

    @Test func invalidStringIsAnInvalidArgument() {
        let error = #expect(throws: PostgresError.self) { try ConnInfo.parse("host=/tmp nonsense") }
        #expect(error?.code == .invalidArgument)
        #expect(error?.message.contains("nonsense") == true)
    }

    @Test(
        "parse errors never show the password",
        arguments: [
            "postgresql://alice:s3cr3t-pw@host/pl%zzant",
            "postgresql://alice:s3cr3t%zz@host/plant",
            "postgresql://alice:s3cr3t-pw@[::1]x/plant",
            "postgresql://alice:s3cr3t-pw@[]/plant",
            "postgresql://alice:s3cr3t-pw@host/plant?sslmode=a=b",
            "postgresql://alice:s3cr3t-pw@host/plant?bogus",
            "host=db password=s3cr3t-pw oops",
            "password='s3cr3t pw' oops",
        ])
    func parseErrorHidesPassword(conninfo: String) {
        let error = #expect(throws: PostgresError.self) { try ConnInfo.parse(conninfo) }
        #expect(error?.message.contains("s3cr3t") == false)
        #expect(error?.message.hasPrefix("invalid connection string") == true)
    }
}
