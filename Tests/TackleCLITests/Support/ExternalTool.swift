import Foundation

/// A program the browser checks run (Chromium, pdfinfo, pdftotext), found on `PATH` and run with a time limit.
///
/// A run goes through coreutils' `timeout`, which starts the program in a process group of its own and, past
/// the limit, signals the whole group: Chromium's renderer and GPU processes go with the browser, and none of
/// them is left holding the output pipes open.
struct ExternalTool: Sendable {
    /// What one run printed and how it ended.
    struct Outcome: CustomStringConvertible, Sendable {
        var status: Int32
        var stdout: Data
        var stderr: String
        var seconds: Double

        var text: String { String(decoding: stdout, as: UTF8.self) }
        var description: String { "exit \(status) after \(String(format: "%.1f", seconds)) s\n--- stderr\n\(stderr)" }
    }

    /// Why a tool could not be found or did not do its work.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The executable.
    let url: URL

    /// Finds `name` on `PATH`, or takes the path in the environment variable `override` when it is set.
    ///
    /// - Throws: `Failure` naming the package that provides the tool, so that a machine without it fails the
    ///   browser checks with the way to fix it rather than skipping them.
    static func find(_ name: String, override: String? = nil, package: String) throws -> ExternalTool {
        let environment = ProcessInfo.processInfo.environment
        if let override, let path = environment[override], !path.isEmpty {
            guard FileManager.default.isExecutableFile(atPath: path) else {
                throw Failure(description: "\(override)=\(path) is not an executable file")
            }
            return ExternalTool(url: URL(fileURLWithPath: path))
        }
        for directory in (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) {
                return ExternalTool(url: candidate)
            }
        }
        throw Failure(
            description: "\(name) is not on PATH: the browser checks need Debian's \(package) "
                + "(scripts/install-deps installs chromium, fonts-noto-cjk and poppler-utils)")
    }

    /// Runs the tool with `arguments` to the end, or for `timeout` seconds at most.
    ///
    /// - Returns: the outcome whatever the exit status; a run cut off by the limit ends with status 124 or 137.
    func run(_ arguments: [String], timeout: Int = 60) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
        process.arguments = ["--kill-after=5", String(timeout), url.path] + arguments
        let out = try ChildPipe()
        let err = try ChildPipe()
        process.standardOutput = out.writing
        process.standardError = err.writing
        process.standardInput = FileHandle.nullDevice
        let started = Date()
        try ChildPipe.run(process)
        try out.writing.close()
        try err.writing.close()
        // Read both pipes at once so that a full pipe cannot block the child.
        nonisolated(unsafe) var errData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errData = err.reading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.reading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Outcome(
            status: process.terminationStatus, stdout: outData, stderr: String(decoding: errData, as: UTF8.self),
            seconds: Date().timeIntervalSince(started))
    }

    /// Runs the tool and returns its outcome, or throws when it does not exit 0.
    func succeed(_ arguments: [String], timeout: Int = 60) throws -> Outcome {
        let outcome = try run(arguments, timeout: timeout)
        guard outcome.status == 0 else {
            let shown = ([url.lastPathComponent] + arguments).joined(separator: " ")
            let cause = outcome.status == 124 || outcome.status == 137 ? "timed out after \(timeout) s" : "failed"
            throw Failure(description: "\(shown) \(cause): \(outcome)")
        }
        return outcome
    }
}
