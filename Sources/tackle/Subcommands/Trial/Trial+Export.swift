import ArgumentParser
import TackleStore

extension TrialCommand {
    /// `tackle trial export`: logged trials as CSV.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Write logged trials to stdout as CSV, one line per trial.",
            discussion: """
                Columns: project, trial (T3), lever, started, ended (YYYY-MM-DD), inspected, defective, \
                parameters and conditions in the syntax of `trial log --param` and `--cond` \
                (specific_water=0.62L/kg; casting_speed=1.2m/min and grade=Q345B; strand=2: several \
                joined by "; "), heats (joined by "; "), hypothesis, note, conclusion. Trials are ordered \
                by project key and number; voided trials are not written. Values are quoted only where \
                CSV needs it.

                Examples:
                  tackle trial export > trials.csv
                  tackle trial export --project SLAB-CRACK-2026
                """
        )

        @Option(help: ArgumentHelp("Only this project's trials.", valueName: "key"))
        var project: String?
        @OptionGroup var global: GlobalOptions

        func run() throws {
            _ = try global.withBulkStore { store in
                try store.exportTrials(of: project) { try BulkOutput.write($0) }
            }
        }
    }
}
