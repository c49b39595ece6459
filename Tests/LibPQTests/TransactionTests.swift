import LibPQ
import Testing

@Suite("Transactions", .database("transactions"))
struct TransactionTests {
    struct Abort: Error, Equatable {
        let id: Int
    }

    /// Creates the table `name` and returns a closure counting its rows as seen by another connection.
    private func makeTable(_ name: String, on connection: PostgresConnection) throws -> () throws -> Int {
        try connection.executeScript("CREATE TABLE \(name) (n int NOT NULL UNIQUE)")
        return {
            try withTestConnection { other in
                try #require(try other.query("SELECT count(*) FROM \(name)").first).decode(Int.self, at: 0)
            }
        }
    }

    @Test func commitsWhenTheBodyReturns() throws {
        try withTestConnection { connection in
            let countElsewhere = try makeTable("committed", on: connection)
            let value = try connection.withTransaction { transaction in
                try transaction.execute("INSERT INTO committed VALUES ($1), ($2)", [1, 2])
                #expect(try countElsewhere() == 0)  // not visible before COMMIT
                return "done"
            }
            #expect(value == "done")
            #expect(try countElsewhere() == 2)
        }
    }

    @Test func rollsBackAndRethrowsWhenTheBodyThrows() throws {
        try withTestConnection { connection in
            let countElsewhere = try makeTable("rolled_back", on: connection)
            let error = #expect(throws: Abort.self) {
                try connection.withTransaction { transaction in
                    try transaction.execute("INSERT INTO rolled_back VALUES (1)")
                    throw Abort(id: 7)
                }
            }
            #expect(error == Abort(id: 7))
            #expect(try countElsewhere() == 0)
            #expect(try connection.query("SELECT count(*) FROM rolled_back").first?.decode(Int.self, at: 0) == 0)
        }
    }

    @Test func serverErrorInsideRollsBackEverything() throws {
        try withTestConnection { connection in
            let countElsewhere = try makeTable("server_failure", on: connection)
            let error = #expect(throws: PostgresError.self) {
                try connection.withTransaction(isolation: .serializable) { transaction in
                    try transaction.execute("INSERT INTO server_failure VALUES (1)")
                    try transaction.execute("INSERT INTO server_failure VALUES (1)")
                }
            }
            #expect(error?.sqlState == PostgresError.SQLState.uniqueViolation)
            #expect(try countElsewhere() == 0)
            // The connection is back outside any transaction and usable.
            try connection.withTransaction(isolation: .repeatableRead) { transaction in
                try transaction.execute("INSERT INTO server_failure VALUES (2)")
            }
            #expect(try countElsewhere() == 1)
        }
    }

    @Test func swallowedServerErrorCannotCommit() throws {
        try withTestConnection { connection in
            let countElsewhere = try makeTable("swallowed", on: connection)
            let error = #expect(throws: PostgresError.self) {
                try connection.withTransaction { transaction in
                    try transaction.execute("INSERT INTO swallowed VALUES (1)")
                    _ = try? transaction.execute("INSERT INTO swallowed VALUES (1)")
                }
            }
            #expect(error?.sqlState == "25P02")
            #expect(try countElsewhere() == 0)
        }
    }

    @Test func nestedTransactionsUseSavepoints() throws {
        try withTestConnection { connection in
            let countElsewhere = try makeTable("nested", on: connection)
            try connection.withTransaction { outer in
                try outer.execute("INSERT INTO nested VALUES (1)")
                #expect(throws: Abort.self) {
                    try outer.withTransaction { inner in
                        try inner.execute("INSERT INTO nested VALUES (2)")
                        throw Abort(id: 2)
                    }
                }
                try outer.withTransaction { inner in
                    try inner.execute("INSERT INTO nested VALUES (3)")
                }
                #expect(throws: PostgresError.self) {
                    try outer.withTransaction(isolation: .serializable) { _ in }
                }
            }
            let rows = try connection.query("SELECT n FROM nested ORDER BY n")
            #expect(try rows.map { try $0.decode(Int.self, at: 0) } == [1, 3])
            #expect(try countElsewhere() == 2)
        }
    }

    @Test func serializableIsolationIsApplied() throws {
        try withTestConnection { connection in
            let level = try connection.withTransaction(isolation: .serializable) { transaction in
                try #require(try transaction.query("SHOW transaction_isolation").first).decode(String.self, at: 0)
            }
            #expect(level == "serializable")
        }
    }
}
