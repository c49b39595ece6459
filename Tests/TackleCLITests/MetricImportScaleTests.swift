import Foundation
import Testing

/// A million daily figures in one file, as a plant's quality system exports a year of its lines.
extension HeavyOrTimed {
    @Suite("tackle metric import at plant scale")
    struct MetricImportScaleTests {
        /// 25 projects x 40,000 days (1900-01-01 to 2009-07-06).
        static let projects = (1...25).map { "SCALE-\(String(format: "%02d", $0))" }
        static let days = 40_000

        /// Line of day `day` of project `project` (0-based): deterministic counts.
        static func counts(_ project: Int, _ day: Int) -> (inspected: Int, defective: Int) {
            (300 + (project * 7 + day * 13) % 400, (project + day) % 15)
        }

        @Test("1,000,000 lines: every figure recorded, one batch, one history row")
        func millionLines() throws {
            let database = try TrackerDatabase.create(label: "cli_import_million") { database in
                try database.addPlant()
                for key in Self.projects { try database.openProject(key) }
            }
            defer { database.drop() }

            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "UTC")!
            let start = calendar.date(from: DateComponents(year: 1900, month: 1, day: 1))!
            let dates = (0..<Self.days).map { day in
                let parts = calendar.dateComponents(
                    [.year, .month, .day], from: calendar.date(byAdding: .day, value: day, to: start)!)
                return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
            }
            var text = "project,date,inspected,defective\n"
            text.reserveCapacity(36_000_000)
            var defective = 0
            for day in 0..<Self.days {
                for (project, key) in Self.projects.enumerated() {
                    let counts = Self.counts(project, day)
                    defective += counts.defective
                    text += "\(key),\(dates[day]),\(counts.inspected),\(counts.defective)\n"
                }
            }
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("tackle-million-\(UUID()).csv")
            try Data(text.utf8).write(to: url)
            defer { try? FileManager.default.removeItem(at: url) }
            #expect(Self.projects.count * Self.days == 1_000_000)

            let outcome = try database.tackle.succeed("metric", "import", url.path, "--reason", "年度导入")
            #expect(
                outcome.stdout == "\(url.path): 1000000 inserted, 0 unchanged, 0 corrected (daily figures, batch 1)\n")
            #expect(try database.integer("SELECT count(*) AS n FROM observation WHERE batch_id = 1") == 1_000_000)
            #expect(try database.integer("SELECT sum(defective)::bigint AS n FROM observation") == defective)
            #expect(
                try database.integer(
                    "SELECT count(*) AS n FROM observation o JOIN project p ON p.id = o.project_id "
                        + "WHERE p.key = 'SCALE-07' AND o.period_start = date '1950-06-15' AND o.inspected = $1 "
                        + "AND o.defective = $2",
                    [Self.counts(6, 18_427).inspected, Self.counts(6, 18_427).defective]) == 1,
                "1900-01-01 + 18,427 days is 1950-06-15")
            #expect(try database.integer("SELECT count(*) AS n FROM history WHERE table_name = 'observation'") == 0)
            #expect(try database.integer("SELECT count(*) AS n FROM history WHERE table_name = 'import_batch'") == 1)
            #expect(try database.integer("SELECT figures AS n FROM import_batch") == 1_000_000)
        }
    }
}
