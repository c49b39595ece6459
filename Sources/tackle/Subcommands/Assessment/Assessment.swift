import ArgumentParser

/// `tackle assessment`: the monthly assessment's rubric (评分细则).
struct AssessmentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assessment",
        abstract: "The monthly assessment (月度考核): the scoring rubric, versioned by month.",
        discussion: """
            Examples:
              tackle assessment rubric show
              tackle assessment rubric set --progress 50 --milestones 25 --trials 15 --reporting 10 \\
                  --bottom 3 --from 2027-01 --reason "党委会决定调整权重"
            """,
        subcommands: [Rubric.self]
    )

    struct Rubric: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rubric",
            abstract: "Show or change the scoring rubric.",
            discussion: "Example:\n  tackle assessment rubric show --json",
            subcommands: [Show.self, Set.self]
        )
    }
}
