import Foundation
import TestSupport
import Testing

/// Data on stdout, messages on stderr, the documented exit codes, and help with examples.
@Suite("help, streams and exit codes")
struct HelpAndStreamsTests {
    /// Every tracker command, groups included.
    static let commands: [[String]] = [
        ["unit"], ["unit", "add"], ["unit", "list"],
        ["person"], ["person", "add"], ["person", "list"], ["person", "show"],
        ["project"], ["project", "open"], ["project", "list"], ["project", "show"], ["project", "set-status"],
        ["member"], ["member", "add"], ["member", "list"],
        ["milestone"], ["milestone", "add"], ["milestone", "done"], ["milestone", "list"],
        ["trial"], ["trial", "log"], ["trial", "list"], ["trial", "show"], ["trial", "correct"],
        ["metric"], ["metric", "record"], ["metric", "correct"], ["metric", "list"],
        ["history"], ["db", "migrate"], ["db", "status"],
        ["report"], ["report", "monthly"], ["report", "archive"], ["report", "archive", "list"],
        ["report", "archive", "show"], ["scheduler"], ["scheduler", "run"], ["demo"], ["demo", "load"],
    ]

    @Test("--help exits 0 and shows an example", arguments: commands)
    func help(_ command: [String]) throws {
        let outcome = try TackleProcess(conninfo: nil).run(command + ["--help"])
        #expect(outcome.status == 0, "\(outcome)")
        #expect(outcome.stdout.contains("USAGE: tackle \(command.joined(separator: " "))"), "\(outcome)")
        #expect(outcome.stdout.contains("Example"), "\(outcome)")
        #expect(
            outcome.stdout.contains("\n  tackle \(command.joined(separator: " "))"), "an example of the command itself")
        #expect(outcome.stderr.isEmpty)
    }

    @Test("tackle --help shows the everyday jobs as examples; tackle db --help lists its commands")
    func rootHelp() throws {
        let tackle = TackleProcess(conninfo: nil)
        let root = try tackle.run("--help")
        #expect(root.status == 0)
        for example in ["tackle project open SLAB-CRACK-2026", "tackle trial log SLAB-CRACK-2026"] {
            #expect(root.stdout.contains(example), "\(root)")
        }
        for command in ["unit", "person", "project", "member", "milestone", "trial", "metric", "history", "db"] {
            #expect(root.stdout.contains("\n  \(command) "), "tackle --help lists \(command)")
        }
        let db = try tackle.run("db", "--help")
        #expect(db.status == 0)
        #expect(db.stdout.contains("migrate") && db.stdout.contains("status"))
    }

    @Test("data goes to stdout with nothing on stderr; a refusal is one line on stderr and nothing on stdout")
    func streams() throws {
        let database = try TrackerDatabase.create(label: "cli_streams")
        defer { database.drop() }
        try database.addPlant()
        try database.openProject("SLAB-CRACK-2026")

        let listed = try database.tackle.succeed("project", "list", "--json")
        #expect(listed.stderr.isEmpty)
        #expect(try OutputJSON.decode([OutputJSON.Project].self, from: listed).count == 1)
        let logged = try database.tackle.succeed(
            "trial", "log", "SLAB-CRACK-2026", "--lever", "soft reduction", "--inspected", "300", "--defective", "2",
            "--from", "2026-05-01", "--json")
        #expect(logged.stderr.isEmpty)
        #expect(try OutputJSON.decode(OutputJSON.TrialResult.self, from: logged).trial.number == 1)

        let missing = try database.tackle.run("project", "show", "NO-SUCH-2026", "--json")
        #expect(missing.status == 1, "\(missing)")
        #expect(missing.stdout.isEmpty)
        #expect(missing.stderr.hasPrefix("Error: ") && missing.stderr.split(separator: "\n").count == 1, "\(missing)")
        #expect(missing.stderr.contains("NO-SUCH-2026"))
    }

    @Test("a usage error exits 64 and names the missing option")
    func usageError() throws {
        let outcome = try TackleProcess(conninfo: nil).run("trial", "log", "SLAB-CRACK-2026", "--inspected", "5")
        #expect(outcome.status == 64, "\(outcome)")
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderr.contains("--lever"), "\(outcome)")
    }

    @Test("a tracker command on a database without the schema exits 3 and says to migrate")
    func schemaMissing() throws {
        let database = TrackerDatabase(conninfo: try TestDatabase.create(label: "cli_no_schema"))
        defer { database.drop() }
        let outcome = try database.tackle.run("project", "list")
        #expect(outcome.status == 3, "\(outcome)")
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderr.contains("tackle db migrate"), "\(outcome)")
        #expect(outcome.stderr.split(separator: "\n").count == 1, "\(outcome)")
    }

    @Test("a tracker command with no reachable database exits 2 with one line")
    func unreachable() throws {
        let tackle = TackleProcess(conninfo: "postgresql:///tackle?host=/nonexistent/tackle-socket&port=5999")
        let outcome = try tackle.run(
            "trial", "log", "SLAB-CRACK-2026", "--lever", "x", "--inspected", "5",
            "--defective", "0", "--from", "2026-05-01")
        #expect(outcome.status == 2, "\(outcome)")
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderr.split(separator: "\n").count == 1, "\(outcome)")
        #expect(outcome.stderr.contains("/nonexistent/tackle-socket"))
    }
}
