import Testing

/// Several `tackle` processes on one project at the same moment, as on a busy shift: each started
/// before any is waited for. Numbers must stay distinct, and no correction may overwrite another.
@Suite("tackle processes at the same moment")
struct ConcurrencyTests {
    static let key = "SLAB-CRACK-2026"

    static func seeded(_ label: String) throws -> TrackerDatabase {
        try TrackerDatabase.withProject(key, label: label)
    }

    /// Starts every command before waiting for any, then waits for all.
    static func together(_ tackle: TackleProcess, _ commands: [[String]]) throws -> [TackleProcess.Outcome] {
        let running = try commands.map { try tackle.start($0) }
        return try running.map { try $0.wait() }
    }

    @Test("eight trial logs at once get the distinct numbers T1...T8 and eight rows")
    func eightTrialLogs() throws {
        let database = try Self.seeded("cli_race_trials")
        defer { database.drop() }
        let commands = (1...8).map { day in
            [
                "trial", "log", Self.key, "--lever", "secondary cooling", "--param", "specific_water=0.6\(day)L/kg",
                "--inspected", "100", "--defective", "1", "--from", "2026-05-0\(day)",
            ]
        }
        let outcomes = try Self.together(database.tackle, commands)
        // "logged T3 of SLAB-CRACK-2026: secondary cooling" -> 3
        let numbers = outcomes.map { outcome -> Int? in
            let label = outcome.stdout.split(separator: " ").dropFirst().first ?? ""
            return label.hasPrefix("T") ? Int(label.dropFirst()) : nil
        }
        for outcome in outcomes {
            #expect(outcome.status == 0, "\(outcome)")
            #expect(outcome.stderr.isEmpty, "\(outcome)")
        }
        #expect(numbers.compactMap { $0 }.sorted() == Array(1...8), "each process was told a different number")
        #expect(try database.integer("SELECT count(*) AS n FROM trial") == 8)
        let trials = try OutputJSON.decode(
            [OutputJSON.Trial].self, from: try database.tackle.succeed("trial", "list", Self.key, "--json"))
        #expect(trials.map(\.number) == Array(1...8))
        // The number each process printed is the number of the row it wrote (its own start day).
        for (index, number) in numbers.enumerated() {
            let trial = trials.first { $0.number == number }
            #expect(trial?.started_on == "2026-05-0\(index + 1)", "process \(index + 1) printed T\(number ?? 0)")
        }
    }

    @Test("two corrections of the same version at once: one wins, the other is told and writes nothing")
    func competingTrialCorrections() throws {
        let database = try Self.seeded("cli_race_correct")
        defer { database.drop() }
        // Three rounds on three trials: each round is a fresh race between two correctors.
        for round in 1...3 {
            try database.logTrial(Self.key, inspected: 320, defective: 3)
            let corrections = [("4", "甲复检"), ("5", "乙复检")].map { defective, note in
                [
                    "trial", "correct", Self.key, "T\(round)", "--defective", defective, "--note", note,
                    "--reason", "复检", "--if-version", "1",
                ]
            }
            let outcomes = try Self.together(database.tackle, corrections)
            let winners = outcomes.indices.filter { outcomes[$0].status == 0 }
            #expect(winners.count == 1, "exactly one correction succeeds: \(outcomes)")
            guard let winner = winners.first else { continue }
            let loser = outcomes[1 - winner]
            #expect(loser.status == 1, "\(loser)")
            #expect(loser.stdout.isEmpty)
            #expect(loser.stderr.contains("was changed by someone else"), "\(loser)")
            #expect(loser.stderr.split(separator: "\n").count == 1, "\(loser)")

            let shown = try OutputJSON.decode(
                OutputJSON.TrialResult.self,
                from: try database.tackle.succeed("trial", "show", Self.key, "T\(round)", "--json"))
            #expect(shown.trial.version == 2)
            #expect(shown.trial.outcome.defective == (winner == 0 ? 4 : 5), "the winner's values, not a mix")
            #expect(shown.trial.note == (winner == 0 ? "甲复检" : "乙复检"))
            let updates = try database.integer(
                """
                SELECT count(*) AS n FROM history h JOIN trial t ON t.id = h.row_id
                WHERE h.table_name = 'trial' AND h.action = 'update' AND t.number = $1
                """, [round])
            #expect(updates == 1, "one correction recorded")
        }
    }

