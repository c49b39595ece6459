import ArgumentParser

/// `tackle scheduler`: the scheduled report job.
struct SchedulerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scheduler",
        abstract: "The scheduled job that publishes each month's status by itself.",
        discussion: """
            Examples:
              tackle scheduler run                 # long-running: systemd, compose
              tackle scheduler run --once          # one pass: cron, a systemd timer, a Kubernetes CronJob
            """,
        subcommands: [Run.self]
    )
}
