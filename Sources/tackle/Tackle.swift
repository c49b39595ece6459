import ArgumentParser
import Dispatch
import Logging
import TackleStore

/// `tackle`: the command line of the tackling-project tracker.
///
/// Parses input, builds objects and calls the TackleStore library; all logic lives there.
@main
struct Tackle: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tackle",
        abstract: "Track tackling projects (攻关项目) at a steel plant: projects, trials, defect figures, monthly status.",
        discussion: """
            The database: --database <conninfo or URI>, else TACKLE_DATABASE_URL, else libpq's defaults \
            (PGHOST, PGPORT, PGUSER, PGDATABASE, PGSERVICE, .pgpass, ...).

            Exit codes: 0 success; 1 refused or failed (the message says why); 2 the database cannot be \
            reached; 3 the database schema does not match this tackle (run `tackle db migrate`) or a \
            trigger or constraint it promises is missing or disabled; 4 the connection was lost while \
            committing, so the write may or may not have been saved (check, or retry with the same \
            --request-id); 64 a usage error.

            The three everyday jobs:
              tackle project open SLAB-CRACK-2026 --title "板坯纵裂攻关" --unit CC3 --leader E1001 \\
                  --metric "longitudinal crack rate" --baseline 48/1500 --baseline-period 2026-01..2026-03 \\
                  --target 0.5% --due 2026-12-31
              tackle trial log SLAB-CRACK-2026 --lever "secondary cooling" --param specific_water=0.62L/kg \\
                  --inspected 320 --defective 3 --from 2026-05-01 --to 2026-05-10
              tackle report monthly --month 2026-05
            """,
        version: "0.1.0",
        subcommands: [
            UnitCommand.self, PersonCommand.self, ProjectCommand.self, MemberCommand.self, MilestoneCommand.self,
            TrialCommand.self, MetricCommand.self, HistoryCommand.self, ReportCommand.self, AssessmentCommand.self,
            TalkCommand.self, SchedulerCommand.self, DemoCommand.self, DB.self,
        ]
    )

    /// Runs the command the arguments name and turns its errors into one line on stderr and an exit code.
    ///
    /// `main` is synchronous, as every command but `scheduler run` is: an `async` main would start
    /// every command on the concurrency runtime's main task, a thread hop that costs a one-shot
    /// command about a millisecond.
    static func main() {
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = .warning
            return handler
        }
        // `tackle --version` (health checks, deployment scripts) needs none of the command tree.
        if CommandLine.arguments.count == 2, CommandLine.arguments[1] == "--version" {
            print(configuration.version)
            return
        }
        var command: any ParsableCommand
        do {
            try RawArguments.checkUTF8()
            command = try parseEverydayCommand() ?? parseAsRoot()
        } catch {
            EarlyStore.opening?.abandon()
            ErrorReport.exit(with: error)
        }
        if let asyncCommand = command as? any AsyncParsableCommand {
            runOnMainActor(asyncCommand)
        }
        do {
            try command.run()
            EarlyStore.opening?.abandon()
        } catch {
            EarlyStore.opening?.abandon()
            ErrorReport.exit(with: error)
        }
    }

    /// The everyday commands (`trial log`, `project open`, `metric record`, `report monthly`), parsed
    /// as commands of their own, their store opened meanwhile (``EarlyStore``): the whole tree of
    /// 40-odd commands is then neither built nor reflected on, which is most of a one-shot write's
    /// time in the process (the first lookup of each type's protocol conformances
    /// scans every conformance record in the binary). Anything that does not parse cleanly this way
    /// (help, a usage error, options before the command's name) is parsed again from the root, so
    /// what the user sees then is exactly what `parseAsRoot` says.
    private static func parseEverydayCommand() -> (any ParsableCommand)? {
        let arguments = CommandLine.arguments
        guard arguments.count > 2 else { return nil }
        let rest = Array(arguments.dropFirst(3))
        let leaf: any ParsableCommand.Type
        switch (arguments[1], arguments[2]) {
        case ("trial", "log"): leaf = TrialCommand.Log.self
        case ("project", "open"): leaf = ProjectCommand.Open.self
        case ("metric", "record"): leaf = MetricCommand.Record.self
        case ("report", "monthly"): leaf = ReportCommand.Monthly.self
        default: return nil
        }
        EarlyStore.start(arguments: rest)
        return parsedLeaf(leaf, rest)
    }

    private static func parsedLeaf(_ command: any ParsableCommand.Type, _ arguments: [String]) -> (any ParsableCommand)?
    {
        func parse<Command: ParsableCommand>(_: Command.Type) -> (any ParsableCommand)? {
            try? Command.parse(arguments)
        }
        return parse(command)
    }

    /// Runs an `async` command on the main actor, as an `async` main does: the main thread serves
    /// the main queue until the command ends, then the process exits.
    private static func runOnMainActor(_ command: any AsyncParsableCommand) -> Never {
        let parsed = ParsedCommand(command: command)
        Task { @MainActor in
            var command = parsed.command
            do {
                try await command.run()
            } catch {
                ErrorReport.exit(with: error)
            }
            Tackle.exit()
        }
        dispatchMain()
    }

    /// A parsed command handed from `main` to the task that runs it; nothing else touches it.
    private struct ParsedCommand: @unchecked Sendable {
        var command: any AsyncParsableCommand
    }
}
