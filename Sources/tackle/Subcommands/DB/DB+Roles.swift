import ArgumentParser
import TackleStore

extension DB {
    /// `tackle db roles`: the SQL that creates login roles in tackle's groups, or runs it.
    struct Roles: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "roles",
            abstract: "Print (or with --apply, run) the SQL that creates database logins in tackle's groups.",
            discussion: """
                `tackle db migrate` creates four NOLOGIN groups: tackle_owner owns every table and is the only \
                role that migrates; tackle_writer does what the commands need (engineers, the scheduled job); \
                tackle_reader only reads (management, BI tools, the notice board); tackle_service may act for \
                others with --actor (the scheduler, an integration). This command makes logins in them: \
                --service logins join tackle_service and tackle_writer. The groups are created first when \
                missing, so a non-superuser migrating login (--owner) can be made before the first migration.

                Without --apply it prints SQL to review and run with psql as a superuser or a login with \
                CREATEROLE. Set each password in psql with \\password NAME, which sends only a hash; or give \
                --password-env VAR with --apply to set the password held in environment variable VAR (never \
                on the command line, so not in the shell's history). Logins that authenticate by certificate \
                or LDAP (pg_hba.conf) need no password.

                An engineer's login acts as one person: map it with `tackle person edit E1001 --login wang_lei`.

                Examples:
                  tackle db roles --writer wang_lei --writer li_na --reader board | psql "$ADMIN_URL"
                  tackle db roles --owner tackle_migrator --service tackle_job --apply
                  TACKLE_NEW_PASSWORD=... tackle db roles --writer wang_lei --apply --password-env TACKLE_NEW_PASSWORD
                """
        )

        @Option(help: ArgumentHelp("A login that runs migrations (joins tackle_owner).", valueName: "name"))
        var owner: [String] = []
        @Option(help: ArgumentHelp("A login for everyday commands (joins tackle_writer).", valueName: "name"))
        var writer: [String] = []
        @Option(help: ArgumentHelp("A login that only reads (joins tackle_reader).", valueName: "name"))
        var reader: [String] = []
        @Option(
            help: ArgumentHelp(
                "A login that may act for others (joins tackle_service and tackle_writer).", valueName: "name"))
        var service: [String] = []
        @Flag(help: "Run the SQL on the database instead of printing it.")
        var apply = false
        @Option(
            help: ArgumentHelp(
                "With --apply: set each login's password to the value of this environment variable.",
                valueName: "variable"))
        var passwordEnv: String?
        @OptionGroup var global: GlobalOptions

        func validate() throws {
            if owner.isEmpty && writer.isEmpty && reader.isEmpty && service.isEmpty {
                throw ValidationError("name at least one login: --owner, --writer, --reader or --service")
            }
            if passwordEnv != nil && !apply {
                throw ValidationError("--password-env needs --apply (printed SQL never holds a password)")
            }
        }

        func run() throws {
            let logins =
                try owner.map { try LoginRole(name: $0, groups: [.owner], field: "owner") }
                + writer.map { try LoginRole(name: $0, groups: [.writer], field: "writer") }
                + reader.map { try LoginRole(name: $0, groups: [.reader], field: "reader") }
                + service.map { try LoginRole(name: $0, groups: [.service, .writer], field: "service") }
            var password: String?
            if let passwordEnv {
                guard let value = Environment.current[passwordEnv], !value.isEmpty else {
                    throw ValidationError("--password-env: environment variable \(passwordEnv) is not set or empty")
                }
                password = value
            }
            guard apply else {
                print("-- tackle db roles: run as a superuser or a login with CREATEROLE.")
                print("-- The groups, as `tackle db migrate` makes them (so --owner can precede the first migration):")
                print(LoginRole.groupsSQL)
                for login in logins {
                    print(login.sql)
                    print("-- then in psql: \\password \(login.name)")
                }
                return
            }
            try global.withStore(requireCurrentSchema: false) { store in
                try store.createLogins(logins, password: password)
            }
            for login in logins {
                let groups = login.groups.map(\.rawValue).joined(separator: ", ")
                print("login \(login.name): \(groups)\(password == nil ? "" : ", password set")")
            }
        }
    }
}
