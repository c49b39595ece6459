import ArgumentParser
import TackleDomain
import TackleStore

extension PersonCommand {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List people.",
            discussion: "Example:\n  tackle person list --unit CC3 --json"
        )

        @Option(help: "Only the people of this unit.")
        var unit: String?
        @OptionGroup var format: JSONFlag
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let people = try global.withStore { store in try store.people(unitCode: unit) }
            if format.json { return try Output.json(people) }
            var table = TextTable(columns: [
                .init("EMPLOYEE"), .init("NAME"), .init("UNIT"), .init("PARTY"), .init("ACTIVE"),
            ])
            for person in people {
                table.append([
                    person.employeeNo, person.name, person.unitCode, person.partyMember ? "yes" : "",
                    person.active ? "yes" : "no",
                ])
            }
            Output.text(table.render())
        }
    }
}
