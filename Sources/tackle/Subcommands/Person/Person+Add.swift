import ArgumentParser
import TackleDomain
import TackleStore

extension PersonCommand {
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add a person.",
            discussion: """
                Example:
                  tackle person add E1001 --name "王磊" --unit CC3 --party-member
                """
        )

        @Argument(help: "The employee number (e.g. E1001).")
        var employeeNo: String
        @Option(help: "The person's name.")
        var name: String
        @Option(help: "The code of the person's unit.")
        var unit: String
        @Flag(help: "The person is a party member.")
        var partyMember = false
        @OptionGroup var actor: ActorOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let person = Person(employeeNo: employeeNo, name: name, unitCode: unit, partyMember: partyMember)
            try global.write(actor) { store in
                try store.addPerson(person, by: actor.resolved)
                return "added person \(employeeNo) \(name)\n"
            }
        }
    }
}
