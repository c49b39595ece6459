import Foundation
import LibPQ
import Testing

/// No output at any log level contains the database password, in whatever form the connection
/// string carries it. The test server trusts local connections, so any password connects: the
/// commands below really run, and log everything their level allows.
@Suite("the password is never printed or logged")
struct PasswordLoggingTests {
    static let levels = ["trace", "debug", "info", "notice", "warning", "error", "critical"]

    /// A password no other output could contain by chance, with characters a URI must encode.
    static let secret = "Zq@7 SECRET-\(String(UInt32.random(in: .min ... .max), radix: 16))"

    /// Every way the secret could show: as typed in a URI, decoded, and its distinctive part.
    static var secretForms: [String] {
        [secret, percentEncoded(secret), String(secret.split(separator: " ").last!)]
    }

    static func percentEncoded(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~")))!
    }

    /// The database's connection string with the password added, as a URI and as keywords.
    static func connectionStrings(for database: TrackerDatabase) throws -> [String] {
        let settings = Dictionary(try ConnInfo.parse(database.conninfo).map { ($0.keyword, $0.value) }) { $1 }
        var query: [String] = []
        for keyword in ["host", "port"] {
            if let value = settings[keyword] { query.append("\(keyword)=\(percentEncoded(value))") }
        }
        let user = percentEncoded(settings["user"] ?? "postgres")
        let url =
            "postgresql://\(user):\(percentEncoded(secret))@/\(percentEncoded(settings["dbname"] ?? ""))"
            + (query.isEmpty ? "" : "?" + query.joined(separator: "&"))
        let keywords = database.conninfo + " " + ConnInfo.format([(keyword: "password", value: secret)])
        // Both must really carry the password, or the test proves nothing.
        for conninfo in [url, keywords] {
            #expect(try ConnInfo.parse(conninfo).contains { $0.keyword == "password" && $0.value == secret })
        }
        return [url, keywords]
    }

    static func expectNoSecret(
        _ outcome: TackleProcess.Outcome, _ what: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        for form in secretForms {
            #expect(
                !outcome.stdout.contains(form), "\(what): stdout shows the password", sourceLocation: sourceLocation)
            #expect(
                !outcome.stderr.contains(form), "\(what): stderr shows the password:\n\(outcome.stderr)",
                sourceLocation: sourceLocation)
        }
    }

    @Test("commands at every log level, the password in --database or TACKLE_DATABASE_URL, as a URI or keywords")
    func everyLevel() throws {
        let database = try TrackerDatabase.create(label: "cli_secret")
        defer { database.drop() }
        try database.addPlant()
        try database.openProject("SLAB-CRACK-2026")
        let directory = try ReportDirectory.create("secret")
        defer { directory.remove() }
        var lines = 0
        for conninfo in try Self.connectionStrings(for: database) {
            let unreachable = conninfo.replacingOccurrences(of: "/tackle_test_", with: "/no_such_tackle_test_")
                .replacingOccurrences(of: "dbname='tackle_test_", with: "dbname='no_such_tackle_test_")
            for level in Self.levels {
                var commands: [[String]] = [
                    ["unit", "add", "ZX-\(level)-\(lines)", "--name", "作业区", "--kind", "work-area"],
                    [
                        "scheduler", "run", "--once", "--now", "2026-11-05T09:00:00+08:00", "--catch-up", "1",
                        "--output-dir", directory.path,
                    ],
                ]
                // The levels that log statements and connections get more commands.
                if ["trace", "debug", "info"].contains(level) {
                    commands += [["unit", "list"], ["db", "status"], ["report", "monthly", "--month", "2026-05"]]
                }
                for command in commands {
                    let option = try TackleProcess(conninfo: nil).run(
                        command + ["--database", conninfo, "--log-level", level])
                    #expect(option.status == 0, "\(command) at \(level): \(option)")
                    Self.expectNoSecret(option, "\(command) --database at \(level)")
                    var fromEnvironment = TackleProcess(conninfo: conninfo)
                    fromEnvironment.environment = ["TACKLE_LOG_LEVEL": level]
                    let environment = try fromEnvironment.run(command.map { $0.hasPrefix("ZX-") ? $0 + "e" : $0 })
                    #expect(environment.status == 0, "\(command) at \(level): \(environment)")
                    Self.expectNoSecret(environment, "\(command) TACKLE_DATABASE_URL at \(level)")
                    lines +=
                        option.stderr.split(separator: "\n").count + environment.stderr.split(separator: "\n").count
                }
                let failed = try TackleProcess(conninfo: nil).run(
                    ["unit", "list", "--database", unreachable, "--log-level", level])
                #expect(failed.status == 2, "\(failed)")
                Self.expectNoSecret(failed, "an unreachable database at \(level)")
            }
        }
        // The grep means something only if the low levels really logged (statements, connections).
        #expect(lines > 500, "\(lines) lines of logs were searched")
    }

    @Test("the scheduler service at trace and debug: service-lifecycle logs the service, without the password")
    func schedulerService() throws {
        let database = try TrackerDatabase.create(label: "cli_secret_job")
        defer { database.drop() }
        try database.addPlant()
        try database.openProject("SLAB-CRACK-2026")
        let directory = try ReportDirectory.create("secret-job")
        defer { directory.remove() }
        for conninfo in try Self.connectionStrings(for: database) {
            for level in ["trace", "debug"] {
                let job = try TackleProcess(conninfo: nil).start([
                    "scheduler", "run", "--now", "2026-11-05T09:00:00+08:00", "--catch-up", "1", "--output-dir",
                    directory.path, "--database", conninfo, "--log-level", level,
                ])
                let published = try eventually(within: 20) {
                    try database.integer("SELECT count(*) AS n FROM published_report") == 1
                }
                #expect(published, "the job ran a pass")
                // Into the idle sleep (a later run has nothing to publish: give it its pass).
                sleep(1)
                kill(job.process.processIdentifier, SIGTERM)
                let outcome = try job.wait()
                #expect(outcome.status == 0, "\(outcome)")
                Self.expectNoSecret(outcome, "scheduler run at \(level)")
                // service-lifecycle described the service, with the connection string redacted.
                let described = outcome.stderr.split(separator: "\n").filter { $0.contains("SchedulerService(") }
                #expect(!described.isEmpty, "\(outcome)")
                #expect(described.allSatisfy { $0.contains("password=(redacted)") }, "\(described)")
            }
        }
    }
}
