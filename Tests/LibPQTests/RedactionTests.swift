import LibPQ
import Testing

@Suite("ConnInfo.redacted")
struct RedactionTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var conninfo: String
        /// Every form of the password that must not appear in the redacted text.
        var secrets: [String]
        /// Settings the redacted text must still show.
        var kept: [String]
        var testDescription: String { conninfo }
    }

    static let withPasswords: [Case] = [
        Case(conninfo: "postgresql://u:SECRET@h/db", secrets: ["SECRET"], kept: ["'u'", "'h'", "'db'"]),
        Case(
            conninfo: "postgres://u:SECRET@h:5433/db?sslmode=require", secrets: ["SECRET"],
            kept: ["'5433'", "'require'"]),
        // Percent-encoded: neither the typed nor the decoded form may show.
        Case(
            conninfo: "postgresql://u:p%40ss%20w0rd@h/db", secrets: ["p%40ss%20w0rd", "p@ss w0rd", "ss w0rd"],
            kept: ["'h'"]),
        Case(
            conninfo: "postgresql://u@h/db?password=SECRET&application_name=job", secrets: ["SECRET"], kept: ["'job'"]),
        Case(conninfo: "postgresql:///db?host=/run/pg&pass%77ord=SECRET", secrets: ["SECRET"], kept: ["'/run/pg'"]),
        Case(conninfo: "host=h dbname=db password=SECRET", secrets: ["SECRET"], kept: ["'h'", "'db'"]),
        Case(conninfo: "host=h password = 's e c' user=u", secrets: ["s e c"], kept: ["'u'"]),
        Case(conninfo: #"password='it\'s' host=h"#, secrets: ["it's", #"it\'s"#], kept: ["'h'"]),
        Case(conninfo: "host=h sslpassword=KEYPASS sslkey=/k.pem", secrets: ["KEYPASS"], kept: ["'/k.pem'"]),
    ]

    @Test("a password in any form libpq reads is replaced; the other settings stay", arguments: withPasswords)
    func redactsPasswords(_ input: Case) throws {
        // The case is only meaningful if libpq really reads a secret from it.
        let parsed = try ConnInfo.parse(input.conninfo)
        #expect(parsed.contains { $0.keyword == "password" || $0.keyword == "sslpassword" })

        let redacted = ConnInfo.redacted(input.conninfo)

        for secret in input.secrets {
            #expect(!redacted.contains(secret), "\(redacted)")
        }
        #expect(redacted.contains("=(redacted)"), "\(redacted)")
        for setting in input.kept {
            #expect(redacted.contains(setting), "\(redacted)")
        }
    }

    @Test(
        "without a password the string is shown as typed",
        arguments: [
            "postgresql://alice@db.plant.local/tackle?sslmode=verify-full", "host=db1,db2 dbname=tackle",
            "service=tackle",
            "tackle", "",
        ])
    func keepsStringsWithoutSecrets(_ conninfo: String) {
        #expect(ConnInfo.redacted(conninfo) == conninfo)
    }

    @Test(
        "a string libpq cannot parse is not shown at all",
        arguments: ["postgresql://u:SECRET@h/db?nonsense=1", "host=h password=SECRET oops"])
    func hidesUnparsableStrings(_ conninfo: String) {
        let redacted = ConnInfo.redacted(conninfo)
        #expect(!redacted.contains("SECRET"), "\(redacted)")
        #expect(redacted.contains("cannot parse"))
    }
}
