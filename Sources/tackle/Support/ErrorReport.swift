import ArgumentParser
import LibPQ
import TackleDomain
import TackleStore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns an error into the one line a user sees and the documented exit code.
enum ErrorReport {
    /// Exit codes, as the root command's help documents them.
    enum Code: Int32 {
        case refused = 1
        case databaseUnavailable = 2
        case schemaMismatch = 3
        case outcomeUnknown = 4
    }

    /// The command-line option of a field the libraries name, such as `--due` for `due`.
    ///
    /// The store and the domain speak in fields; only the command line knows the options users
    /// type. Fields that are arguments rather than options (`project`, `employee number`, `status`,
    /// `trial`) and fields the command line already named (`--due`) are left as they are.
    static func option(for field: String) -> String? {
        if let renamed = renamedOptions[field] { return renamed }
        return optionFields.contains(field) ? "--" + field : nil
    }

    /// Fields whose option is `--` and the field's name.
    static let optionFields: Set<String> = [
        "action", "actor", "against", "baseline", "baseline-period", "bins", "bottom", "by", "cond", "day", "defective",
        "due",
        "expect", "figures-due-day", "from", "heat", "if-version", "inspected", "kind", "leader", "lever", "login",
        "metric",
        "milestones", "month", "name", "on", "owner", "param", "parent", "power", "progress", "reason", "reporting",
        "reader", "request-id", "role", "service", "target", "title", "to", "trend", "trial-months", "trials", "unit",
        "writer",
    ]

    /// Fields whose option has another name.
    static let renamedOptions: [String: String] = ["initial-status": "--status"]

    /// What to do when a write's outcome is unknown (exit code 4).
    static let outcomeUnknownAdvice =
        "check with `tackle trial list KEY` (or the matching list command) before retrying, "
        + "or retry with the same --request-id"

    /// Writes `Error: <message>` to stderr, as one line with any control character escaped
    /// (``TextRules/escapingControls(_:)``), and exits with the error's code.
    static func exit(with error: any Error) -> Never {
        let code: Code
        let message: String
        switch error {
        case let error as StoreError:
            message =
                error.code == .outcomeUnknown
                ? error.message + "; " + outcomeUnknownAdvice
                : error.field.flatMap(option(for:)).map { "\($0): \(error.message)" } ?? error.message
            code =
                if error.code == .outcomeUnknown {
                    .outcomeUnknown
                } else if error.code == .databaseUnavailable {
                    .databaseUnavailable
                } else if error.isSchemaMismatch {
                    .schemaMismatch
                } else {
                    .refused
                }
        case let error as DomainError:
            message = error.field.flatMap(option(for:)).map { "\($0): \(error.message)" } ?? error.description
            code = .refused
        case let error as PostgresError:
            message = error.description
            code = .refused
        default:
            exitForArgumentParser(error)
        }
        standardError("Error: \(TextRules.escapingControls(message))\n")
        Glibc.exit(code.rawValue)
    }

    /// ArgumentParser's own errors (usage, validation, `--help`, `ExitCode`) keep its text and exit
    /// code; only the message, which may quote what was typed, is escaped like every other.
    private static func exitForArgumentParser(_ error: any Error) -> Never {
        let code = Tackle.exitCode(for: error)
        // Help and the version go to stdout, as ArgumentParser prints them.
        guard code != .success else { Tackle.exit(withError: error) }
        let message = Tackle.message(for: error)
        var text = Tackle.fullMessage(for: error)
        let line = "Error: " + message
        if text.hasPrefix(line) {
            text = "Error: " + TextRules.escapingControls(message) + text.dropFirst(line.count)
        } else {
            text = text.split(separator: "\n", omittingEmptySubsequences: false)
                .map { TextRules.escapingControls(String($0)) }.joined(separator: "\n")
        }
        if !text.isEmpty { standardError(text.hasSuffix("\n") ? text : text + "\n") }
        Glibc.exit(code.rawValue)
    }
}

/// Writes text to stderr (file descriptor 2, unbuffered).
func standardError(_ text: String) {
    var text = text
    text.withUTF8 { writeAll($0, to: 2) }
}

/// Writes all of `bytes` to `descriptor`, unbuffered, as far as the descriptor takes them.
func writeAll(_ bytes: UnsafeBufferPointer<UInt8>, to descriptor: Int32) {
    guard let base = bytes.baseAddress else { return }
    var offset = 0
    while offset < bytes.count {
        let written = write(descriptor, base + offset, bytes.count - offset)
        if written < 0, errno == EINTR { continue }
        if written <= 0 { break }
        offset += written
    }
}
