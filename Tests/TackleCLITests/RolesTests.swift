import Foundation
import LibPQ
import TestSupport
import Testing

/// Least privilege (issue 11): a tackle_writer login does every everyday job and cannot forge the
/// record; the history keeps the database login; only owner and service logins act for others.
///
/// Logins are cluster-wide: each test makes its own, with a random name, and drops it at the end.
@Suite("roles and privileges")
struct RolesTests {
    static let key = "SLAB-CRACK-2026"

    /// A login role made for one test on the test server, dropped by ``drop()``.
    struct Login {
        let name: String
        let database: TrackerDatabase

        /// Creates `rt_<label>_<hex>` with the given SQL role options and groups.
        init(_ label: String, options: String = "", groups: [String], on database: TrackerDatabase) throws {
            name = "rt_\(label)_\(String(UInt32.random(in: .min ... .max), radix: 16))"
            self.database = database
            let inRole = groups.isEmpty ? "" : " IN ROLE " + groups.joined(separator: ", ")
            try PostgresConnection.withConnection(conninfo: try TestDatabase.adminConninfo()) { connection in
                // Names and groups come from this file only ([a-z0-9_]).
                try connection.executeScript("CREATE ROLE \(name) LOGIN \(options)\(inRole)")
            }
        }

        /// The database's connection string with this login as the user.
        var conninfo: String {
            get throws {
                var pairs = try ConnInfo.parse(database.conninfo).filter { $0.keyword != "user" }
                pairs.append((keyword: "user", value: name))
                return ConnInfo.format(pairs)
            }
        }

        /// `tackle` as this login, with no actor named (TACKLE_ACTOR removed).
        var tackle: TackleProcess {
            get throws {
                var process = TackleProcess(conninfo: try conninfo)
                process.removedEnvironment = ["TACKLE_ACTOR"]
                return process
            }
        }

        func drop() {
            try? PostgresConnection.withConnection(conninfo: try TestDatabase.adminConninfo()) { connection in
                try connection.executeScript("DROP ROLE IF EXISTS \(name)")
            }
        }
    }

    /// A migrated database with the plant, and a writer login mapped to E1001.
    static func seeded(_ label: String) throws -> (TrackerDatabase, Login) {
        let database = try TrackerDatabase.create(label: label)
        do {
            try database.addPlant()
            let writer = try Login("w", groups: ["tackle_writer"], on: database)
            do {
                try database.setUp("person", "edit", "E1001", "--login", writer.name, "--reason", "个人账号")
            } catch {
                writer.drop()
                throw error
            }
            return (database, writer)
        } catch {
            database.drop()
            throw error
        }
    }

