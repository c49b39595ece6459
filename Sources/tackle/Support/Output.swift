import TackleDomain
import TackleReport
import TackleStore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Data goes to stdout; messages and logs go to stderr, so output pipes into `jq`.
enum Output {
    /// Prints a value as JSON: snake_case field names, sorted keys, one document per call.
    ///
    /// Field names are the documented, stable names of the `--json` output (README, "JSON output").
    static func json(_ value: some Encodable) throws {
        text(try JSONDocument.encode(value))
    }

    /// Prints text exactly, without adding a newline.
    static func text(_ text: String) {
        print(text, terminator: "")
    }

    /// UTF-8 bytes on stdout, after whatever ``text(_:)`` has buffered.
    static func bytes(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard !bytes.isEmpty else { return }
        fflush(nil)
        writeAll(bytes, to: 1)
    }

    /// A note for the user on stderr, one line (control characters escaped).
    static func note(_ text: String) {
        standardError(TextRules.escapingControls(text) + "\n")
    }
}