    @Test("two metric corrections of the same version at once: one wins, the other writes nothing")
    func competingMetricCorrections() throws {
        let database = try Self.seeded("cli_race_metric")
        defer { database.drop() }
        for month in ["2026-05", "2026-06", "2026-07"] {
            try database.setUp(
                "metric", "record", Self.key, "--month", month, "--inspected", "1450", "--defective", "21")
            let corrections = ["19", "20"].map { defective in
                [
                    "metric", "correct", Self.key, "--month", month, "--inspected", "1450", "--defective", defective,
                    "--reason", "复判", "--if-version", "1",
                ]
            }
            let outcomes = try Self.together(database.tackle, corrections)
            let winners = outcomes.indices.filter { outcomes[$0].status == 0 }
            #expect(winners.count == 1, "exactly one correction succeeds: \(outcomes)")
            guard let winner = winners.first else { continue }
            let loser = outcomes[1 - winner]
            #expect(loser.status == 1, "\(loser)")
            #expect(loser.stderr.contains("were changed by someone else"), "\(loser)")
            let figures = try OutputJSON.decode(
                [OutputJSON.Observation].self, from: try database.tackle.succeed("metric", "list", Self.key, "--json"))
            let corrected = try #require(figures.first { $0.period_start == "\(month)-01" })
            #expect(corrected.version == 2)
            #expect(corrected.counts.defective == (winner == 0 ? 19 : 20))
        }
    }

    @Test("eight openings of the same key at once: one project, seven clear refusals")
    func competingOpenings() throws {
        let database = try TrackerDatabase.create(label: "cli_race_open")
        defer { database.drop() }
        try database.addPlant()
        let command = [
            "project", "open", "RACE-2026", "--title", "并发立项", "--unit", "CC3", "--leader", "E1001",
            "--metric", "longitudinal crack rate", "--baseline", "48/1500", "--baseline-period", "2026-01..2026-03",
            "--target", "0.5%", "--due", "2026-12-31", "--opened", "2026-04-01",
        ]
        let outcomes = try Self.together(database.tackle, Array(repeating: command, count: 8))
        #expect(outcomes.filter { $0.status == 0 }.count == 1, "\(outcomes)")
        for outcome in outcomes where outcome.status != 0 {
            #expect(outcome.status == 1, "\(outcome)")
            #expect(outcome.stderr.contains("already exists"), "\(outcome)")
            #expect(outcome.stderr.split(separator: "\n").count == 1, "\(outcome)")
        }
        #expect(try database.integer("SELECT count(*) AS n FROM project") == 1)
        #expect(try database.integer("SELECT count(*) AS n FROM member") == 1, "one leader membership")
    }

    @Test("eight milestones and eight recordings of one month at once")
    func competingAdditions() throws {
        let database = try Self.seeded("cli_race_milestones")
        defer { database.drop() }
        let milestones = (1...8).map { index in
            [
                "milestone", "add", Self.key, "--title", "节点\(index)", "--due",
                "2026-\(index + 3 < 10 ? "0" : "")\(index + 3)-28",
            ]
        }
        let records = (1...8).map { index in
            ["metric", "record", Self.key, "--month", "2026-06", "--inspected", "1400", "--defective", "\(index)"]
        }
        let outcomes = try Self.together(database.tackle, milestones + records)
        for outcome in outcomes.prefix(8) {
            #expect(outcome.status == 0, "\(outcome)")
        }
        let added = try OutputJSON.decode(
            [OutputJSON.Milestone].self, from: try database.tackle.succeed("milestone", "list", Self.key, "--json"))
        #expect(added.map(\.number) == Array(1...8))
        #expect(Set(added.map(\.title)).count == 8)

        let recorded = outcomes.suffix(8)
        #expect(recorded.filter { $0.status == 0 }.count == 1, "one month, one record: \(Array(recorded))")
        for outcome in recorded where outcome.status != 0 {
            #expect(outcome.status == 1, "\(outcome)")
            #expect(outcome.stderr.contains("--month"), "\(outcome)")
            #expect(outcome.stderr.contains("already recorded"), "\(outcome)")
        }
        #expect(try database.integer("SELECT count(*) AS n FROM observation") == 1)
    }
}
