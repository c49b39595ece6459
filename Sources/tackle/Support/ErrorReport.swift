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
    }

    /// Writes `Error: <message>` to stderr and exits with the error's code.
    static func exit(with error: any Error) -> Never {
        let code: Code
        let message: String
        switch error {
        case let error as StoreError:
            message = error.message
            code =
                if error.code == .databaseUnavailable {
                    .databaseUnavailable
                } else if error.isSchemaMismatch {
                    .schemaMismatch
                } else {
                    .refused
                }
        case let error as DomainError:
            message = error.description
            code = .refused
        case let error as PostgresError:
            message = error.description
            code = .refused
        default:
            // ArgumentParser's own errors (validation, --help, ExitCode) keep its formatting.
            Tackle.exit(withError: error)
        }
        standardError("Error: \(message)\n")
        Glibc.exit(code.rawValue)
    }
}

/// Writes text to stderr (file descriptor 2, unbuffered).
func standardError(_ text: String) {
    var text = text
    text.withUTF8 { buffer in
        var offset = 0
        while offset < buffer.count {
            let written = write(2, buffer.baseAddress! + offset, buffer.count - offset)
            if written <= 0 { break }
            offset += written
        }
    }
}
