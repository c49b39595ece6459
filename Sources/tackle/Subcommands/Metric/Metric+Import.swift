import ArgumentParser
import TackleDomain
import TackleReport
import TackleStore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension MetricCommand {
    /// `tackle metric import`: a quality system's CSV export of figures, in one transaction.
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Import daily or monthly figures from a CSV file (a quality system's export), all or nothing.",
            discussion: """
                The file's first line is its header: project,date,inspected,defective for daily figures \
                (dates YYYY-MM-DD) or project,month,inspected,defective for monthly figures (months \
                YYYY-MM), optionally followed by a note column; commas or semicolons (as the header uses), \
                UTF-8 with or without a byte order mark, LF or CRLF line ends, values quoted as CSV quotes \
                them ("a, b"; "" for a quote). Blank lines are skipped. `tackle metric export` writes this \
                format.

                One import is one transaction. Every line is checked first: the project exists, the date \
                or month is real (1900 or later), has begun at the plant (--time-zone) and is not after the \
                project's closing (earlier than the opening is fine: the months a baseline is drawn from, as \
                `metric record` takes them), inspected and defective are whole numbers (up to 9 digits, \
                nothing else) with defective not above inspected, the month has no figures of the other kind (a month is recorded monthly or \
                daily, not both), and no other line has the same project and period. Any bad line refuses \
                the whole file: every bad line is listed on stderr by its line number (the header is line \
                1), up to 50, and nothing is written.

                Then figures not yet recorded are added, identical ones are left alone, and different ones \
                are corrected (their version goes up; the history shows each correction with the reason). \
                Corrections need --reason: without it the import is refused, saying how many figures \
                would change. With a note column, a different note is a change too (an empty value clears \
                the note); without one, notes stay as they are. Voided figures are not compared: their \
                period is recorded afresh.

                The import is recorded as one batch in the history (who, when, the file's SHA-256, the \
                counts, the reason), shown by `tackle history` of each project it touched; importing the \
                same file again changes nothing and records nothing. Imports that share projects run one \
                after the other (each waits up to TACKLE_LOCK_TIMEOUT for the other); each statement may \
                run up to an hour unless TACKLE_STATEMENT_TIMEOUT says otherwise.

                Prints one line: the counts and the batch.

                Examples:
                  tackle metric import figures.csv --reason "质量系统导出"
                  tackle metric import figures.csv --dry-run
                  mes-export --month 2026-11 | tackle metric import - --reason "MES 11月"
                  tackle metric import - --dry-run < figures-2026-11.csv
                """
        )

        @Argument(help: ArgumentHelp("The CSV file; - reads standard input.", valueName: "file"))
        var file: String
        @Option(help: "Why (recorded in the history); required when the file corrects recorded figures.")
        var reason: String?
        @Flag(help: "Check the file and print what an import would change; write nothing.")
        var dryRun = false
        @Flag(
            name: .customLong("print-sql"),
            help: ArgumentHelp(
                "Print the staging table, the file's \\copy and the merge as a psql script, and exit (for benchmarks).",
                visibility: .hidden))
        var printSQL = false
        @OptionGroup var plant: PlantOptions
        @OptionGroup var actor: ActorOptions
        @OptionGroup var global: GlobalOptions

        /// The name the batch records and messages use.
        var sourceName: String { file == "-" ? "standard input" : file }

        func run() throws {
            let descriptor = try Self.open(file)
            defer { if descriptor != 0 { close(descriptor) } }
            let source = FigureSource(name: sourceName) { buffer in
                try Self.read(descriptor, into: buffer, file: file)
            }
            if printSQL {
                return try printScript(source)
            }
            let today = try plant.clock().date()
            do {
                if dryRun {
                    let result = try global.withBulkStore { store in
                        try store.importFigures(
                            from: source, today: today, reason: reason, dryRun: true, by: actor.resolved)
                    }
                    return Output.text(summary(result))
                }
                try global.write(actor, timeouts: try global.bulkTimeouts()) { store in
                    summary(try store.importFigures(from: source, today: today, reason: reason, by: actor.resolved))
                }
            } catch let refusal as FigureImportRefusal {
                for problem in refusal.problems { Output.note(problem.description) }
                if refusal.count > refusal.problems.count {
                    Output.note("... and \(refusal.count - refusal.problems.count) more")
                }
                throw StoreError(.invalidInput, "\(sourceName): \(refusal)")
            }
        }

        /// `figures.csv: 365 inserted, 0 unchanged, 2 corrected (daily figures, batch 7)`.
        func summary(_ result: FigureImportResult) -> String {
            let counts = "\(result.inserted) inserted, \(result.unchanged) unchanged, \(result.corrected) corrected"
            let kind = result.granularity == .day ? "daily figures" : "monthly figures"
            if result.dryRun {
                return "dry run, nothing written: \(sourceName): \(counts) (\(kind))\n"
            }
            guard let batch = result.batch else {
                return "\(sourceName): \(counts) (\(kind)); nothing changed, no batch recorded\n"
            }
            return "\(sourceName): \(counts) (\(kind), batch \(batch))\n"
        }

        /// Prints the psql script that runs the same SQL as the import, without its checks.
        func printScript(_ source: FigureSource) throws {
            guard file != "-" else {
                throw DomainError(.invalidValue, message: "--print-sql needs a file that psql can read, not -")
            }
            let (header, sha256) = try Store.figureFileHeader(of: source)
            let path = file.hasPrefix("/") ? file : Self.currentDirectory() + "/" + file
            Output.text(
                Store.figureImportScript(
                    header: header, file: path, sha256: sha256, source: sourceName, actor: actor.resolved,
                    reason: reason, fallbackActor: ActorOptions.operatingSystemUser))
        }

        /// Opens the file for reading (0, standard input, for `-`).
        static func open(_ file: String) throws -> Int32 {
            if file == "-" { return 0 }
            let descriptor = Glibc.open(file, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else {
                throw StoreError(.fileSystem, "cannot read \(file): \(String(cString: strerror(errno)))")
            }
            return descriptor
        }

        /// Reads the next bytes of the file.
        static func read(_ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer, file: String) throws -> Int {
            while true {
                let count = Glibc.read(descriptor, buffer.baseAddress, buffer.count)
                if count >= 0 { return count }
                if errno == EINTR { continue }
                throw StoreError(
                    .fileSystem,
                    "cannot read \(file == "-" ? "standard input" : file): \(String(cString: strerror(errno)))")
            }
        }

        static func currentDirectory() -> String {
            guard let path = getcwd(nil, 0) else { return "." }
            defer { free(path) }
            return String(cString: path)
        }
    }
}
