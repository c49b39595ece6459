import ArgumentParser
import TackleDomain
import TackleStore

extension UnitCommand {
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add a unit.",
            discussion: """
                Examples:
                  tackle unit add PLANT2 --name "第二炼钢厂" --kind plant
                  tackle unit add CC3 --name "连铸三作业区" --kind work-area --parent PLANT2
                """
        )

        @Argument(help: "The unit's short code: letters, digits, -, _ or . (e.g. CC3).")
        var code: String
        @Option(help: "The unit's name.")
        var name: String
        @Option(help: "plant, work-area, section or party-branch.")
        var kind: String
        @Option(help: "The code of the unit it belongs to.")
        var parent: String?
        @OptionGroup var actor: ActorOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let unit = Unit(code: code, name: name, kind: try UnitKind.parse(kind, field: "--kind"), parentCode: parent)
            try global.write(actor) { store in
                try store.addUnit(unit, by: actor.resolved)
                return "added unit \(code)\n"
            }
        }
    }
}
