import Foundation
import LibPQ
import Testing

/// `tackle metric import`: a quality system's CSV file, all or nothing, as a user runs it.
@Suite("tackle metric import")
struct MetricImportTests {
    static let key = "SLAB-CRACK-2026"
    static let other = "CORNER-2026"
    /// Completed on 2026-06-30.
    static let closed = "CLOSED-2026"

    /// Two open projects (opened 2026-04-01), a completed one, and May 2026 of `other` recorded monthly.
    static func seeded(_ label: String) throws -> TrackerDatabase {
        try TrackerDatabase.create(label: label) { database in
            try database.addPlant()
            try database.openProject(key)
            try database.openProject(other)
            try database.openProject(closed)
            try database.setUp("project", "set-status", closed, "completed", "--reason", "目标达成", "--on", "2026-06-30")
            try database.setUp(
                "metric", "record", other, "--month", "2026-05", "--inspected", "1450", "--defective", "21")
        }
    }

    /// Writes `text` to a new file and returns its path.
    static func file(_ text: String) throws -> String {
        try file(Data(text.utf8))
    }

    static func file(_ bytes: Data) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tackle-figures-\(UUID()).csv")
        try bytes.write(to: url)
        return url.path
    }

    /// The bad lines a refusal printed, `line N: reason` each.
    static func badLines(_ outcome: TackleProcess.Outcome) -> [String] {
        outcome.stderr.split(separator: "\n").map(String.init).filter { $0.hasPrefix("line ") }
    }

    @Test("every kind of bad line is listed by its line number and reason, and nothing is written")
    func everyKindOfBadLine() throws {
        let database = try Self.seeded("cli_import_bad")
        defer { database.drop() }
        let lines = [
            "project,date,inspected,defective,note",  // 1
            "\(Self.key),2026-05-02,100,2,good",  // 2: good
            "NO-SUCH-2026,2026-05-02,100,2,",  // 3
            ",2026-05-02,100,2,",  // 4
            "\(Self.key),2026-02-30,100,2,",  // 5
            "\(Self.key),2026/05/03,100,2,",  // 6
            "\(Self.key),2099-01-01,100,2,",  // 7
            "\(Self.key),2026-05-04,-5,0,",  // 8
            "\(Self.key),2026-05-05,1.5,x,",  // 9
            "\(Self.key),2026-05-06,10,11,",  // 10
            "\(Self.key),2026-05-07,,2,",  // 11
            "\(Self.closed),2026-07-01,100,2,",  // 12: after the closing
            "\(Self.other),2026-05-20,100,2,",  // 13: May is recorded monthly
            "\(Self.key),2026-05-02,100,3,again",  // 14: repeats line 2
            "\(Self.key),2026-05-08,100",  // 15: too few values
            "\(Self.key),2026-05-09,100,2,note,extra",  // 16: too many
            "\(Self.key),2026-05-10,100,2,\u{00}",  // 17: NUL; 18 (below): not UTF-8
            "\(Self.key),1899-12-31,100,2,",  // 19
            "\(Self.key),2026-05-11,100,2,\"open quote",  // 20, to the end
            "\(Self.key),2026-05-12,100,2,",  // 21: inside the open quote
        ]
        var bytes = Data(lines[..<16].joined(separator: "\n").utf8) + Data("\n".utf8)
        bytes += Data(lines[16].utf8) + Data("\n".utf8)
        bytes += Data("\(Self.key),2026-05-13,100,2,".utf8) + Data([0xFF, 0x0A])
        bytes += Data(lines[17...].joined(separator: "\n").utf8) + Data("\n".utf8)
        let path = try Self.file(bytes)
        let before = try DatabaseSnapshot.take(of: database)

        let outcome = try database.tackle.run("metric", "import", path, "--reason", "质量系统导出")

        #expect(outcome.status == 1, "\(outcome)")
        #expect(outcome.stdout.isEmpty)
        let expected: [(Int, [String])] = [
            (2, ["\(Self.key) 2026-05-02 is also on line 14"]),
            (3, ["no project with key NO-SUCH-2026"]),
            (4, ["the project is missing"]),
            (5, ["date 2026-02-30 does not exist"]),
            (6, ["date 2026/05/03 is not YYYY-MM-DD"]),
            (7, ["2099-01-01 has not begun yet"]),
            (8, ["inspected -5 is not a count"]),
            (9, ["inspected 1.5 is not a count", "defective x is not a count"]),
            (10, ["defective 11 is more than inspected 10"]),
            (11, ["inspected is missing"]),
            (12, ["\(Self.closed) closed on 2026-06-30; figures after it are not recorded"]),
            (13, ["2026-05 of \(Self.other) already has monthly figures"]),
            (14, ["\(Self.key) 2026-05-02 is also on line 2"]),
            (15, ["has 3 values but the header has 5"]),
            (16, ["has 6 values but the header has 5"]),
            (17, ["contains a NUL byte"]),
            (18, ["is not UTF-8 text"]),
            (19, ["1899-12-31 is before 1900"]),
            (20, ["a quoted value is not closed"]),
        ]
        let printed = Self.badLines(outcome)
        #expect(printed.count == expected.count, "\(outcome)")
        for (index, (line, words)) in expected.enumerated() where index < printed.count {
            #expect(printed[index].hasPrefix("line \(line): "), "\(printed[index])")
            for word in words { #expect(printed[index].contains(word), "line \(line): \(printed[index])") }
        }
        let errors = outcome.stderr.split(separator: "\n").filter { $0.hasPrefix("Error: ") }
        #expect(errors == ["Error: \(path): \(expected.count) lines cannot be imported; nothing was imported"])
        #expect(try DatabaseSnapshot.take(of: database) == before, "a refused file leaves every table as it was")
    }

    @Test("a monthly file: bad months, and months already recorded daily")
    func badMonthlyLines() throws {
        let database = try Self.seeded("cli_import_bad_month")
        defer { database.drop() }
        try database.setUp("metric", "record", Self.key, "--day", "2026-06-03", "--inspected", "50", "--defective", "1")
        let path = try Self.file(
            """
            project,month,inspected,defective
            \(Self.key),2026-05,1400,12
            \(Self.key),2026-13,1400,12
            \(Self.key),2026-6,1400,12
            \(Self.key),2026-06,1400,12
            \(Self.key),2027-01,1400,12

            """)
        let before = try DatabaseSnapshot.take(of: database)
        let outcome = try database.tackle.run("metric", "import", path)
        #expect(outcome.status == 1)
        #expect(
            Self.badLines(outcome) == [
                "line 3: month 2026-13 does not exist",
                "line 4: month 2026-6 is not YYYY-MM",
                "line 5: 2026-06 of \(Self.key) already has daily figures; a month is recorded either monthly or "
                    + "daily, not both",
                "line 6: 2027-01 has not begun yet (today is \(Self.today()) at the plant); figures are recorded "
                    + "after the fact",
            ], "\(outcome)")
        #expect(try DatabaseSnapshot.take(of: database) == before)
    }

    /// Today on the plant's clock (Asia/Shanghai), as the refusal names it.
    static func today() -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Shanghai")!
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }

    @Test("a header that is not a figures header, and an empty file, are refused as line 1")
    func badHeaders() throws {
        let database = try Self.seeded("cli_import_header")
        defer { database.drop() }
        for text in [
            "", "project,day,inspected,defective\n", "project;date,inspected;defective\n",
            "key,date,inspected,defective\n", "project,date,defective,inspected\n",
        ] {
            let outcome = try database.tackle.run("metric", "import", try Self.file(text))
            #expect(outcome.status == 1)
            let printed = Self.badLines(outcome)
            #expect(printed.count == 1, "\(text.debugDescription): \(outcome)")
            #expect(printed.first?.hasPrefix("line 1: ") == true)
            #expect(printed.first?.contains("project,date,inspected,defective") == true, "\(outcome)")
        }
        #expect(try database.integer("SELECT count(*) AS n FROM observation WHERE granularity = 'day'") == 0)
    }

    @Test("beyond 50 bad lines, the first 50 are listed and the rest counted")
    func fiftyListed() throws {
        let database = try Self.seeded("cli_import_fifty")
        defer { database.drop() }
        let lines = (1...80).map { day in "\(Self.key),2026-05-\(String(format: "%02d", day % 28 + 1)),1,\(day + 1)" }
        let path = try Self.file("project,date,inspected,defective\n" + lines.joined(separator: "\n") + "\n")
        let outcome = try database.tackle.run("metric", "import", path)
        #expect(outcome.status == 1)
        let printed = Self.badLines(outcome)
        #expect(printed.count == 50)
        #expect(printed.first?.hasPrefix("line 2: ") == true)
        #expect(printed.last?.hasPrefix("line 51: ") == true)
        #expect(outcome.stderr.contains("\n... and 30 more\n"), "\(outcome)")
        #expect(outcome.stderr.contains("Error: \(path): 80 lines cannot be imported; nothing was imported"))
    }

    /// Thirty days of May for two projects (not `other`, whose May is recorded monthly).
    static func may(defective: (Int) -> Int = { $0 % 4 }, note: (Int) -> String = { _ in "" }) -> String {
        var text = "project,date,inspected,defective,note\n"
        for project in [key, closed] {
            for day in 1...30 {
                let written = note(day)
                let quoted = written.contains(",") ? "\"\(written)\"" : written
                text += "\(project),2026-05-\(String(format: "%02d", day)),\(100 + day),\(defective(day)),\(quoted)\n"
            }
        }
        return text
    }

    @Test("the same file twice: the second import changes nothing, records nothing and says so")
    func sameFileTwice() throws {
        let database = try Self.seeded("cli_import_twice")
        defer { database.drop() }
        let path = try Self.file(Self.may(note: { $0 == 3 ? "铸机检修, 减产" : "" }))

        let first = try database.tackle.succeed("metric", "import", path)
        #expect(first.stdout == "\(path): 60 inserted, 0 unchanged, 0 corrected (daily figures, batch 1)\n")
        #expect(try database.integer("SELECT count(*) AS n FROM observation WHERE granularity = 'day'") == 60)
        let after = try DatabaseSnapshot.take(of: database)

        let second = try database.tackle.succeed("metric", "import", path)
        #expect(
            second.stdout
                == "\(path): 0 inserted, 60 unchanged, 0 corrected (daily figures); nothing changed, no batch recorded\n"
        )
        #expect(try DatabaseSnapshot.take(of: database) == after)
    }

    @Test("a changed file: corrections need a reason, keep row-level history with it, and the batch is one entry")
    func changedFileHistory() throws {
        let database = try Self.seeded("cli_import_changed")
        defer { database.drop() }
        try database.tackle.succeed("metric", "import", try Self.file(Self.may()))
        // Days 5 and 6 of the first project change their counts, day 7 its note; the rest is as before.
        let changed = try Self.file(
            Self.may(
                defective: { $0 == 5 || $0 == 6 ? 9 : $0 % 4 },
                note: { $0 == 7 ? "复判" : "" }))

        let before = try DatabaseSnapshot.take(of: database)
        let refused = try database.tackle.run("metric", "import", changed)
        #expect(refused.status == 1)
        #expect(
            refused.stderr
                == "Error: --reason: the file would correct 6 recorded figures (0 new, 54 unchanged); say why with "
                + "--reason, or check first with --dry-run; nothing was imported\n", "\(refused)")
        #expect(try DatabaseSnapshot.take(of: database) == before, "nothing silently corrected")

        let imported = try database.tackle.succeed("metric", "import", changed, "--reason", "质检复判", "--actor", "李娜")
        #expect(imported.stdout == "\(changed): 0 inserted, 54 unchanged, 6 corrected (daily figures, batch 2)\n")

        let history = try OutputJSON.decode(
            [OutputJSON.HistoryEntry].self, from: try database.tackle.succeed("history", Self.key, "--json"))
        let figures = history.filter { $0.entity == "observation" }
        #expect(figures.allSatisfy { $0.action == "update" }, "imported figures get no insert entries: \(figures)")
        #expect(figures.map(\.record).sorted() == ["2026-05-05", "2026-05-06", "2026-05-07"])
        for entry in figures {
            #expect(entry.reason == "质检复判")
            #expect(entry.actor == "李娜")
            #expect(try OutputJSON.object(entry.old_values)["batch_id"] as? Int == 1)
            #expect(try OutputJSON.object(entry.new_values)["batch_id"] as? Int == 2)
        }
        let day5 = try #require(figures.first { $0.record == "2026-05-05" })
        #expect(try OutputJSON.object(day5.old_values)["defective"] as? Int == 1)
        #expect(try OutputJSON.object(day5.new_values)["defective"] as? Int == 9)
        let day7 = try #require(figures.first { $0.record == "2026-05-07" })
        #expect(try OutputJSON.object(day7.new_values)["note"] as? String == "复判")

        let batches = history.filter { $0.entity == "import_batch" }
        #expect(batches.map(\.record) == ["batch 1", "batch 2"])
        #expect(batches.map(\.actor) == ["tester", "李娜"])
        #expect(batches.map(\.reason) == [nil, "质检复判"])
        let batch = try OutputJSON.object(batches[1].new_values)
        #expect(batch["inserted"] as? Int == 0)
        #expect(batch["unchanged"] as? Int == 54)
        #expect(batch["corrected"] as? Int == 6)
        #expect(batch["source"] as? String == changed)
        let sha = try #require(batch["file_sha256"] as? String)
        #expect(try sha == Self.sha256(of: changed))
        // One history row per import, whatever the number of figures: 60 + 60 figures, 2 batch rows.
        #expect(try database.integer("SELECT count(*) AS n FROM history WHERE table_name = 'import_batch'") == 2)
        #expect(
            try database.integer("SELECT count(*) AS n FROM history WHERE table_name = 'observation'") == 6 + 1,
            "the corrections, and the monthly figures recorded by hand")

        let list = try OutputJSON.decode(
            [OutputJSON.Observation].self, from: try database.tackle.succeed("metric", "list", Self.key, "--json"))
        #expect(list.first { $0.period_start == "2026-05-05" }?.version == 2)
        #expect(list.first { $0.period_start == "2026-05-04" }?.version == 1)

        let text = try database.tackle.succeed("history", Self.key)
        #expect(text.stdout.contains("0 inserted, 54 unchanged, 6 corrected from /"), "\(text.stdout)")
    }

    /// The SHA-256 of a file, from coreutils' sha256sum.
    static func sha256(of path: String) throws -> String {
        let outcome = try ExternalTool.find("sha256sum", package: "coreutils").succeed([path])
        return String(outcome.text.prefix(64))
    }

    @Test("a spreadsheet's file: byte order mark, CRLF line ends, semicolons, quoted notes")
    func spreadsheetFile() throws {
        let database = try Self.seeded("cli_import_bom")
        defer { database.drop() }
        let text =
            "project;date;inspected;defective;note\r\n\(Self.key);2026-05-01;1450;21;\"二冷水; 比水量 0,62\"\r\n"
            + "\(Self.key);2026-05-02;1400;\"12\";\"two\r\nlines, \"\"quoted\"\"\"\r\n\(Self.key);2026-05-03;10;0;\r\n"
        let path = try Self.file(Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8))
        let outcome = try database.tackle.succeed("metric", "import", path)
        #expect(outcome.stdout.contains(": 3 inserted, 0 unchanged, 0 corrected"), "\(outcome)")
        let list = try OutputJSON.decode(
            [OutputJSON.Observation].self, from: try database.tackle.succeed("metric", "list", Self.key, "--json"))
        #expect(list.map(\.period_start) == ["2026-05-01", "2026-05-02", "2026-05-03"])
        #expect(
            list.map(\.counts) == [
                .init(defective: 21, inspected: 1450), .init(defective: 12, inspected: 1400),
                .init(defective: 0, inspected: 10),
            ])
        #expect(list.map(\.note) == ["二冷水; 比水量 0,62", "two\r\nlines, \"quoted\"", ""])

        // A refusal in such a file names the physical line: the quoted line end counts. A count is
        // digits, bare or in one pair of quotes, nothing else.
        let bad = try Self.file(
            Data([0xEF, 0xBB, 0xBF])
                + Data((text + "\(Self.key);2026-05-04;1;2;\r\n\(Self.key);2026-05-05;\"1\"\"2\";\" 3\";\r\n").utf8))
        let refused = try database.tackle.run("metric", "import", bad)
        #expect(
            Self.badLines(refused) == [
                "line 6: defective 2 is more than inspected 1",
                "line 7: inspected 1\"2 is not a count (digits only, at most 9); defective  3 is not a count (digits "
                    + "only, at most 9)",
            ], "\(refused)")
    }

    @Test("lines repeating a figure are refused, new or already recorded, and a dry run finds them too")
    func repeatedLines() throws {
        let database = try Self.seeded("cli_import_repeat")
        defer { database.drop() }
        let before = try DatabaseSnapshot.take(of: database)
        let repeated = try Self.file(
            "project,date,inspected,defective\n\(Self.key),2026-05-01,10,1\n\(Self.key),2026-05-02,10,1\n"
                + "\(Self.key),2026-05-01,10,1\n")
        let expected = [
            "line 2: \(Self.key) 2026-05-01 is also on line 4", "line 4: \(Self.key) 2026-05-01 is also on line 2",
        ]
        for dryRun in [false, true] {
            let outcome = try database.tackle.run(["metric", "import", repeated] + (dryRun ? ["--dry-run"] : []))
            #expect(outcome.status == 1, "\(outcome)")
            #expect(Self.badLines(outcome) == expected, "\(outcome)")
        }
        #expect(try DatabaseSnapshot.take(of: database) == before)

        // Two lines that would correct the same recorded figure.
        try database.tackle.succeed(
            "metric", "import", try Self.file("project,date,inspected,defective\n\(Self.key),2026-05-01,10,1\n"))
        let recorded = try DatabaseSnapshot.take(of: database)
        let corrections = try Self.file(
            "project,date,inspected,defective\n\(Self.key),2026-05-01,10,2\n\(Self.key),2026-05-01,10,3\n")
        let outcome = try database.tackle.run("metric", "import", corrections, "--reason", "复判")
        #expect(
            Self.badLines(outcome) == [
                "line 2: \(Self.key) 2026-05-01 is also on line 3", "line 3: \(Self.key) 2026-05-01 is also on line 2",
            ], "\(outcome)")
        #expect(try DatabaseSnapshot.take(of: database) == recorded)
    }

    @Test("standard input: - reads the file from stdin, and the batch records it so")
    func standardInput() throws {
        let database = try Self.seeded("cli_import_stdin")
        defer { database.drop() }
        let outcome = try database.tackle.run(
            "metric", "import", "-", stdin: "project,month,inspected,defective\n\(Self.key),2026-06,1400,12\n")
        #expect(outcome.status == 0, "\(outcome)")
        #expect(outcome.stdout == "standard input: 1 inserted, 0 unchanged, 0 corrected (monthly figures, batch 1)\n")
        #expect(try database.integer("SELECT count(*) AS n FROM import_batch WHERE source = 'standard input'") == 1)
        #expect(
            try database.integer(
                "SELECT count(*) AS n FROM observation WHERE granularity = 'month' AND inspected = 1400 AND batch_id = 1"
            ) == 1)
    }

    @Test("--dry-run says what would change and writes nothing")
    func dryRun() throws {
        let database = try Self.seeded("cli_import_dry")
        defer { database.drop() }
        try database.tackle.succeed("metric", "import", try Self.file(Self.may()))
        let before = try DatabaseSnapshot.take(of: database)
        let changed = try Self.file(Self.may(defective: { $0 == 1 ? 7 : $0 % 4 }) + "\(Self.key),2026-06-01,5,0,\n")
        let outcome = try database.tackle.succeed("metric", "import", changed, "--dry-run")
        #expect(
            outcome.stdout
                == "dry run, nothing written: \(changed): 1 inserted, 58 unchanged, 2 corrected (daily figures)\n")
        #expect(try DatabaseSnapshot.take(of: database) == before)
    }

    @Test("overlapping imports at once: one waits for the other, and both end correct")
    func concurrentOverlappingImports() throws {
        let database = try Self.seeded("cli_import_race")
        defer { database.drop() }
        // Each covers 2,000 days of two projects from 2000-01-01, the second starting halfway through
        // the first: 2,000 shared figures, with the same counts in both files.
        func lines(_ days: Range<Int>) -> String {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "UTC")!
            let start = calendar.date(from: DateComponents(year: 2000, month: 1, day: 1))!
            var text = "project,date,inspected,defective\n"
            for day in days {
                let date = calendar.dateComponents(
                    [.year, .month, .day], from: calendar.date(byAdding: .day, value: day, to: start)!)
                let period = String(format: "%04d-%02d-%02d", date.year!, date.month!, date.day!)
                for project in [Self.key, Self.closed] { text += "\(project),\(period),\(100 + day % 50),\(day % 7)\n" }
            }
            return text
        }
        let first = try Self.file(lines(0..<2_000))
        let second = try Self.file(lines(1_000..<3_000))
        let running = try [first, second].map { try database.tackle.start(["metric", "import", $0]) }
        let outcomes = try running.map { try $0.wait() }
        for outcome in outcomes { #expect(outcome.status == 0, "\(outcome)") }

        // Whichever went second found the shared half recorded by the first (without the lock, it
        // would have failed on the figures the first had inserted but not committed).
        let counts = outcomes.map { outcome in
            outcome.stdout.split(separator: ": ").last.flatMap { $0.split(separator: " (").first }.map(String.init)
        }
        #expect(
            Set(counts) == ["4000 inserted, 0 unchanged, 0 corrected", "2000 inserted, 2000 unchanged, 0 corrected"],
            "\(outcomes)")
        #expect(Set(outcomes.map { $0.stdout.contains("batch 1") }) == [true, false])
        #expect(try database.integer("SELECT count(*) AS n FROM observation WHERE granularity = 'day'") == 6_000)
        #expect(try database.integer("SELECT sum(inserted)::int AS n FROM import_batch") == 6_000)
        #expect(try database.integer("SELECT sum(unchanged)::int AS n FROM import_batch") == 2_000)
        #expect(
            try database.integer(
                """
                SELECT count(*) AS n FROM observation
                WHERE granularity = 'day' AND (inspected <> 100 + (period_start - date '2000-01-01') % 50
                                               OR defective <> (period_start - date '2000-01-01') % 7)
                """) == 0, "every figure has its file's counts")
    }

    @Test("--print-sql is the same staging table, COPY and merge: psql running it records what tackle records")
    func printedScriptMatchesTackle() throws {
        let template = try Self.seeded("cli_import_sql")
        defer { template.drop() }
        let path = try Self.file(Self.may(note: { $0 == 2 ? "检修" : "" }))
        let script = try Self.file(try template.tackle.succeed("metric", "import", path, "--print-sql").stdout)
        let viaTackle = try TrackerDatabase.copy(of: template, label: "cli_import_sql_tackle")
        defer { viaTackle.drop() }
        let viaPsql = try TrackerDatabase.copy(of: template, label: "cli_import_sql_psql")
        defer { viaPsql.drop() }

        try viaTackle.tackle.succeed("metric", "import", path)
        let psql = try ExternalTool.find("psql", package: "postgresql-client")
        try psql.succeed(["-X", "-q", "-d", viaPsql.conninfo, "-f", script])

        let figures = """
            SELECT count(*) AS n, md5(string_agg(concat_ws(',', project_id, granularity, period_start, inspected,
                                                           defective, note, version, batch_id), '|'
                                      ORDER BY project_id, period_start)) AS digest
            FROM observation
            """
        let batches = """
            SELECT count(*) AS n, md5(string_agg(concat_ws(',', id, actor, file_sha256, source, granularity, figures,
                                                           inserted, unchanged, corrected, reason), '|')) AS digest
            FROM import_batch
            """
        for sql in [figures, batches] {
            let tackle = try viaTackle.withConnection { try $0.query(sql).first?.decode(String?.self, "digest") }
            let bare = try viaPsql.withConnection { try $0.query(sql).first?.decode(String?.self, "digest") }
            #expect(tackle != nil)
            #expect(tackle == bare, "\(sql)")
        }
        #expect(try viaPsql.integer("SELECT count(*) AS n FROM observation WHERE batch_id = 1") == 60)
    }

    @Test("--request-id: the same import again is not repeated; the first output is printed again")
    func requestID() throws {
        let database = try Self.seeded("cli_import_request")
        defer { database.drop() }
        let path = try Self.file(Self.may())
        let id = "0b6f4c1e-3f7a-4c55-9d0e-2a7c51a1c9e4"
        let first = try database.tackle.succeed("metric", "import", path, "--request-id", id)
        #expect(first.stdout == "\(path): 60 inserted, 0 unchanged, 0 corrected (daily figures, batch 1)\n")
        let again = try database.tackle.succeed("metric", "import", path, "--request-id", id)
        #expect(again.stdout == first.stdout)
        #expect(again.stderr.contains("was already done"), "\(again)")
        #expect(try database.integer("SELECT count(*) AS n FROM import_batch") == 1)
    }

    @Test("a tackle_writer login imports as its person, and cannot slip figures into a batch past the history")
    func writerImportsAndCannotForgeBatches() throws {
        let (database, writer) = try RolesTests.seeded("cli_import_writer")
        defer {
            database.drop()
            writer.drop()
        }
        try database.openProject(Self.key)
        // The header and the first project's 30 days.
        let path = try Self.file(Self.may().split(separator: "\n").prefix(31).joined(separator: "\n") + "\n")
        let outcome = try writer.tackle.succeed("metric", "import", path)
        #expect(outcome.stdout.contains(": 30 inserted, 0 unchanged, 0 corrected"), "\(outcome)")
        #expect(outcome.stderr.isEmpty, "\(outcome)")
        #expect(
            try database.integer(
                "SELECT count(*) AS n FROM import_batch WHERE actor = 'E1001' AND login = $1", [writer.name]) == 1)
        #expect(try writer.tackle.succeed("metric", "export").stdout.split(separator: "\n").count == 31)

        let project = try database.integer("SELECT id AS n FROM project WHERE key = $1", [Self.key])
        let attempts = [
            // A figure slipped into the batch: no history row of its own, not recorded by the batch.
            "INSERT INTO observation (project_id, granularity, period_start, inspected, defective, batch_id) "
                + "VALUES (\(project), 'day', '2026-06-01', 10, 1, 1)",
            // The same with a temporary table standing in for the batches.
            "CREATE TEMP TABLE import_batch (id bigint, at timestamptz, login text); "
                + "INSERT INTO import_batch VALUES (1, now(), session_user); "
                + "INSERT INTO observation (project_id, granularity, period_start, inspected, defective, batch_id) "
                + "VALUES (\(project), 'day', '2026-06-01', 10, 1, 1)",
            // A figure moved to a batch of no import of this transaction.
            "UPDATE observation SET batch_id = 7 WHERE period_start = '2026-05-01'",
            "UPDATE import_batch SET inserted = 0",
            "DELETE FROM import_batch",
        ]
        let before = try DatabaseSnapshot.take(of: database)
        for sql in attempts {
            let error = #expect(throws: PostgresError.self, "\(sql)") {
                try PostgresConnection.withConnection(conninfo: try writer.conninfo) { connection in
                    try connection.execute("SELECT set_config('tackle.actor', '', false)")
                    try connection.executeScript(sql)
                }
            }
            #expect(
                error?.constraint == "observation_batch_current"
                    || error?.sqlState == PostgresError.SQLState.insufficientPrivilege,
                "\(sql): \(String(describing: error))")
        }
        #expect(try DatabaseSnapshot.take(of: database) == before)
    }
}
