import ArgumentParser

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Who is acting, recorded in the history of every change.
struct ActorOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Who is acting, recorded in the history (default: TACKLE_ACTOR, else the OS user).", valueName: "name"))
    var actor: String?

    /// `--actor`, else `TACKLE_ACTOR`, else the login name of the process's user.
    var resolved: String {
        if let actor, !actor.isEmpty { return actor }
        if let name = Environment.current["TACKLE_ACTOR"], !name.isEmpty { return name }
        if let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name { return String(cString: name) }
        return "uid \(geteuid())"
    }
}

/// `--json` on list and show commands.
struct JSONFlag: ParsableArguments {
    @Flag(name: .long, help: "Print JSON (stable snake_case field names; see the README) instead of text.")
    var json = false
}
