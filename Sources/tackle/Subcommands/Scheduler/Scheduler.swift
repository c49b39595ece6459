import ArgumentParser

/// `tackle scheduler`: the scheduled report job.
struct SchedulerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scheduler",
        abstract: "The scheduled job that publishes each month's status by itself.",
        subcommands: [Run.self]
    )
}
