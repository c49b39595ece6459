import Testing

@testable import LibPQ

@Suite("A connection lost during COMMIT", .database("commit_outcome"))
struct CommitOutcomeTests {
    @Test("a lost connection or a FATAL report at COMMIT means the outcome is unknown; other failures do not")
    func classification() {
        let lost = PostgresError(code: .connectionLost, message: "the database connection was lost: EOF")
        #expect(PostgresConnection.commitFailure(lost).code == .commitOutcomeUnknown)
        #expect(PostgresConnection.commitFailure(lost).message.contains("may or may not have committed"))

        let terminated = PostgresError(
            code: .server, message: "terminating connection due to administrator command", sqlState: "57P01",
            severity: "FATAL")
        #expect(PostgresConnection.commitFailure(terminated).code == .commitOutcomeUnknown)

        // A deferred constraint or a serialization failure at COMMIT rolled back for sure.
        let serialization = PostgresError(
            code: .server, message: "could not serialize access", sqlState: "40001", severity: "ERROR")
        #expect(PostgresConnection.commitFailure(serialization).code == .server)
        #expect(PostgresConnection.commitFailure(serialization).sqlState == "40001")
    }

    @Test("a backend that dies while committing gives commitOutcomeUnknown, not a plain lost connection")
    func backendDiesDuringCommit() throws {
        try withTestConnection { connection in
            // A deferred constraint trigger runs during COMMIT: this one ends its own session there.
            try connection.executeScript(
                """
                CREATE TABLE doomed (n int);
                CREATE FUNCTION end_session() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM pg_terminate_backend(pg_backend_pid());
                    PERFORM pg_sleep(5);
                    RETURN NULL;
                END $$;
                CREATE CONSTRAINT TRIGGER doomed_at_commit AFTER INSERT ON doomed
                    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION end_session();
                """)
            var reachedCommit = false
            let error = #expect(throws: PostgresError.self) {
                try connection.withTransaction { transaction in
                    try transaction.execute("INSERT INTO doomed VALUES (1)")
                    reachedCommit = true  // the insert itself succeeded; the trigger waits for COMMIT
                }
            }
            #expect(reachedCommit)
            #expect(error?.code == .commitOutcomeUnknown, "\(String(reflecting: error))")
            #expect(!connection.isOpen)
        }
    }
}
