extension PostgresConnection {
    /// How long one statement may run and wait for a lock, and how long this client waits for an
    /// answer before it gives the server up.
    ///
    /// The server enforces `statement_timeout` and `lock_timeout`; they are sent in the startup
    /// packet (`options`), at no extra round trip, and a user's own `options` or `PGOPTIONS`
    /// setting them win. A server that stops answering altogether (its backend stopped, the
    /// network gone silent) cannot enforce anything, so the client waits at most the statement
    /// timeout plus ``graceMilliseconds`` for each answer, then cancels (best effort), closes the
    /// connection and throws ``PostgresError/Code/connectionLost``.
    public struct Timeouts: Sendable, Hashable {
        /// `statement_timeout`, in milliseconds; 0 lets a statement run forever (and the client wait
        /// forever).
        public var statementMilliseconds: Int
        /// `lock_timeout`, in milliseconds; 0 waits for a lock forever.
        public var lockMilliseconds: Int
        /// How much longer than the statement timeout the client waits for an answer.
        public var graceMilliseconds: Int

        /// Creates timeouts; the defaults are 30 s per statement, 10 s per lock and 2 s of grace.
        public init(statementMilliseconds: Int = 30_000, lockMilliseconds: Int = 10_000, graceMilliseconds: Int = 2_000)
        {
            self.statementMilliseconds = statementMilliseconds
            self.lockMilliseconds = lockMilliseconds
            self.graceMilliseconds = graceMilliseconds
        }

        /// 30 s per statement, 10 s per lock, 2 s of grace.
        public static let standard = Timeouts()

        /// The startup options that set these timeouts on the server.
        var startupOptions: String {
            "-c statement_timeout=\(statementMilliseconds) -c lock_timeout=\(lockMilliseconds)"
        }

        /// How long the client waits for each answer, given the `statement_timeout` the session
        /// really has (a user's `options` may have changed it); `nil` for no limit.
        func answerDeadline(statementMilliseconds effective: Int) -> Int? {
            effective > 0 ? effective + graceMilliseconds : nil
        }

        /// Reads a duration the way PostgreSQL reads a time setting: a number, optionally followed
        /// by a unit (`us`, `ms`, `s`, `min`, `h`, `d`), for example `45s`, `2min` or `1.5 s`.
        ///
        /// - Parameters:
        ///   - text: The duration.
        ///   - bareUnitMilliseconds: What a number without a unit counts: 1 for PostgreSQL's own
        ///     settings (milliseconds), 1000 for seconds.
        /// - Returns: The duration in whole milliseconds (rounded), or `nil` when `text` is not a
        ///   duration, is negative or does not fit PostgreSQL's 32-bit setting.
        public static func milliseconds(parsing text: String, bareUnitMilliseconds: Double = 1) -> Int? {
            let trimmed = text.trimmingPrefix(while: \.isWhitespace)
            let number = trimmed.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
            guard let value = Double(number), value.isFinite else { return nil }
            let unit = String(trimmed.dropFirst(number.count).drop(while: \.isWhitespace)).trimmingSuffix()
            let scale: Double? =
                switch unit {
                case "": bareUnitMilliseconds
                case "us": 0.001
                case "ms": 1
                case "s": 1000
                case "min": 60_000
                case "h": 3_600_000
                case "d": 86_400_000
                default: nil
                }
            guard let scale else { return nil }
            let milliseconds = (value * scale).rounded()
            guard milliseconds <= Double(Int32.max) else { return nil }
            return Int(milliseconds)
        }

        /// The last value `options` gives the run-time setting `name`, in any of the forms the
        /// server accepts: `-c name=value`, `-cname=value` or `--name=value`.
        static func setting(_ name: String, in options: String) -> String? {
            var words: [String] = []
            var word = ""
            var escaped = false
            for character in options {
                if escaped {
                    word.append(character)
                    escaped = false
                } else if character == "\\" {
                    escaped = true
                } else if character.isWhitespace {
                    if !word.isEmpty { words.append(word) }
                    word = ""
                } else {
                    word.append(character)
                }
            }
            if !word.isEmpty { words.append(word) }
            var found: String?
            var index = words.startIndex
            while index < words.endIndex {
                var assignment: Substring?
                if words[index] == "-c", index + 1 < words.endIndex {
                    index += 1
                    assignment = Substring(words[index])
                } else if words[index].hasPrefix("-c") {
                    assignment = words[index].dropFirst(2)
                } else if words[index].hasPrefix("--") {
                    assignment = words[index].dropFirst(2)
                }
                if let assignment, let equals = assignment.firstIndex(of: "=") {
                    let key = assignment[..<equals].lowercased().replacing("-", with: "_")
                    if key == name { found = String(assignment[assignment.index(after: equals)...]) }
                }
                index += 1
            }
            return found
        }
    }
}

extension String {
    /// The string without trailing whitespace.
    fileprivate func trimmingSuffix() -> String {
        var text = Substring(self)
        while text.last?.isWhitespace == true { text = text.dropLast() }
        return String(text)
    }
}
