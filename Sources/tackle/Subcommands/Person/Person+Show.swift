import ArgumentParser
import TackleDomain
import TackleStore

extension PersonCommand {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show one person.", discussion: "Example:\n  tackle person show E1001 --json")

        @Argument(help: "The employee number.")
        var employeeNo: String
        @OptionGroup var format: JSONFlag
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let person = try global.withStore { store in try store.person(employeeNo) }
            if format.json { return try Output.json(person) }
            var fields = [
                ("employee", person.employeeNo), ("name", person.name), ("unit", person.unitCode),
                ("party member", person.partyMember ? "yes" : "no"), ("active", person.active ? "yes" : "no"),
            ]
            if let login = person.login { fields.append(("database login", login)) }
            Output.text(Fields(fields).render())
        }
    }
}
