import ArgumentParser
import TackleDomain
import TackleStore

/// `tackle history`: every recorded change of a project.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Show every recorded change of a project: who, when, what, from what to what, why.",
        discussion: """
            The history is written by the database itself and cannot be changed or deleted.

            Example:
              tackle history SLAB-CRACK-2026 --json | jq '.[] | select(.entity == "trial")'
            """
    )

    @Argument(help: "The project key.")
    var key: String
    @OptionGroup var format: JSONFlag
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let entries = try global.withStore { store in try store.history(of: key) }
        if format.json { return try Output.json(entries) }
        var table = TextTable(columns: [
            .init("WHEN (UTC)"), .init("WHO"), .init("WHAT"), .init("RECORD"), .init("CHANGE", maxWidth: 80),
            .init("REASON"),
        ])
        for entry in entries {
            let change: String
            switch entry.action {
            case "insert": change = "created"
            case "delete": change = "deleted"
            default: change = "\(entry.oldValues ?? "{}") -> \(entry.newValues ?? "{}")"
            }
            table.append([entry.at, entry.actor, entry.entity, entry.record, change, entry.reason ?? ""])
        }
        Output.text(table.render())
    }
}
