import Foundation
import Testing

/// Runs the real, built `tackle` executable as a user would, and captures what it did.
struct TackleProcess {
    /// What one run printed and how it ended.
    struct Outcome: CustomStringConvertible {
        var status: Int32
        var stdout: String
        var stderr: String
        var seconds: Double

        var description: String { "exit \(status)\n--- stdout\n\(stdout)--- stderr\n\(stderr)" }
    }

    /// The executable: `TACKLE_BIN`, else `tackle` beside the test bundle in the build directory.
    static let executable: URL = {
        if let path = ProcessInfo.processInfo.environment["TACKLE_BIN"] {
            return URL(fileURLWithPath: path)
        }
        let testBinary = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var directory = testBinary.deletingLastPathComponent()
        // On Linux the test binary is <bin>/tacklePackageTests.xctest; on macOS it is inside a bundle.
        while !FileManager.default.isExecutableFile(atPath: directory.appendingPathComponent("tackle").path),
            directory.path != "/"
        {
            directory = directory.deletingLastPathComponent()
        }
        return directory.appendingPathComponent("tackle")
    }()

    /// The database the process uses, passed as TACKLE_DATABASE_URL.
    var conninfo: String?
    /// Extra environment.
    var environment: [String: String] = [:]
    /// Variables to remove from the environment after the defaults are set (e.g. `TACKLE_ACTOR`).
    var removedEnvironment: [String] = []

    /// Starts `tackle arguments...` and returns the running process with its pipes.
    func start(_ arguments: [String], stdin: String? = nil) throws -> Running {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        // Tests must not inherit a developer's settings.
        for key in env.keys where key.hasPrefix("PG") || key.hasPrefix("TACKLE_") {
            env[key] = nil
        }
        env["TACKLE_DATABASE_URL"] = conninfo
        env["TACKLE_ACTOR"] = "tester"
        for (key, value) in environment { env[key] = value }
        for key in removedEnvironment { env[key] = nil }
        process.environment = env
        let out = try ChildPipe()
        let err = try ChildPipe()
        let input = try ChildPipe()
        process.standardOutput = out.writing
        process.standardError = err.writing
        process.standardInput = input.reading
        let started = Date()
        try ChildPipe.run(process)
        // The child has its own copies now; the parent's must go, or EOF never comes.
        try out.writing.close()
        try err.writing.close()
        try input.reading.close()
        if let stdin { input.writing.write(Data(stdin.utf8)) }
        try input.writing.close()
        return Running(process: process, out: out.reading, err: err.reading, started: started)
    }

    /// Runs `tackle arguments...` to the end.
    @discardableResult
    func run(_ arguments: String..., stdin: String? = nil) throws -> Outcome {
        try start(arguments, stdin: stdin).wait()
    }

    /// Runs `tackle arguments` to the end.
    @discardableResult
    func run(_ arguments: [String]) throws -> Outcome {
        try start(arguments).wait()
    }

    /// Runs `tackle arguments...` and records a test issue unless it exits 0.
    @discardableResult
    func succeed(_ arguments: String..., sourceLocation: SourceLocation = #_sourceLocation) throws -> Outcome {
        try succeed(arguments, sourceLocation: sourceLocation)
    }

    /// Runs `tackle arguments` and records a test issue unless it exits 0.
    @discardableResult
    func succeed(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> Outcome {
        let outcome = try start(arguments).wait()
        #expect(
            outcome.status == 0, "tackle \(arguments.joined(separator: " ")): \(outcome)",
            sourceLocation: sourceLocation)
        return outcome
    }

    /// A started process.
    struct Running {
        let process: Process
        let out: FileHandle
        let err: FileHandle
        let started: Date

        /// Reads its output to the end and waits for it to exit.
        func wait() throws -> Outcome {
            // Read both pipes at once so that a full pipe cannot block the child.
            nonisolated(unsafe) var errData = Data()
            let group = DispatchGroup()
            group.enter()
            DispatchQueue.global().async {
                errData = err.readDataToEndOfFile()
                group.leave()
            }
            let outData = out.readDataToEndOfFile()
            group.wait()
            process.waitUntilExit()
            return Outcome(
                status: process.terminationStatus,
                stdout: String(decoding: outData, as: UTF8.self),
                stderr: String(decoding: errData, as: UTF8.self),
                seconds: Date().timeIntervalSince(started)
            )
        }
    }
}
