import LibPQ

extension Store {
    /// Creates login roles in tackle's groups, in one transaction: all or none.
    ///
    /// The connected login must be able to create roles and grant the groups (a superuser, or a
    /// login with CREATEROLE). A login that exists already only gets the grants.
    ///
    /// - Parameters:
    ///   - logins: The logins and their groups.
    ///   - password: Set as every login's password when given. It is sent only as a bound parameter
    ///     (never in statement text, so neither tackle's debug log nor the server's statement log
    ///     holds it); psql's `\password`, which sends only a hash, is better still.
    /// The groups are created first when missing (as migration 0007 would), so the owner's login
    /// can be made before the first migration.
    ///
    /// - Throws: ``StoreError`` when the connected login may not create roles or grant the groups.
    public func createLogins(_ logins: [LoginRole], password: String?) throws {
        try translatingErrors {
            try connection.withTransaction { connection in
                try connection.executeScript(LoginRole.groupsSQL)
                if password != nil {
                    // The password travels only as a bound parameter: no statement text, and so no
                    // log line, on either side holds it. The function lives in this session's pg_temp.
                    try connection.executeScript(
                        """
                        CREATE FUNCTION pg_temp.tackle_set_password(login text, password text) RETURNS void
                        LANGUAGE plpgsql AS $$
                        BEGIN
                            EXECUTE format('ALTER ROLE %I PASSWORD %L', login, password);
                        END
                        $$
                        """)
                }
                for login in logins {
                    try connection.executeScript(login.sql)
                    if let password {
                        try connection.execute(
                            "SELECT pg_temp.tackle_set_password($1, $2)", [login.name, password])
                    }
                }
            }
        }
    }
}
