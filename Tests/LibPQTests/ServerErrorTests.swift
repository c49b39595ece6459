import LibPQ
import Testing

/// Server errors arrive as values carrying the SQLSTATE and the fields callers translate.
@Suite("Server errors", .database("server_errors"))
struct ServerErrorTests {
    /// Runs `body` with a session-private `project` table, so tests running in parallel do not race.
    private func withProjects<Result>(_ body: (PostgresConnection) throws -> Result) throws -> Result {
        try withTestConnection { connection in
            try connection.executeScript(
                """
                CREATE TEMP TABLE project (
                    key text NOT NULL CONSTRAINT project_key_unique UNIQUE,
                    inspected int NOT NULL,
                    defective int NOT NULL,
                    CONSTRAINT defective_within_inspected CHECK (defective <= inspected)
                )
                """)
            return try body(connection)
        }
    }

    @Test func uniqueViolationCarriesSQLStateAndConstraint() throws {
        try withProjects { connection in
            try connection.execute("INSERT INTO project VALUES ($1, 10, 1)", ["SLAB-CRACK-2026"])
            let error = #expect(throws: PostgresError.self) {
                try connection.execute("INSERT INTO project VALUES ($1, 10, 1)", ["SLAB-CRACK-2026"])
            }
            #expect(error?.code == .server)
            #expect(error?.sqlState == PostgresError.SQLState.uniqueViolation)
            #expect(error?.constraint == "project_key_unique")
            #expect(error?.table == "project")
            #expect(error?.severity == "ERROR")
            #expect(error?.detail?.contains("SLAB-CRACK-2026") == true)
            #expect(connection.isOpen)
        }
    }

    @Test func checkViolationCarriesSQLStateAndConstraint() throws {
        try withProjects { connection in
            let error = #expect(throws: PostgresError.self) {
                try connection.execute("INSERT INTO project VALUES ($1, $2, $3)", ["A", 5, 6])
            }
            #expect(error?.sqlState == PostgresError.SQLState.checkViolation)
            #expect(error?.constraint == "defective_within_inspected")
        }
    }

    @Test func notNullViolationNamesTheColumn() throws {
        try withProjects { connection in
            let error = #expect(throws: PostgresError.self) {
                try connection.execute("INSERT INTO project VALUES ($1, $2, 0)", ["B", nil])
            }
            #expect(error?.sqlState == PostgresError.SQLState.notNullViolation)
            #expect(error?.column == "inspected")
        }
    }

    @Test func syntaxErrorHasAPosition() throws {
        try withTestConnection { connection in
            let error = #expect(throws: PostgresError.self) { try connection.query("SELECT 1 FROM WHERE") }
            #expect(error?.sqlState == "42601")
            #expect(error?.position == 15)
            let missing = #expect(throws: PostgresError.self) { try connection.query("SELECT * FROM nope") }
            #expect(missing?.sqlState == PostgresError.SQLState.undefinedTable)
            // A failed statement outside a transaction leaves the connection usable.
            let rows = try connection.query("SELECT 1")
            #expect(rows.count == 1)
        }
    }

    @Test func statementTimeoutIsQueryCanceled() throws {
        try withTestConnection { connection in
            try connection.execute("SET statement_timeout = 50")
            let error = #expect(throws: PostgresError.self) { try connection.query("SELECT pg_sleep(5)") }
            #expect(error?.sqlState == PostgresError.SQLState.queryCanceled)
            #expect(connection.isOpen)
        }
    }

    @Test func executeReturnsAffectedRowsAndScriptsRunSeveralStatements() throws {
        try withProjects { connection in
            try connection.executeScript(
                "INSERT INTO project VALUES ('a', 1, 0); INSERT INTO project VALUES ('b', 1, 0), ('c', 1, 1);")
            #expect(try connection.execute("UPDATE project SET inspected = inspected + $1", [1]) == 3)
            #expect(try connection.execute("DELETE FROM project WHERE key = $1", ["nothing"]) == 0)
        }
    }

    @Test func copyThroughQueryIsRefusedAndTheConnectionRecovers() throws {
        try withProjects { connection in
            let copyIn = #expect(throws: PostgresError.self) { try connection.query("COPY project FROM STDIN") }
            #expect(copyIn?.code == .protocol)
            let copyOut = #expect(throws: PostgresError.self) { try connection.executeScript("COPY project TO STDOUT") }
            #expect(copyOut?.code == .protocol)
            let count = try connection.query("SELECT count(*) FROM project").first?.decode(Int.self, at: 0)
            #expect(count == 0)
        }
    }

    @Test func sqlTextWithNulIsRefused() throws {
        try withTestConnection { connection in
            let error = #expect(throws: PostgresError.self) { try connection.executeScript("SELECT 1;\0DROP TABLE x") }
            #expect(error?.code == .invalidArgument)
        }
    }
}
