import ArgumentParser
import TackleDomain
import TackleReport
import TackleStore

/// `tackle member`: who works on a project.
struct MemberCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "member",
        abstract: "Project members: leader, deputies, members, technical advisors.",
        discussion: """
            Examples:
              tackle member add SLAB-CRACK-2026 E1002 --role member
              tackle member leave SLAB-CRACK-2026 E1002 --on 2026-10-31 --reason "调岗"
              tackle member list SLAB-CRACK-2026
            """,
        subcommands: [Add.self, Leave.self, List.self]
    )

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add a person to a project.",
            discussion: """
                The person must be active. A project has one leader: `project change-leader` hands it over, \
                so --role leader is refused while the project has one.

                Example:
                  tackle member add SLAB-CRACK-2026 E1002 --role deputy
                """
        )

        @Argument(help: "The project key.")
        var key: String
        @Argument(help: "The person's employee number.")
        var employeeNo: String
        @Option(help: "deputy, member or advisor (the leader is changed with `project change-leader`).")
        var role: String = "member"
        @Option(help: "The joining date, YYYY-MM-DD (default: today, plant time).")
        var on: String?
        @OptionGroup var plant: PlantOptions
        @OptionGroup var actor: ActorOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let role = try MemberRole.parse(role, field: "--role")
            let date = try Input.dayUpToToday(on, field: "--on", today: plant.clock().date())
            try global.write(actor) { store in
                let member = try store.addMember(employeeNo, to: key, role: role, joinedOn: date, by: actor.resolved)
                return "added \(member.employeeNo) \(member.name) to \(key) as \(member.role)\n"
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List a project's members.", discussion: "Example:\n  tackle member list SLAB-CRACK-2026 --json")

        @Argument(help: "The project key.")
        var key: String
        @OptionGroup var format: JSONFlag
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let members = try global.withStore { store in try store.members(of: key) }
            if format.json { return try Output.json(members) }
            Output.text(Self.table(members))
        }

        static func table(_ members: [Member]) -> String {
            var table = TextTable(columns: [
                .init("EMPLOYEE"), .init("NAME"), .init("ROLE"), .init("JOINED"), .init("LEFT"),
            ])
            for member in members {
                table.append([
                    member.employeeNo, member.name, member.role.rawValue, member.joinedOn.description,
                    member.leftOn?.description ?? "",
                ])
            }
            return table.render()
        }
    }
}
