import ArgumentParser
import TackleDomain
import TackleStore

extension PersonCommand {
    /// `tackle person edit`: a person's name, unit, party membership, active or not.
    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "edit",
            abstract:
                "Change a person's name, unit, party membership or database login, or mark them inactive, with a reason.",
            discussion: """
                An inactive person stays on record and in the projects they worked on, but cannot join a project, \
                own a milestone or lead a project.

                --login maps a database login to the person: a login that is not the owner's or a tackle_service \
                login then acts as this person in the history, whatever --actor says. Only a tackle_owner login \
                or a superuser may change it (a writer cannot make itself someone else); --login '' clears it.

                Examples:
                  tackle person edit E1002 --name "李晓东" --unit TECH --reason "调往技术科"
                  tackle person edit E1018 --inactive --reason "退休"
                  tackle person edit E1001 --login wang_lei --reason "个人数据库账号"
                """
        )

        @Argument(help: "The employee number.")
        var employeeNo: String
        @Option(help: "A new name.")
        var name: String?
        @Option(help: "A new unit code.")
        var unit: String?
        @Flag(inversion: .prefixedNo, help: "Party member or not.")
        var partyMember: Bool?
        @Flag(help: "Mark the person inactive (left the plant, retired).")
        var inactive = false
        @Flag(help: "Mark the person active again.")
        var active = false
        @Option(help: ArgumentHelp("The database login that acts as this person ('' clears it).", valueName: "login"))
        var login: String?
        @Option(help: "Why (required; recorded in the history).")
        var reason: String
        @OptionGroup var actor: ActorOptions
        @OptionGroup var global: GlobalOptions

        func validate() throws {
            if inactive && active {
                throw ValidationError("give --inactive or --active, not both")
            }
        }

        func run() throws {
            try global.write(actor) { store in
                let person = try store.editPerson(
                    employeeNo, name: name, unitCode: unit, partyMember: partyMember,
                    active: inactive ? false : (active ? true : nil), login: login, reason: reason, by: actor.resolved)
                return "\(person.employeeNo) \(person.name), \(person.unitCode)\(person.active ? "" : ", inactive")\n"
            }
        }
    }
}