    @Test("a tackle_writer login does the everyday jobs, without a warning, recorded as its person and login")
    func writerEverydayCommands() throws {
        let (database, writer) = try Self.seeded("cli_roles_writer")
        defer {
            database.drop()
            writer.drop()
        }
        let tackle = try writer.tackle
        let reports = FileManager.default.temporaryDirectory.appendingPathComponent("tackle-roles-\(UUID())")
        defer { try? FileManager.default.removeItem(at: reports) }
        let steps: [[String]] = [
            ["unit", "add", "CC4", "--name", "连铸四作业区", "--kind", "work-area"],
            ["person", "add", "E2001", "--name", "赵敏", "--unit", "CC4"],
            ["person", "edit", "E2001", "--name", "赵敏敏", "--reason", "更正"],
            [
                "project", "open", Self.key, "--title", "板坯纵裂攻关", "--unit", "CC3", "--leader", "E1001",
                "--metric", "longitudinal crack rate", "--baseline", "48/1500", "--baseline-period",
                "2026-01..2026-03", "--target", "0.5%", "--due", "2026-12-31", "--opened", "2026-04-01",
                "--selection", "open",
            ],
            ["member", "add", Self.key, "E1002", "--role", "member", "--on", "2026-04-02"],
            ["milestone", "add", Self.key, "--title", "二冷试验", "--due", "2026-06-30"],
            ["milestone", "done", Self.key, "1", "--on", "2026-05-20"],
            [
                "trial", "log", Self.key, "--lever", "secondary cooling", "--param", "specific_water=0.62L/kg",
                "--inspected", "320", "--defective", "3", "--from", "2026-05-01",
            ],
            ["trial", "correct", Self.key, "T1", "--defective", "4", "--reason", "复检"],
            ["metric", "record", Self.key, "--month", "2026-05", "--inspected", "1000", "--defective", "20"],
            ["project", "edit", Self.key, "--title", "板坯纵裂攻关（二期）", "--reason", "更名"],
            ["report", "monthly", "--month", "2026-05"],
            ["report", "publish", "--month", "2026-05", "--output-dir", reports.path],
            ["report", "archive"],
            ["assessment", "rubric", "set", "--bottom", "4", "--from", "2026-07", "--reason", "党委会决定"],
            ["project", "set-status", Self.key, "on-hold", "--reason", "检修"],
            ["history", Self.key],
        ]
        for step in steps {
            let outcome = try tackle.run(step)
            #expect(outcome.status == 0, "tackle \(step.joined(separator: " ")): \(outcome)")
            #expect(
                !outcome.stderr.contains("warning"),
                "a writer gets no warning: tackle \(step.joined(separator: " ")): \(outcome)")
        }
        let entries = try OutputJSON.decode(
            [OutputJSON.HistoryEntry].self, from: try tackle.succeed("history", Self.key, "--json"))
        #expect(entries.count >= 6, "\(entries)")
        for entry in entries {
            #expect(entry.login == writer.name, "\(entry)")
            #expect(entry.actor == "E1001", "the login's person acts: \(entry)")
        }
        #expect(try database.integer("SELECT count(*) AS n FROM published_report WHERE period = '2026-05-01'") == 1)
        #expect(
            try database.integer("SELECT count(*) AS n FROM assessment_rubric WHERE version = 2 AND actor = 'E1001'")
                == 1,
            "the rubric's actor is the login's person")
    }

    @Test("a tackle_writer cannot forge the record: 42501 for every way around the commands")
    func writerForgeriesRefused() throws {
        let (database, writer) = try Self.seeded("cli_roles_forgery")
        defer {
            database.drop()
            writer.drop()
        }
        let before = try database.integer("SELECT count(*) AS n FROM history")
        let forgeries = [
            "INSERT INTO history (actor, table_name, row_id, action) VALUES ('forged', 'unit', 1, 'insert')",
            "UPDATE history SET actor = 'forged'",
            "DELETE FROM history",
            "TRUNCATE history",
            "ALTER TABLE history DISABLE TRIGGER history_append_only",
            "ALTER TABLE published_report DISABLE TRIGGER published_report_append_only",
            """
            INSERT INTO published_report (period, instance, data_cutoff, time_zone, text_report, json_report,
                                          text_sha256, json_sha256)
            VALUES ('2030-01-01', 'forged', '2030-01-31', 'UTC', '', '{}', repeat('0', 64), repeat('0', 64))
            """,
            "INSERT INTO project_status_change (project_id, status, effective_on) VALUES (1, 'active', '2026-01-01')",
            "UPDATE person SET login = 'someone_else' WHERE employee_no = 'E1002'",
            "CREATE TABLE forged (id integer)",
            "DROP TABLE trial",
            "ALTER TABLE trial DROP CONSTRAINT trial_defective_within_inspected",
            // Naming someone else through the setting the CLI uses.
            "SELECT set_config('tackle.actor', 'E1002', false); INSERT INTO unit (code, name, kind) VALUES ('Z9', 'z', 'section')",
        ]
        try PostgresConnection.withConnection(conninfo: try writer.conninfo) { connection in
            for sql in forgeries {
                let error = #expect(throws: PostgresError.self, "\(sql)") { try connection.executeScript(sql) }
                #expect(
                    error?.sqlState == PostgresError.SQLState.insufficientPrivilege,
                    "\(sql): \(String(describing: error))")
            }
            // Publishing goes through the owner's function, which refuses a month not begun.
            let future = #expect(throws: PostgresError.self) {
                try connection.query(
                    "SELECT tackle_publish_report('2030-01-01', true, NULL, 'x', 'UTC', 'en', '{}', 't', '{}')")
            }
            #expect(future?.constraint == "published_report_not_future", "\(String(describing: future))")
        }
        #expect(try database.integer("SELECT count(*) AS n FROM history") == before, "nothing written")
        #expect(try database.integer("SELECT count(*) AS n FROM published_report") == 0)
        #expect(try database.integer("SELECT count(*) AS n FROM unit WHERE code = 'Z9'") == 0)
    }

    @Test("--actor naming someone else is refused for a writer login, and nothing is written")
    func actorRefusedForWriter() throws {
        let (database, writer) = try Self.seeded("cli_roles_actor")
        defer {
            database.drop()
            writer.drop()
        }
        let tackle = try writer.tackle
        let before = try database.integer("SELECT count(*) AS n FROM history")
        let refused = try tackle.run(
            "unit", "add", "CC4", "--name", "连铸四作业区", "--kind", "work-area", "--actor", "E1002")
        #expect(refused.status == 1, "\(refused)")
        #expect(refused.stderr.hasPrefix("Error: --actor: "), "\(refused)")
        #expect(refused.stderr.contains("tackle_service"), "the message says the rule: \(refused)")
        #expect(refused.stderr.split(separator: "\n").count == 1, "\(refused)")
        var viaEnvironment = tackle
        viaEnvironment.environment["TACKLE_ACTOR"] = "厂党委书记"
        viaEnvironment.removedEnvironment = []
        let refusedTrial = try viaEnvironment.run("unit", "add", "CC5", "--name", "五", "--kind", "work-area")
        #expect(refusedTrial.status == 1, "TACKLE_ACTOR is a claim too: \(refusedTrial)")
        #expect(try database.integer("SELECT count(*) AS n FROM unit WHERE code IN ('CC4', 'CC5')") == 0)
        #expect(try database.integer("SELECT count(*) AS n FROM history") == before)

        // Naming oneself is fine; a login mapped to nobody is refused whatever it names.
        try tackle.succeed("unit", "add", "CC4", "--name", "连铸四作业区", "--kind", "work-area", "--actor", "E1001")
        let stranger = try Login("s", groups: ["tackle_writer"], on: database)
        defer { stranger.drop() }
        let unmapped = try stranger.tackle.run("unit", "add", "CC6", "--name", "六", "--kind", "work-area")
        #expect(unmapped.status == 1, "\(unmapped)")
        #expect(unmapped.stderr.contains("not mapped to a person"), "\(unmapped)")
        // A writer cannot map a login (its own or another's) to a person.
        let remap = try tackle.run("person", "edit", "E1002", "--login", stranger.name, "--reason", "x")
        #expect(remap.status == 1, "\(remap)")
        #expect(try database.integer("SELECT count(*) AS n FROM person WHERE login IS NOT NULL") == 1)
        let shown = try OutputJSON.object(try database.tackle.succeed("person", "show", "E1001", "--json").stdout)
        #expect(shown["login"] as? String == writer.name, "\(shown)")
        // The owner clears a mapping with --login ''.
        try database.tackle.succeed("person", "edit", "E1001", "--login", "", "--reason", "离职")
        #expect(try database.integer("SELECT count(*) AS n FROM person WHERE login IS NOT NULL") == 0)
    }

    @Test("a tackle_service login acts for whom --actor names; history shows both actor and login")
    func serviceActsForOthers() throws {
        let (database, writer) = try Self.seeded("cli_roles_service")
        defer {
            database.drop()
            writer.drop()
        }
        let service = try Login("svc", groups: ["tackle_writer", "tackle_service"], on: database)
        defer { service.drop() }
        var tackle = try service.tackle
        let outcome = try tackle.run("unit", "add", "CC4", "--name", "连铸四作业区", "--kind", "work-area", "--actor", "集成接口")
        #expect(outcome.status == 0 && outcome.stderr.isEmpty, "\(outcome)")
        try database.openProject(Self.key)
        tackle.environment["TACKLE_ACTOR"] = "排程"
        tackle.removedEnvironment = []
        try tackle.succeed(
            "trial", "log", Self.key, "--lever", "secondary cooling", "--inspected", "320", "--defective", "3",
            "--from", "2026-05-01")
        let rows = try database.withConnection { connection in
            try connection.query(
                "SELECT actor, login FROM history WHERE table_name IN ('unit', 'trial') AND login = $1 ORDER BY id",
                [service.name]
            ).map { (try $0.decode(String.self, "actor"), try $0.decode(String.self, "login")) }
        }
        #expect(rows.map(\.0) == ["集成接口", "排程"], "\(rows)")
        let text = try tackle.succeed("history", Self.key)
        #expect(text.stdout.contains("LOGIN"), "\(text.stdout)")
        #expect(text.stdout.contains(service.name), "\(text.stdout)")
    }

    @Test("as a superuser or an owner login the CLI warns once on stderr; db commands and service logins do not")
    func privilegedLoginsWarn() throws {
        let database = try TrackerDatabase.create(label: "cli_roles_warn")
        defer { database.drop() }
        let superuser = try Login("su", options: "SUPERUSER", groups: [], on: database)
        defer { superuser.drop() }
        let owner = try Login("own", groups: ["tackle_owner"], on: database)
        defer { owner.drop() }
        for login in [superuser, owner] {
            let tackle = try login.tackle
            let listed = try tackle.run("unit", "list")
            #expect(listed.status == 0, "\(listed)")
            let lines = listed.stderr.split(separator: "\n")
            #expect(lines.count == 1, "\(listed)")
            #expect(lines.first?.hasPrefix("warning: database login \(login.name) is ") == true, "\(listed)")
            let status = try tackle.run("db", "status")
            #expect(status.status == 0 && status.stderr.isEmpty, "db commands do not warn: \(status)")
        }
        // The owner's login still acts for whom it names (it could rewrite the record anyway).
        var ownerTackle = try owner.tackle
        ownerTackle.environment["TACKLE_ACTOR"] = "管理员"
        ownerTackle.removedEnvironment = []
        try ownerTackle.run(["unit", "add", "CC4", "--name", "四", "--kind", "work-area"])
        #expect(
            try database.integer("SELECT count(*) AS n FROM history WHERE actor = '管理员' AND login = $1", [owner.name])
                == 1)
    }

    @Test("db roles prints the SQL for logins in the groups, and --apply creates them")
    func dbRoles() throws {
        let database = try TrackerDatabase.create(label: "cli_roles_dbroles")
        defer { database.drop() }
        let suffix = String(UInt32.random(in: .min ... .max), radix: 16)
        let writer = "rt_dbw_\(suffix)"
        let service = "rt_dbs_\(suffix)"
        defer {
            try? PostgresConnection.withConnection(conninfo: try TestDatabase.adminConninfo()) { connection in
                try connection.executeScript("DROP ROLE IF EXISTS \(writer); DROP ROLE IF EXISTS \(service)")
            }
        }
        let printed = try database.tackle.succeed("db", "roles", "--writer", writer, "--service", service)
        #expect(printed.stdout.contains("GRANT tackle_writer TO \"\(writer)\";"), "\(printed)")
        #expect(printed.stdout.contains("GRANT tackle_service TO \"\(service)\";"), "\(printed)")
        #expect(printed.stdout.contains("\\password \(writer)"), "\(printed)")
        #expect(try database.integer("SELECT count(*) AS n FROM pg_roles WHERE rolname = $1", [writer]) == 0)

        var tackle = database.tackle
        tackle.environment["RT_PASSWORD"] = "s3cret-\(suffix)"
        let applied = try tackle.run(
            "db", "roles", "--writer", writer, "--service", service, "--apply", "--password-env", "RT_PASSWORD",
            "--log-level", "trace")
        #expect(applied.status == 0, "\(applied)")
        #expect(!applied.stderr.contains("s3cret") && !applied.stdout.contains("s3cret"), "\(applied)")
        let members = try database.withConnection { connection in
            try connection.query(
                """
                SELECT u.rolname || ':' || g.rolname AS grant_, u.rolpassword IS NOT NULL AS has_password
                FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid JOIN pg_authid u ON u.oid = m.member
                WHERE u.rolname IN ($1, $2) ORDER BY 1
                """, [writer, service]
            ).map { (try $0.decode(String.self, "grant_"), try $0.decode(Bool.self, "has_password")) }
        }
        #expect(
            members.map(\.0)
                == ["\(service):tackle_service", "\(service):tackle_writer", "\(writer):tackle_writer"].sorted(),
            "\(members)")
        let withPasswords = members.filter { $0.1 }.count
        #expect(withPasswords == members.count, "passwords set: \(members)")

        let bad = try database.tackle.run("db", "roles", "--writer", "Robert'); DROP TABLE trial; --")
        #expect(bad.status == 1 && bad.stderr.hasPrefix("Error: --writer: "), "\(bad)")
    }
}
