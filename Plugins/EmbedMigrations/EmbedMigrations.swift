import Foundation
import PackagePlugin

/// Compiles the package's `sql/*.sql` migration files into a Swift source file of the target,
/// so the SQL travels inside the binary and `sql/` stays the single source of truth.
@main
struct EmbedMigrations: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        let sqlDirectory = context.package.directoryURL.appending(path: "sql")
        let fileManager = FileManager.default
        let names = try fileManager.contentsOfDirectory(atPath: sqlDirectory.path(percentEncoded: false))
            .filter { $0.hasSuffix(".sql") }
            .sorted()
        let inputs = names.map { sqlDirectory.appending(path: $0) }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedMigrations.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(names.count) SQL migrations from sql/",
                executable: try context.tool(named: "embed-migrations").url,
                arguments: [output.path(percentEncoded: false)] + inputs.map { $0.path(percentEncoded: false) },
                // The directory itself is an input too, so adding or removing a file re-runs the tool.
                inputFiles: inputs + [sqlDirectory],
                outputFiles: [output]
            )
        ]
    }
}
