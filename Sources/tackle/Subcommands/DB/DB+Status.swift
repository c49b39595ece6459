import ArgumentParser
import TackleStore

extension DB {
    /// `tackle db status`: which migrations are applied and which are pending.
    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "status",
            abstract: "List applied and pending migrations; the exit code says whether the schema is current.",
            discussion: """
                Exit code 0 when every migration is applied; 3 when some are pending, an applied file \
                was changed, or the database is newer than this tackle; 2 when the database cannot be reached.

                Example:
                  tackle db status
                """
        )

        @OptionGroup var global: GlobalOptions

        func run() throws {
            let (status, untrusted) = try global.withStore(requireCurrentSchema: false) { store in
                let status = try store.migrationStatus()
                // With the bookkeeping in order, also the triggers and constraints every command checks.
                guard status.isUpToDate else { return (status, nil as StoreError?) }
                do {
                    try store.checkSchema()
                    return (status, nil)
                } catch let error as StoreError where error.code == .recordUntrusted {
                    return (status, error)
                }
            }
            let changed = Set(status.changed.map(\.version))
            let applied = Dictionary(status.applied.map { ($0.version, $0) }, uniquingKeysWith: { first, _ in first })
            for migration in status.known {
                if let record = applied[migration.version] {
                    let mark = changed.contains(migration.version) ? "CHANGED" : "applied"
                    print("\(mark)  \(migration.fileName)  \(record.appliedAt)")
                } else {
                    print("pending  \(migration.fileName)")
                }
            }
            for record in status.unknown {
                print("UNKNOWN  \(migrationNumber(record.version))_\(record.name)  \(record.appliedAt)")
            }
            if let problem = status.problem ?? untrusted {
                throw problem
            }
            print("database is up to date (\(status.applied.count) migrations applied)")
        }
    }
}

/// A version number as in migration file names: 4 digits, zero-padded.
func migrationNumber(_ number: Int) -> String {
    let digits = String(number)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
}
