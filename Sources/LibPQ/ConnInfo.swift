internal import CLibPQ

/// Reads and writes libpq connection strings.
///
/// A connection string is either `key=value` pairs (`host=/run/pg dbname=tackle`) or a URI
/// (`postgresql://user@host:5432/tackle?sslmode=require`); see the PostgreSQL manual, "Connection
/// Strings". Use ``parse(_:)`` and ``format(_:)`` to derive one connection string from another
/// without splicing text, for example to point an admin URL at a different database.
public enum ConnInfo {
    /// Parses a connection string into the keywords it sets, in libpq's keyword order.
    ///
    /// Only what the string itself sets is returned: no environment variables, service files or
    /// defaults are applied. A URI is returned as its keywords (`host`, `port`, `dbname`, ...).
    ///
    /// - Parameter conninfo: A `key=value` connection string or a `postgresql://` URI.
    /// - Returns: The keywords and values the string sets.
    /// - Throws: ``PostgresError`` with code ``PostgresError/Code/invalidArgument`` when libpq cannot
    ///   parse the string. The message never contains the password.
    public static func parse(_ conninfo: String) throws -> [(keyword: String, value: String)] {
        guard !conninfo.utf8.contains(0) else {
            throw PostgresError(code: .invalidArgument, message: "invalid connection string: it contains a NUL byte")
        }
        var errorMessage: UnsafeMutablePointer<CChar>?
        guard let options = PQconninfoParse(conninfo, &errorMessage) else {
            var reason = "out of memory"
            if let errorMessage {
                reason = redactingPasswords(in: condensed(String(cString: errorMessage)), of: conninfo)
                PQfreemem(errorMessage)
            }
            throw PostgresError(code: .invalidArgument, message: "invalid connection string: \(reason)")
        }
        defer { PQconninfoFree(options) }
        return settings(in: options)
    }

    /// Formats keywords and values as a `key='value'` connection string.
    ///
    /// Every value is single-quoted, with `\` and `'` escaped by a backslash, so any value
    /// (spaces, quotes, an empty string) survives ``parse(_:)`` unchanged.
    ///
    /// - Parameter pairs: The keywords and values, in the order to write them. libpq uses the last
    ///   value of a repeated keyword.
    /// - Returns: The connection string, for example `host='/run/pg' dbname='tackle'`.
    public static func format(_ pairs: [(keyword: String, value: String)]) -> String {
        pairs.map { pair in
            var quoted = "'"
            for character in pair.value {
                if character == "\\" || character == "'" { quoted.append("\\") }
                quoted.append(character)
            }
            return "\(pair.keyword)=\(quoted)'"
        }.joined(separator: " ")
    }

    /// The settings libpq would take from the environment (`PGOPTIONS`, `PGCONNECT_TIMEOUT`, ...)
    /// and a `PGSERVICE` service file, keyed by keyword.
    static func environmentDefaults() -> [String: String] {
        guard let options = PQconndefaults() else { return [:] }
        defer { PQconninfoFree(options) }
        var defaults: [String: String] = [:]
        for (keyword, value) in settings(in: options) { defaults[keyword] = value }
        return defaults
    }

    /// The keywords with a value in a `PQconninfoOption` array.
    private static func settings(
        in options: UnsafeMutablePointer<PQconninfoOption>
    ) -> [(keyword: String, value: String)] {
        var pairs: [(keyword: String, value: String)] = []
        var option = options
        while let keyword = option.pointee.keyword {
            if let value = option.pointee.val {
                pairs.append((String(cString: keyword), String(cString: value)))
            }
            option += 1
        }
        return pairs
    }

    /// libpq's multi-line message as one line that still reads as sentences.
    ///
    /// libpq ends each report with a newline and wraps long ones onto tab-indented lines, as in
    /// `...failed: No such file or directory\n\tIs the server running locally...?`.
    static func condensed(_ message: String) -> String {
        var result = ""
        for line in message.split(whereSeparator: \.isNewline) {
            let isContinuation = line.first?.isWhitespace == true
            let words = line.split(whereSeparator: \.isWhitespace)
            guard let first = words.first else { continue }
            if let last = result.last {
                if ".:;,?!".contains(last) {
                    result += " "
                } else if first.first?.isUppercase == true {
                    result += ". "
                } else {
                    result += isContinuation ? " " : "; "
                }
            }
            result += words.joined(separator: " ")
        }
        return result
    }

    /// `message` with anything that may be the password of `conninfo` replaced.
    ///
    /// libpq quotes the offending part of a malformed connection string in its message, which for
    /// a URI is the whole URI, user info included. Any quoted fragment overlapping a password-like
    /// value is dropped; over-redacting an error message is cheap, leaking a password is not.
    static func redactingPasswords(in message: String, of conninfo: String) -> String {
        let secrets = passwordCandidates(in: conninfo).filter { !$0.isEmpty }
        guard !secrets.isEmpty else { return message }
        var result = ""
        var rest = Substring(message)
        while let open = rest.firstIndex(of: "\"") {
            result += rest[..<open]
            let afterOpen = rest.index(after: open)
            guard let close = rest[afterOpen...].firstIndex(of: "\"") else {
                rest = rest[open...]
                break
            }
            let fragment = rest[afterOpen..<close]
            let leaks = secrets.contains { fragment.contains($0) || (!fragment.isEmpty && $0.contains(fragment)) }
            result += leaks ? "\"(redacted)\"" : "\"\(fragment)\""
            rest = rest[rest.index(after: close)...]
        }
        result += rest
        for secret in secrets where secret.count >= 3 {
            result = result.replacing(secret, with: "(redacted)")
        }
        return result
    }

    /// Values in a connection string that may be a password, found without libpq (which may just
    /// have refused to parse the string).
    private static func passwordCandidates(in conninfo: String) -> [String] {
        var candidates: [String] = []
        for scheme in ["postgresql://", "postgres://"] where conninfo.hasPrefix(scheme) {
            let authority = conninfo.dropFirst(scheme.count).prefix { $0 != "/" && $0 != "?" }
            if let at = authority.lastIndex(of: "@"), let colon = authority[..<at].firstIndex(of: ":") {
                candidates.append(String(authority[authority.index(after: colon)..<at]))
            }
        }
        var rest = Substring(conninfo)
        while let range = rest.firstRange(of: "password") {
            var value = rest[range.upperBound...].drop { $0 == " " }
            guard value.first == "=" else {
                rest = rest[range.upperBound...]
                continue
            }
            value = value.dropFirst().drop { $0 == " " }
            let raw: Substring
            if value.first == "'" {
                raw = value.dropFirst().prefix { $0 != "'" }
            } else {
                raw = value.prefix { !$0.isWhitespace }
            }
            candidates.append(String(raw))
            candidates += raw.split(whereSeparator: { $0.isWhitespace || $0 == "\\" }).map(String.init)
            rest = value
        }
        return candidates
    }
}
