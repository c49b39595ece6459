extension ConnInfo {
    /// The keywords whose values are secrets: the password, and the passphrase of the client key.
    static let secretKeywords: Set<String> = ["password", "sslpassword"]

    /// A connection string fit for a log line or a description: the same settings, with every
    /// secret replaced by `(redacted)`.
    ///
    /// A string that sets no secret is returned unchanged, so a log shows what was typed. One that
    /// sets a password, in any form libpq reads (`postgresql://u:SECRET@h/db`, percent-encoded or
    /// not, `?password=SECRET`, `password=SECRET`, `password = 's e c'`), is returned as the
    /// keywords libpq parsed from it, the secret ones redacted:
    /// `user='u' password=(redacted) host='h' dbname='db'`. A string libpq cannot parse is not
    /// shown at all, since nothing can tell which part of it is the password. A plain database name
    /// (no `=`, no `postgresql://`) is returned as it is.
    ///
    /// - Parameter conninfo: A `key=value` connection string, a `postgresql://` URI or a database name.
    /// - Returns: A description that never contains a password.
    public static func redacted(_ conninfo: String) -> String {
        guard isConnectionString(conninfo) else { return conninfo }
        guard let pairs = try? parse(conninfo) else {
            return "(a connection string libpq cannot parse; not shown, it may hold a password)"
        }
        guard pairs.contains(where: { secretKeywords.contains($0.keyword) }) else { return conninfo }
        return pairs.map { pair in
            secretKeywords.contains(pair.keyword) ? "\(pair.keyword)=(redacted)" : format([pair])
        }.joined(separator: " ")
    }

    /// Whether libpq reads `text` as a connection string rather than as a database name: it has an
    /// `=` or starts with a `postgresql://` or `postgres://` URI prefix.
    static func isConnectionString(_ text: String) -> Bool {
        text.contains("=") || text.hasPrefix("postgresql://") || text.hasPrefix("postgres://")
    }
}
