import Foundation
import Testing

/// `tackle metric export` and `tackle trial export`: CSV out, in the format import reads, stable.
@Suite("tackle metric export and trial export")
struct FigureExportTests {
    static let key = "SLAB-CRACK-2026"
    static let other = "CORNER-2026"

    /// The plant and two projects, with no figures: what both ends of a round trip start from.
    static func plant(_ label: String) throws -> TrackerDatabase {
        try TrackerDatabase.create(label: label) { database in
            try database.addPlant()
            try database.openProject(key)
            try database.openProject(other)
        }
    }

    static func file(_ text: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tackle-export-\(UUID()).csv")
        try Data(text.utf8).write(to: url)
        return url.path
    }

    @Test("daily figures: export, import into a database with the same projects, export again: the same bytes")
    func dailyRoundTrip() throws {
        let source = try Self.plant("cli_export_daily")
        defer { source.drop() }
        // Figures recorded by hand and by an import, notes that need quoting, and one voided figure.
        try source.setUp(
            "metric", "record", Self.other, "--day", "2026-05-02", "--inspected", "90", "--defective", "1", "--note",
            "二冷水, \"弱冷\"\n第二行")
        try source.setUp(
            "metric", "record", Self.other, "--day", "2026-05-03", "--inspected", "80", "--defective", "0", "--note",
            "  spaces kept")
        try source.setUp("metric", "record", Self.key, "--day", "2026-04-30", "--inspected", "70", "--defective", "7")
        try source.setUp("metric", "void", Self.key, "--day", "2026-04-30", "--reason", "录错")
        try source.tackle.succeed(
            "metric", "import",
            try Self.file(
                """
                project;date;inspected;defective
                \(Self.key);2026-05-01;100;2
                \(Self.key);2026-04-29;120;0

                """))

        let exported = try source.tackle.succeed("metric", "export").stdout
        #expect(
            exported == """
                project,date,inspected,defective,note
                \(Self.other),2026-05-02,90,1,"二冷水, ""弱冷""
                第二行"
                \(Self.other),2026-05-03,80,0,  spaces kept
                \(Self.key),2026-04-29,120,0,
                \(Self.key),2026-05-01,100,2,

                """, "ordered by key and day, quoted only where needed, the voided figure left out")

