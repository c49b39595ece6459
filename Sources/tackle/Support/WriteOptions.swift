import ArgumentParser
import FoundationEssentials
import TackleDomain

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

    @Option(
        name: .customLong("request-id"),
        help: ArgumentHelp(
            "An idempotency key: run again with the same UUID, the write is not repeated and the first output is "
                + "printed again (default: TACKLE_REQUEST_ID).",
            valueName: "uuid"))
    var requestIDText: String?

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

    /// `--request-id`, else `TACKLE_REQUEST_ID`, else none.
    ///
    /// - Throws: ``DomainError`` naming `--request-id` when the value is not a UUID.
    func requestID() throws -> UUID? {
        let text = requestIDText ?? Environment.current["TACKLE_REQUEST_ID"].flatMap { $0.isEmpty ? nil : $0 }
        guard let text else { return nil }
        guard let id = UUID(uuidString: text) else {
            throw DomainError(
                .invalidValue, field: "--request-id",
                message: "\(text.debugDescription) is not a UUID (e.g. \(UUID().uuidString.lowercased()), from uuidgen)"
            )
        }
        return id
    }

    /// What a request id is recorded with: the subcommand and its arguments as typed, without the
    /// options that say where and how to run (`--request-id`, `--database`, `--log-level`).
    static func requestCommand(arguments: [String] = CommandLine.arguments) -> String {
        let dropped: Set<String> = ["--request-id", "--database", "--log-level"]
        var kept: [String] = []
        var skipNext = false
        for argument in arguments.dropFirst() {
            if skipNext {
                skipNext = false
            } else if dropped.contains(argument) {
                skipNext = true
            } else if !dropped.contains(where: { argument.hasPrefix($0 + "=") }) {
                kept.append(argument)
            }
        }
        return kept.joined(separator: " ")
    }
}

/// `--json` on list and show commands.
struct JSONFlag: ParsableArguments {
    @Flag(name: .long, help: "Print JSON (stable snake_case field names; see the README) instead of text.")
    var json = false
}
