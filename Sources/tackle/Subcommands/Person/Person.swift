import ArgumentParser

/// `tackle person`: people at the plant, by employee number.
struct PersonCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "person",
        abstract: "People at the plant, keyed by employee number.",
        discussion: """
            Examples:
              tackle person add E1001 --name "王磊" --unit CC3 --party-member
              tackle person show E1001
              tackle person edit E1002 --unit TECH --reason "调往技术科"
              tackle person edit E1018 --inactive --reason "退休"
            """,
        subcommands: [Add.self, Edit.self, List.self, Show.self]
    )
}