        let target = try Self.plant("cli_export_daily_to")
        defer { target.drop() }
        let imported = try target.tackle.succeed("metric", "import", try Self.file(exported))
        #expect(imported.stdout.contains(": 4 inserted, 0 unchanged, 0 corrected"))
        #expect(try target.tackle.succeed("metric", "export").stdout == exported)
        // And back into the source: nothing to change.
        let again = try source.tackle.succeed("metric", "import", try Self.file(exported))
        #expect(again.stdout.contains(": 0 inserted, 4 unchanged, 0 corrected"), "\(again)")
    }

    @Test("monthly figures round-trip too, and --project, --from and --to select")
    func monthlyRoundTripAndSelection() throws {
        let source = try Self.plant("cli_export_monthly")
        defer { source.drop() }
        let piped = try source.tackle.run(
            "metric", "import", "-",
            stdin: """
                project,month,inspected,defective,note
                \(Self.key),2026-04,1500,30,基准
                \(Self.key),2026-05,1450,21,
                \(Self.key),2026-06,1400,12,
                \(Self.other),2026-05,900,9,"a;b"

                """)
        #expect(piped.status == 0, "\(piped)")
        let exported = try source.tackle.succeed("metric", "export").stdout
        #expect(
            exported == """
                project,month,inspected,defective,note
                \(Self.other),2026-05,900,9,a;b
                \(Self.key),2026-04,1500,30,基准
                \(Self.key),2026-05,1450,21,
                \(Self.key),2026-06,1400,12,

                """)
        let target = try Self.plant("cli_export_monthly_to")
        defer { target.drop() }
        try target.tackle.succeed("metric", "import", try Self.file(exported))
        #expect(try target.tackle.succeed("metric", "export", "--monthly").stdout == exported)

        // A month is selected when it overlaps the range.
        let selected = try source.tackle.succeed(
            "metric", "export", "--project", Self.key, "--from", "2026-05-15", "--to", "2026-06")
        #expect(
            selected.stdout == """
                project,month,inspected,defective,note
                \(Self.key),2026-05,1450,21,
                \(Self.key),2026-06,1400,12,

                """)
        // Asking for the other kind gives its header alone.
        #expect(
            try source.tackle.succeed("metric", "export", "--daily").stdout == "project,date,inspected,defective,note\n"
        )
    }

    @Test("a selection with daily and monthly figures needs --daily or --monthly; an unknown project is named")
    func selectionRules() throws {
        let database = try Self.plant("cli_export_rules")
        defer { database.drop() }
        try database.setUp(
            "metric", "record", Self.key, "--month", "2026-05", "--inspected", "1450", "--defective", "21")
        try database.setUp(
            "metric", "record", Self.other, "--day", "2026-05-02", "--inspected", "90", "--defective", "1")

        let both = try database.tackle.run("metric", "export")
        #expect(both.status == 1)
        #expect(both.stdout.isEmpty)
        #expect(
            both.stderr == "Error: the selection has both daily and monthly figures; choose --daily or --monthly\n")
        // Each project alone has one kind: that one is written.
        #expect(
            try database.tackle.succeed("metric", "export", "--project", Self.other).stdout
                == "project,date,inspected,defective,note\n\(Self.other),2026-05-02,90,1,\n")
        #expect(
            try database.tackle.succeed("metric", "export", "--project", Self.key).stdout
                == "project,month,inspected,defective,note\n\(Self.key),2026-05,1450,21,\n")
        let unknown = try database.tackle.run("metric", "export", "--project", "NO-SUCH-2026")
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("no project with key NO-SUCH-2026"))
        let flags = try database.tackle.run("metric", "export", "--daily", "--monthly")
        #expect(flags.status != 0)
        #expect(flags.stderr.contains("--daily or --monthly"))
    }

    @Test("trial export: one line per trial, parameters and conditions as trial log takes them, voided left out")
    func trialExport() throws {
        let database = try Self.plant("cli_export_trials")
        defer { database.drop() }
        try database.setUp(
            "trial", "log", Self.key, "--lever", "二冷水", "--param", "比水量=0.62l/kg", "--param", "casting_speed=1.2M/min",
            "--cond", "grade=Q345B", "--cond", "section=230x1600", "--inspected", "320", "--defective", "3",
            "--from", "2026-05-01", "--to", "2026-05-10", "--heat", "H24001", "--heat", "H24002",
            "--hypothesis", "降低比水量", "--note", "first, \"quoted\"", "--conclusion", "有效")
        try database.setUp(
            "trial", "log", Self.key, "--lever", "soft reduction", "--param", "soft_reduction=4.5mm",
            "--inspected", "200", "--defective", "2", "--from", "2026-05-11")
        try database.setUp("trial", "void", Self.key, "T2", "--reason", "试验无效")
        try database.setUp(
            "trial", "log", Self.other, "--lever", "mould flux", "--inspected", "150", "--defective", "0",
            "--from", "2026-06-01")

        let all = try database.tackle.succeed("trial", "export").stdout
        let header =
            "project,trial,lever,started,ended,inspected,defective,parameters,conditions,heats,hypothesis,note,conclusion\n"
        let corner = "\(Self.other),T1,mould flux,2026-06-01,2026-06-01,150,0,,,,,,\n"
        let slab =
            "\(Self.key),T1,二冷水,2026-05-01,2026-05-10,320,3,比水量=0.62L/kg; casting_speed=1.2m/min,"
            + "grade=Q345B; section=230x1600,H24001; H24002,降低比水量,\"first, \"\"quoted\"\"\",有效\n"
        #expect(all == header + corner + slab)
        #expect(try database.tackle.succeed("trial", "export", "--project", Self.key).stdout == header + slab)
    }
}
