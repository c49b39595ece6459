import ArgumentParser

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Who is acting, recorded in the history of every change.
///
/// The database has the last word (`tackle_acting_person()`, sql/0007_roles.sql): a superuser, the
/// owner and members of `tackle_service` act for whoever `--actor` names; any other login acts as
/// the person mapped to it (`tackle person edit E1001 --login wang_lei`), and naming someone else
/// is refused.
struct ActorOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            """
            Who is acting, recorded in the history (default: TACKLE_ACTOR, else the OS user). Honoured for \
            superusers, the owner and tackle_service logins; any other login acts as its own person.
            """, valueName: "name"))
    var actor: String?

    /// Whom `--actor`, else `TACKLE_ACTOR`, names; empty when neither does (no claim: the database
    /// records the store's fallback actor, the OS user, or the login's own person).
    var resolved: String {
        if let actor, !actor.isEmpty { return actor }
        if let name = Environment.current["TACKLE_ACTOR"], !name.isEmpty { return name }
        return ""
    }

    /// The login name of the process's user: who acts when nobody is named and the login may act for others.
    static var operatingSystemUser: String {
        if let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name { return String(cString: name) }
        return "uid \(geteuid())"
    }
}

/// `--json` on list and show commands.
struct JSONFlag: ParsableArguments {
    @Flag(name: .long, help: "Print JSON (stable snake_case field names; see the README) instead of text.")
    var json = false
}
