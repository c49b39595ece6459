import LibPQ

extension PostgresConnection.Timeouts {
    /// The timeouts the environment asks for: `TACKLE_STATEMENT_TIMEOUT` (default 30 s) and
    /// `TACKLE_LOCK_TIMEOUT` (default 10 s).
    ///
    /// Each is a number of seconds (`45`, `2.5`) or a PostgreSQL duration (`45s`, `2min`,
    /// `500ms`); `0` means no limit. A connection string's `options` or `PGOPTIONS` setting
    /// `statement_timeout` or `lock_timeout` still win over these.
    ///
    /// - Parameter environment: The process environment.
    /// - Returns: The timeouts.
    /// - Throws: ``StoreError`` `.invalidInput`, naming the variable, for a value that is not a
    ///   duration.
    public static func resolve(environment: [String: String]) throws -> Self {
        var timeouts = Self.standard
        if let text = environment["TACKLE_STATEMENT_TIMEOUT"] {
            timeouts.statementMilliseconds = try milliseconds(text, of: "TACKLE_STATEMENT_TIMEOUT")
        }
        if let text = environment["TACKLE_LOCK_TIMEOUT"] {
            timeouts.lockMilliseconds = try milliseconds(text, of: "TACKLE_LOCK_TIMEOUT")
        }
        return timeouts
    }

    private static func milliseconds(_ text: String, of variable: String) throws -> Int {
        guard let value = milliseconds(parsing: text, bareUnitMilliseconds: 1000) else {
            throw StoreError(
                .invalidInput, field: variable,
                "\(variable): '\(text)' is not a duration; give seconds (30) or a PostgreSQL duration (45s, 2min, 500ms)"
            )
        }
        return value
    }
}
