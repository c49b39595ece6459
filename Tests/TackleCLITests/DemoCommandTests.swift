import Foundation
import LibPQ
import TestSupport
import Testing

@Suite("tackle demo")
struct DemoCommandTests {
    static let summary =
        "7 units, 18 people, 6 projects, 30 members, 25 milestones, 21 trials, 72 monthly observations"

    /// Row counts of the tracker tables, to show what a command did or did not write.
    private func counts(_ conninfo: String) throws -> [String: Int] {
        try PostgresConnection.withConnection(conninfo: conninfo) { connection in
            var result: [String: Int] = [:]
            for table in ["unit", "person", "project", "member", "milestone", "trial", "observation", "history"] {
                // Table names come from this list, never from input.
                result[table] = try connection.query("SELECT count(*) AS n FROM \(table)").first!.decode(Int.self, "n")
            }
            return result
        }
    }

    @Test("demo load fills the database once; again it says so and changes nothing")
    func loadTwice() throws {
        let conninfo = try TestDatabase.create(label: "cli_demo")
        defer { try? TestDatabase.drop(conninfo: conninfo) }
        let tackle = TackleProcess(conninfo: conninfo)
        try tackle.succeed("db", "migrate")

        let first = try tackle.succeed("demo", "load")
        #expect(first.stdout == "loaded demo data: \(Self.summary)\n")
        #expect(first.stderr.isEmpty)
        let loaded = try counts(conninfo)
        #expect(loaded["project"] == 6)
        #expect(loaded["trial"] == 21)
        #expect(loaded["observation"] == 72)

        let second = try tackle.succeed("demo", "load")
        #expect(second.stdout == "demo data already loaded (\(Self.summary)); nothing changed\n")
        #expect(try counts(conninfo) == loaded)

        let projects = try tackle.succeed("project", "list")
        #expect(projects.stdout.contains("SLAB-CRACK-2026"))
        #expect(projects.stdout.contains("板坯纵裂攻关"))
        let history = try tackle.succeed("history", "SLAB-CRACK-2026", "--json")
        let entries = try JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as? [[String: Any]]
        let actors = Set((entries ?? []).compactMap { $0["actor"] as? String })
        #expect(actors == ["demo"], "the demo's changes are recorded as actor demo, not the caller (TACKLE_ACTOR)")
    }

    @Test("two loads started at once: one loads, the other finds it loaded")
    func concurrentLoads() throws {
        let conninfo = try TestDatabase.create(label: "cli_demo_concurrent")
        defer { try? TestDatabase.drop(conninfo: conninfo) }
        let tackle = TackleProcess(conninfo: conninfo)
        try tackle.succeed("db", "migrate")
        let running = try (0..<2).map { _ in try tackle.start(["demo", "load"]) }
        let outcomes = try running.map { try $0.wait() }
        for outcome in outcomes {
            #expect(outcome.status == 0, "\(outcome)")
        }
        #expect(outcomes.filter { $0.stdout.hasPrefix("loaded demo data") }.count == 1)
        #expect(outcomes.filter { $0.stdout.hasPrefix("demo data already loaded") }.count == 1)
        #expect(try counts(conninfo)["project"] == 6)
    }

    @Test("a unit of the user's under a demo code is refused with exit 1, naming it, and nothing is written")
    func clashRefused() throws {
        let conninfo = try TestDatabase.create(label: "cli_demo_clash")
        defer { try? TestDatabase.drop(conninfo: conninfo) }
        let tackle = TackleProcess(conninfo: conninfo)
        try tackle.succeed("db", "migrate")
        try tackle.succeed("unit", "add", "CC3", "--name", "连铸3区", "--kind", "work-area")
        let before = try counts(conninfo)

        let outcome = try tackle.run("demo", "load")
        #expect(outcome.status == 1, "\(outcome)")
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderr.hasPrefix("Error: the demo was not loaded"))
        #expect(outcome.stderr.contains("unit CC3 is '连铸3区' (work-area), the demo's is '连铸三作业区'"))
        #expect(outcome.stderr.contains("Nothing was written"))
        #expect(outcome.stderr.split(separator: "\n").count == 1, "one line: \(outcome.stderr)")
        #expect(try counts(conninfo) == before)
    }

    @Test("on a database without the schema, demo load says to migrate and exits 3")
    func needsSchema() throws {
        let conninfo = try TestDatabase.create(label: "cli_demo_schema")
        defer { try? TestDatabase.drop(conninfo: conninfo) }
        let outcome = try TackleProcess(conninfo: conninfo).run("demo", "load")
        #expect(outcome.status == 3, "\(outcome)")
        #expect(outcome.stderr.contains("tackle db migrate"))
    }

    @Test("demo load --help explains idempotence and gives an example")
    func help() throws {
        let outcome = try TackleProcess(conninfo: nil).run("demo", "load", "--help")
        #expect(outcome.status == 0, "\(outcome)")
        // Help is wrapped to the terminal's width.
        let text = outcome.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(text.contains("running it again changes nothing"))
        #expect(text.contains("Example: tackle db migrate tackle demo load"))
    }
}
