import ArgumentParser

@main
struct Tackle: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tackle",
        abstract: "Track tackling projects (攻关项目) at a steel plant."
    )
}
