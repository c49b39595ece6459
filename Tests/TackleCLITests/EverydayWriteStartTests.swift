import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `trial log`, `project open` and `metric record` start quicker than other commands: they are
/// parsed as commands of their own, and their store is opened while their arguments are parsed.
/// What a user sees must not change: help, usage errors, where the database is and what happens
/// when it cannot be reached or is not ready.
@Suite("everyday writes: quick start, same behaviour")
struct EverydayWriteStartTests {
    static let key = "SLAB-CRACK-2026"

    static func trialLog(_ extra: String...) -> [String] {
        [
            "trial", "log", key, "--lever", "secondary cooling", "--param", "specific_water=0.62L/kg",
            "--inspected", "320", "--defective", "3", "--from", "2026-05-01",
        ] + extra
    }

    static let unreachable = "postgresql:///tackle?host=/nonexistent/everyday-socket&port=5999"

    @Test("help and usage errors name the whole command, as parsing from the root does")
    func helpAndUsage() throws {
        let tackle = TackleProcess(conninfo: Self.unreachable)
        for (group, command) in [("trial", "log"), ("project", "open"), ("metric", "record")] {
            let help = try tackle.run(group, command, "--help")
            #expect(help.status == 0, "\(help)")
            #expect(help.stdout.contains("USAGE: tackle \(group) \(command)"), "\(help)")

            let usage = try tackle.run(group, command, "KEY", "--no-such-option")
            #expect(usage.status == 64, "\(usage)")
            #expect(usage.stderr.hasPrefix("Error: "), "\(usage)")
            #expect(usage.stderr.contains("Usage: tackle \(group) \(command)"), "\(usage)")
            #expect(!usage.stderr.contains("connect"), "a usage error says nothing of the database: \(usage)")
        }
        let unknown = try tackle.run(Self.trialLog("--no-such-option"))
        #expect(unknown.status == 64, "\(unknown)")
        #expect(unknown.stderr.contains("Unknown option '--no-such-option'"), "\(unknown)")
        #expect(unknown.stderr.contains("Usage: tackle trial log"), "\(unknown)")
    }

    @Test("--version prints the version alone, with no database")
    func version() throws {
        let outcome = try TackleProcess(conninfo: Self.unreachable).run("--version")
        #expect(outcome.status == 0, "\(outcome)")
        #expect(outcome.stdout.wholeMatch(of: /\d+\.\d+\.\d+\n/) != nil, "\(outcome)")
        #expect(outcome.stderr.isEmpty, "\(outcome)")
    }

    /// A TCP port on the loopback that takes connections and never answers: libpq's startup waits
    /// there until its connect timeout.
    static func silentServer() throws -> (port: Int, socket: Int32) {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        try #require(socket >= 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(socket, pointer, length) == 0 && listen(socket, 16) == 0
                    && getsockname(socket, pointer, &length) == 0
            }
        }
        try #require(bound)
        return (Int(UInt16(bigEndian: address.sin_port)), socket)
    }

    @Test("a usage error does not wait for a server that does not answer")
    func usageErrorDoesNotWait() throws {
        let server = try Self.silentServer()
        defer { close(server.socket) }
        let tackle = TackleProcess(conninfo: "postgresql://127.0.0.1:\(server.port)/tackle?connect_timeout=10")
        let usage = try tackle.run(Self.trialLog("--no-such-option"))
        #expect(usage.status == 64, "\(usage)")
        #expect(usage.seconds < 3, "exited without waiting for the connection: \(usage.seconds) s")
        let help = try tackle.run("report", "monthly", "--help")
        #expect(help.status == 0, "\(help)")
        #expect(help.seconds < 3, "\(help.seconds) s")
    }

    @Test("an unreachable database: exit 2, one line naming where the location came from")
    func unreachableDatabase() throws {
        let tackle = TackleProcess(conninfo: Self.unreachable)
        let outcome = try tackle.run(Self.trialLog())
        #expect(outcome.status == 2, "\(outcome)")
        #expect(outcome.stderr.split(separator: "\n").count == 1, "\(outcome)")
        #expect(outcome.stderr.contains("/nonexistent/everyday-socket"), "\(outcome)")
        #expect(outcome.stderr.contains("TACKLE_DATABASE_URL"), "\(outcome)")
    }

    @Test("--database, as two words or with =, wins over TACKLE_DATABASE_URL")
    func databaseOption() throws {
        let database = try TrackerDatabase.withProject(Self.key, label: "everyday_option")
        defer { database.drop() }
        let elsewhere = TackleProcess(conninfo: Self.unreachable)
        try elsewhere.succeed(Self.trialLog("--database", database.conninfo))
        try elsewhere.succeed(Self.trialLog("--database=\(database.conninfo)"))
        #expect(try database.integer("SELECT count(*) AS n FROM trial") == 2)

        let wrong = try database.tackle.run(Self.trialLog("--database", Self.unreachable))
        #expect(wrong.status == 2, "\(wrong)")
        #expect(wrong.stderr.contains("from the command line"), "\(wrong)")
        #expect(try database.integer("SELECT count(*) AS n FROM trial") == 2)
    }

    @Test("a database not migrated: exit 3 with db status's message; --log-level still logs")
    func notMigrated() throws {
        let conninfo = try TestDatabase.create(label: "everyday_unmigrated")
        defer { try? TestDatabase.drop(conninfo: conninfo) }
        let tackle = TackleProcess(conninfo: conninfo)
        // The same refusal as a command parsed from the root and opening its store late.
        let list = try tackle.run("project", "list")
        #expect(list.status == 3, "\(list)")
        let outcome = try tackle.run(Self.trialLog())
        #expect(outcome.status == 3, "\(outcome)")
        #expect(outcome.stderr == list.stderr, "\(outcome)")

        let logged = try tackle.run(Self.trialLog("--log-level", "debug"))
        #expect(logged.status == 3, "\(logged)")
        #expect(logged.stderr.contains("debug"), "debug lines on stderr: \(logged)")
    }
}
