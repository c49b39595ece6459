import ArgumentParser
import TackleStore

extension DB {
    /// `tackle db migrate`: applies pending migrations.
    struct Migrate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "migrate",
            abstract: "Apply the pending schema migrations compiled into this tackle.",
            discussion: """
                Applies the pending files of sql/ in order, in one transaction under an advisory lock: \
                several migrators started at once are safe, and running it again does nothing. \
                Refuses when an applied migration was edited or the database is newer than this tackle.

                Example:
                  tackle db migrate --database postgresql:///tackle
                """
        )

        @OptionGroup var global: GlobalOptions

        func run() throws {
            let applied = try global.withStore(requireCurrentSchema: false) { store in try store.migrate() }
            if applied.isEmpty {
                print("database is up to date; nothing to apply")
            } else {
                for migration in applied {
                    print("applied \(migration.fileName)")
                }
            }
        }
    }
}
