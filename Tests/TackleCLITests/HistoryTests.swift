import Foundation
import LibPQ
import Testing

/// `tackle history`: who changed what, when, from what to what, and why; and nobody can rewrite it.
@Suite("tackle history")
struct HistoryTests {
    static let key = "SLAB-CRACK-2026"

    static func seeded(_ label: String) throws -> TrackerDatabase {
        try TrackerDatabase.create(label: label) { database in
            try database.addPlant()
            try database.openProject(key)
            try database.logTrial(key, inspected: 320, defective: 3)
        }
    }

    static func history(_ database: TrackerDatabase) throws -> [OutputJSON.HistoryEntry] {
        try OutputJSON.decode(
            [OutputJSON.HistoryEntry].self, from: try database.tackle.succeed("history", key, "--json"))
    }

    @Test("a correction is recorded with its actor, reason, and the old and new value of the field")
    func correctionRecorded() throws {
        let database = try Self.seeded("cli_history_correct")
        defer { database.drop() }
        try database.tackle.succeed(
            "trial", "correct", Self.key, "T1", "--defective", "4", "--reason", "复检", "--actor", "张三")

        let entries = try Self.history(database)
        let updates = entries.filter { $0.entity == "trial" && $0.action == "update" }
        #expect(updates.count == 1, "\(entries)")
        let update = try #require(updates.first)
        #expect(update.record == "T1")
        #expect(update.actor == "张三")
        #expect(update.reason == "复检")
        let old = try OutputJSON.object(update.old_values)
        let new = try OutputJSON.object(update.new_values)
        #expect(old["defective"] as? Int == 3, "\(update)")
        #expect(new["defective"] as? Int == 4, "\(update)")
        #expect(old["inspected"] == nil, "only changed fields are listed: \(update)")

        // The trial's creation is there too, by the actor from TACKLE_ACTOR, before the correction.
        let insert = try #require(entries.first { $0.entity == "trial" && $0.action == "insert" })
        #expect(insert.record == "T1")
        #expect(insert.actor == "tester")
        #expect(insert.id < update.id)
        #expect(entries.map(\.id) == entries.map(\.id).sorted(), "oldest first")

        let text = try database.tackle.succeed("history", Self.key)
        #expect(text.stdout.contains("张三"))
        #expect(text.stdout.contains("复检"))
        #expect(text.stdout.contains(#"{"defective": 3} -> {"defective": 4}"#), "\(text.stdout)")
    }

    @Test("status changes and metric corrections are recorded with their reasons")
    func statusAndMetricRecorded() throws {
        let database = try Self.seeded("cli_history_status")
        defer { database.drop() }
        try database.setUp(
            "metric", "record", Self.key, "--month", "2026-05", "--inspected", "1450", "--defective", "21")
        try database.setUp(
            "metric", "correct", Self.key, "--month", "2026-05", "--inspected", "1450", "--defective", "19",
            "--reason", "两块复判为非纵裂")
        try database.setUp("project", "set-status", Self.key, "on-hold", "--reason", "连铸机检修", "--actor", "李娜")

        let entries = try Self.history(database)
        let figures = try #require(entries.first { $0.entity == "observation" && $0.action == "update" })
        #expect(figures.record == "2026-05")
        #expect(figures.reason == "两块复判为非纵裂")
        #expect(try OutputJSON.object(figures.old_values)["defective"] as? Int == 21)
        #expect(try OutputJSON.object(figures.new_values)["defective"] as? Int == 19)

        let status = try #require(entries.first { $0.entity == "project" && $0.action == "update" })
        #expect(status.actor == "李娜")
        #expect(status.reason == "连铸机检修")
        #expect(try OutputJSON.object(status.old_values)["status"] as? String == "active")
        #expect(try OutputJSON.object(status.new_values)["status"] as? String == "on-hold")
    }

    @Test("without --actor or TACKLE_ACTOR the operating-system user is recorded")
    func actorDefaultsToOSUser() throws {
        let database = try Self.seeded("cli_history_osuser")
        defer { database.drop() }
        var tackle = database.tackle
        tackle.removedEnvironment = ["TACKLE_ACTOR"]
        try tackle.succeed("milestone", "add", Self.key, "--title", "轻压下方案", "--due", "2026-08-31")
        let entry = try #require(try Self.history(database).last)
        #expect(entry.entity == "milestone")
        #expect(entry.actor == ProcessInfo.processInfo.userName)
        #expect(entry.actor != "tester")
    }

    @Test("the history table refuses UPDATE, DELETE and TRUNCATE with SQLSTATE 42501")
    func appendOnly() throws {
        let database = try Self.seeded("cli_history_append_only")
        defer { database.drop() }
        let before = try DatabaseSnapshot.take(of: database)
        #expect(before.tables["history"]?.hasPrefix("rows=0 ") == false, "there is history to protect")
        try database.withConnection { connection in
            for statement in [
                "UPDATE history SET actor = 'someone else', reason = 'rewritten'",
                "UPDATE history SET new_values = '{}' WHERE table_name = 'trial'",
                "DELETE FROM history",
                "DELETE FROM history WHERE table_name = 'trial'",
                "TRUNCATE history",
            ] {
                let error = #expect(throws: PostgresError.self, "\(statement)") {
                    try connection.execute(statement)
                }
                #expect(error?.sqlState == "42501", "\(statement): \(String(describing: error))")
            }
        }
        #expect(try DatabaseSnapshot.take(of: database) == before, "the history is unchanged")
    }
}
