import ArgumentParser
import TackleDomain
import TackleStore

extension UnitCommand {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List the units.", discussion: "Example:\n  tackle unit list --json")

        @OptionGroup var format: JSONFlag
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let units = try global.withStore { store in try store.units() }
            if format.json { return try Output.json(units) }
            var table = TextTable(columns: [.init("CODE"), .init("NAME"), .init("KIND"), .init("PARENT")])
            for unit in units {
                table.append([unit.code, unit.name, unit.kind.rawValue, unit.parentCode ?? ""])
            }
            Output.text(table.render())
        }
    }
}
