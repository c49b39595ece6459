import Dispatch
import LibPQ
import Testing

@Suite("Pipelines: several statements in one round trip", .database("pipelines"))
struct PipelineTests {
    /// A connection handed to another thread, which alone uses it from then on.
    private struct Handover: @unchecked Sendable {
        let connection: PostgresConnection
    }

    @Test("statements run in order as one transaction that commits at the end, each with its rows")
    func rowsInOrder() throws {
        try withTestConnection { connection in
            try connection.executeScript("CREATE TABLE piped (n int PRIMARY KEY)")
            let results = try connection.pipeline([
                .init("INSERT INTO piped VALUES ($1), ($2) RETURNING n", [1, 2]),
                .init("SELECT count(*) AS n, txid_current() AS tx FROM piped"),
                .init("SELECT txid_current() AS tx, $1::text AS echoed", ["二冷水"]),
            ])
            #expect(results.count == 3)
            #expect(try results[0].map { try $0.decode(Int.self, "n") } == [1, 2])
            #expect(try results[1].first?.decode(Int.self, "n") == 2, "a statement sees the ones before it")
            #expect(
                try results[1].first?.decode(Int.self, "tx") == results[2].first?.decode(Int.self, "tx"),
                "one transaction")
            #expect(try results[2].first?.decode(String.self, "echoed") == "二冷水")
            #expect(!connection.isInTransaction, "committed at the sync point")
            let elsewhere = try withTestConnection { try $0.query("SELECT count(*) AS n FROM piped") }
            #expect(try elsewhere.first?.decode(Int.self, "n") == 2)
        }
    }

    @Test("a failing statement: the ones after it do not run, the ones before roll back, its error is thrown")
    func failureRollsBack() throws {
        try withTestConnection { connection in
            try connection.executeScript("CREATE TABLE piped_failure (n int PRIMARY KEY)")
            let error = #expect(throws: PostgresError.self) {
                try connection.pipeline([
                    .init("INSERT INTO piped_failure VALUES (1)"),
                    .init("INSERT INTO piped_failure VALUES (1)"),
                    .init("INSERT INTO piped_failure VALUES (3)"),
                ])
            }
            #expect(error?.sqlState == PostgresError.SQLState.uniqueViolation, "\(String(reflecting: error))")
            #expect(connection.isOpen && !connection.isInTransaction)
            // The connection is back out of pipeline mode and usable; nothing was written.
            #expect(try connection.query("SELECT count(*) AS n FROM piped_failure").first?.decode(Int.self, "n") == 0)
            let again = try connection.pipeline([.init("INSERT INTO piped_failure VALUES (3) RETURNING n")])
            #expect(try again[0].first?.decode(Int.self, "n") == 3)
        }
    }

    @Test("inside a transaction the statements are part of it: rolled back with it")
    func insideTransaction() throws {
        struct Abort: Error {}
        try withTestConnection { connection in
            try connection.executeScript("CREATE TABLE piped_nested (n int)")
            #expect(throws: Abort.self) {
                try connection.withTransaction { transaction in
                    _ = try transaction.pipeline([
                        .init("INSERT INTO piped_nested VALUES (1)"), .init("INSERT INTO piped_nested VALUES (2)"),
                    ])
                    #expect(transaction.isInTransaction, "the sync point does not end the caller's transaction")
                    throw Abort()
                }
            }
            #expect(try connection.query("SELECT count(*) AS n FROM piped_nested").first?.decode(Int.self, "n") == 0)
        }
    }

    @Test("a statement after one that waited for a row lock sees what the lock's holder committed")
    func freshViewAfterLock() throws {
        try withTestConnection { connection in
            try connection.executeScript(
                "CREATE TABLE piped_parent (id int PRIMARY KEY); CREATE TABLE piped_child (parent int);"
                    + "INSERT INTO piped_parent VALUES (1)")
            // Another session locks the parent, adds a child, and commits a moment later.
            let holder = try withTestConnection { _ in try SuiteDatabase.conninfo() }
            let other = Handover(connection: try PostgresConnection.connect(conninfo: holder))
            defer { other.connection.close() }
            try other.connection.executeScript(
                "BEGIN; SELECT id FROM piped_parent WHERE id = 1 FOR UPDATE; INSERT INTO piped_child VALUES (1)")
            let committed = DispatchSemaphore(value: 0)
            DispatchQueue.global().asyncAfter(deadline: .now() + 0.3) {
                try? other.connection.executeScript("COMMIT")
                committed.signal()
            }
            let results = try connection.pipeline([
                .init("SELECT id FROM piped_parent WHERE id = 1 FOR UPDATE"),
                .init("SELECT count(*) AS n FROM piped_child WHERE parent = 1"),
            ])
            committed.wait()
            #expect(try results[1].first?.decode(Int.self, "n") == 1)
        }
    }

    @Test("text with a NUL byte is refused before anything is sent; the connection stays usable")
    func refusedBeforeSending() throws {
        try withTestConnection { connection in
            let error = #expect(throws: PostgresError.self) {
                try connection.pipeline([.init("SELECT 1"), .init("SELECT $1::text", ["a\u{0}b"])])
            }
            #expect(error?.code == .invalidArgument)
            let nothing = try connection.pipeline([])
            #expect(nothing.isEmpty)
            #expect(try connection.query("SELECT 2 AS n").first?.decode(Int.self, "n") == 2)
        }
    }

    @Test("a session that ends at the sync point, while committing: the error says so")
    func sessionEndsWhileCommitting() throws {
        try withTestConnection { connection in
            try connection.executeScript(
                """
                CREATE TABLE piped_doomed (n int);
                CREATE FUNCTION piped_end_session() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM pg_terminate_backend(pg_backend_pid());
                    PERFORM pg_sleep(5);
                    RETURN NULL;
                END $$;
                CREATE CONSTRAINT TRIGGER piped_doomed_at_commit AFTER INSERT ON piped_doomed
                    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION piped_end_session();
                """)
            let error = #expect(throws: PostgresError.self) {
                try connection.pipeline([.init("INSERT INTO piped_doomed VALUES (1)"), .init("SELECT 1")])
            }
            let thrown = try #require(error)
            #expect(
                PostgresConnection.commitFailure(thrown).code == .commitOutcomeUnknown, "\(String(reflecting: error))")
            #expect(!connection.isOpen)
        }
    }
}
