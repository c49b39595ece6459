import Foundation
import LibPQ
import TestSupport
import Testing

/// The scheduled job's board (issue 10): each published month's HTML sheet beside its text and
/// JSON, the month's project pages and `index.html`, written by real `tackle scheduler run`
/// processes on the demo plant in a real PostgreSQL.
@Suite("tackle scheduler: the board")
struct SchedulerBoardTests {
    typealias Scheduler = SchedulerCommandTests

    /// A file of the directory, or nil when missing.
    static func file(_ directory: ReportDirectory, _ name: String) -> String? {
        FileManager.default.contents(atPath: "\(directory.path)/\(name)").map { String(decoding: $0, as: UTF8.self) }
    }

    /// The project keys of an archived month's latest revision, in the report's order.
    static func projectKeys(_ database: TrackerDatabase, _ month: String) throws -> [String] {
        let json = try database.tackle.succeed("report", "archive", "show", month, "--format", "json").stdout
        let report = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] ?? [:]
        return (report["projects"] as? [[String: Any]] ?? []).compactMap { $0["key"] as? String }
    }

    /// What `tackle report monthly --format html` prints for a month today.
    static func sheet(_ database: TrackerDatabase, _ month: String) throws -> String {
        try database.tackle.succeed("report", "monthly", "--month", month, "--format", "html", "--lang", "zh").stdout
    }

    /// The rows of the index's table: month and revision, in the order listed.
    static func indexRows(_ index: String) -> [String] {
        index.matches(of: /<th scope="row">(\d{4}-\d{2})<\/th>\s*<td[^>]*>(\d+)<\/td>/).map { "\($0.1) r\($0.2)" }
    }

    /// The file the index's "latest sheet" line links, and the revision it names.
    static func latestLink(_ index: String) -> String? {
        index.firstMatch(of: /<p class="best">[^<]*<a href="([^"]+)">/).map { String($0.1) }
    }

    /// Every `.html` name in the directory with its bytes.
    static func htmlFiles(_ directory: ReportDirectory) throws -> [String: String] {
        Dictionary(
            uniqueKeysWithValues: try directory.names().filter { $0.hasSuffix(".html") }.map {
                ($0, file(directory, $0) ?? "")
            })
    }

    @Test("a pass writes each month's sheet beside its text and JSON, its project pages and index.html")
    func onePass() throws {
        let (database, directory) = try Scheduler.demoWithDirectory("board_one")
        defer { Scheduler.remove(database, directory) }
        let pass = try database.tackle.succeed(Scheduler.passToOctober(directory))
        #expect(Scheduler.publishedCount(pass) == 3)
        try Scheduler.expectFilesComplete(directory, database)

        for month in ["2026-08", "2026-09", "2026-10"] {
            let sheet = try #require(Self.file(directory, "\(month).html"), "\(month).html")
            #expect(sheet.hasPrefix("<!doctype html>\n<html lang=\"zh-Hans\">"), "a whole document, in Chinese")
            #expect(sheet.hasSuffix("</html>\n"))
            #expect(sheet.contains("<title>攻关项目月度考核公示 \(month)</title>"))
            // The published figures: what the sheet of the month prints (no data changed since).
            #expect(sheet == (try Self.sheet(database, month)), "\(month).html")
            #expect(Self.file(directory, "\(month)-r1.html") == sheet, "revision 1's own name")

            let keys = try Self.projectKeys(database, month)
            #expect(keys.count >= 5, "\(month): \(keys)")
            for key in keys {
                let page = Self.file(directory, "\(month)-\(key).html")
                let shown = try database.tackle.succeed(
                    "project", "show", key, "--month", month, "--format", "html", "--lang", "zh")
                #expect(page == shown.stdout, "\(month)-\(key).html")
            }
        }

        let index = try #require(Self.file(directory, "index.html"))
        #expect(index.hasPrefix("<!doctype html>\n<html lang=\"zh-Hans\">"))
        #expect(Self.latestLink(index) == "2026-10.html")
        #expect(Self.indexRows(index) == ["2026-10 r1", "2026-09 r1", "2026-08 r1"])
        for name in ["2026-10.html", "tackle-status-2026-10.txt", "tackle-status-2026-10.json"] {
            #expect(index.contains("<a href=\"\(name)\">"), "\(name) linked")
        }
        // Every linked file is there: the directory is a static site.
        let links = Set(index.matches(of: /href="([^"]+)"/).map { String($0.1) })
        #expect(links.count == 3 * 3 + 16, "three months of sheet, text and JSON, and their project pages")
        for link in links {
            #expect(FileManager.default.fileExists(atPath: "\(directory.path)/\(link)"), "\(link) exists")
        }
        #expect(try directory.temporaryNames().isEmpty)

        // A second pass finds the board up to date and writes nothing.
        let before = try Self.htmlFiles(directory)
        let modified =
            try FileManager.default.attributesOfItem(atPath: "\(directory.path)/index.html")[
                .modificationDate] as? Date
        let again = try database.tackle.succeed(Scheduler.passToOctober(directory))
        #expect(again.stderr.contains("0 month(s) of files written"), "\(again)")
        #expect(!again.stderr.contains("wrote"), "\(again)")
        #expect(try Self.htmlFiles(directory) == before)
        #expect(
            try FileManager.default.attributesOfItem(atPath: "\(directory.path)/index.html")[.modificationDate]
                as? Date == modified, "index.html not rewritten")
    }

    @Test("three instances at once: each month once in index.html, the same bytes as one instance alone writes")
    func threeInstances() throws {
        let (database, directory) = try Scheduler.demoWithDirectory("board_three")
        defer { Scheduler.remove(database, directory) }
        let now = "2026-11-05T09:00:00+08:00"
        let running = try ["plant-a", "plant-b", "plant-c"].map { instance in
            try database.tackle.start([
                "scheduler", "run", "--once", "--now", now, "--catch-up", "6", "--output-dir", directory.path,
                "--instance", instance,
            ])
        }
        let outcomes = try running.map { try $0.wait() }
        for outcome in outcomes { #expect(outcome.status == 0, "\(outcome)") }
        #expect(outcomes.compactMap(Scheduler.publishedCount).reduce(0, +) == 6)
        try Scheduler.expectFilesComplete(directory, database)

        let due = months(from: "2026-05", count: 6)
        let index = try #require(Self.file(directory, "index.html"))
        #expect(Self.indexRows(index) == due.reversed().map { "\($0) r1" }, "each month once, newest first")
        #expect(Self.latestLink(index) == "2026-10.html")
        for month in due {
            #expect(Self.file(directory, "\(month).html") == (try Self.sheet(database, month)), "\(month).html")
        }

        // One instance alone, into an empty directory, from the same archive: the same board.
        let alone = try ReportDirectory.create("board_alone")
        defer { alone.remove() }
        let single = try database.tackle.succeed(
            "scheduler", "run", "--once", "--now", now, "--catch-up", "6", "--output-dir", alone.path, "--instance",
            "plant-d")
        #expect(Scheduler.publishedCount(single) == 0, "all published already")
        let board = try Self.htmlFiles(directory)
        #expect(board.count == 6 * 2 + 1 + 6 * 6 - 2, "sheets, revision sheets, index, project pages")
        #expect(try Self.htmlFiles(alone) == board)
        #expect(try directory.temporaryNames().isEmpty)
    }

    @Test("a republished month: the next pass posts revision 2's sheet, keeps revision 1's, and the index lists both")
    func republishedMonth() throws {
        let (database, directory) = try Scheduler.demoWithDirectory("board_revision")
        defer { Scheduler.remove(database, directory) }
        try database.tackle.succeed(Scheduler.passToOctober(directory))
        let first = try #require(Self.file(directory, "2026-10.html"))
        let firstText = try #require(directory.contents("2026-10", "txt"))

        try database.setUp(
            "metric", "correct", "SLAB-CRACK-2026", "--month", "2026-10", "--inspected", "668", "--defective", "6",
            "--reason", "复判")
        // Published by hand elsewhere; the job brings this directory up to date.
        let elsewhere = try ReportDirectory.create("board_revision_elsewhere")
        defer { elsewhere.remove() }
        try database.tackle.succeed(
            "report", "publish", "--month", "2026-10", "--reason", "炼钢二厂补报十月数据", "--output-dir", elsewhere.path)

        let pass = try database.tackle.succeed(Scheduler.passToOctober(directory))
        #expect(Scheduler.publishedCount(pass) == 0)
        #expect(pass.stderr.contains("1 month(s) of files written"), "\(pass)")
        let lines = pass.stderr.split(separator: "\n")
        #expect(lines.contains { $0.contains("wrote board files") && $0.contains("report.period=2026-10") }, "\(pass)")
        #expect(lines.contains { $0.contains("wrote the board's index") }, "\(pass)")

        let second = try #require(Self.file(directory, "2026-10.html"))
        #expect(second != first, "the corrected figures")
        #expect(second == (try Self.sheet(database, "2026-10")), "revision 2 is today's figures")
        #expect(Self.file(directory, "2026-10-r1.html") == first, "revision 1's sheet stays as posted")
        #expect(Self.file(directory, "2026-10-r2.html") == second)
        #expect(Self.file(directory, "tackle-status-2026-10-r1.txt") == firstText, "revision 1's text keeps its name")
        let archivedFirst = try database.tackle.succeed(
            "report", "archive", "show", "2026-10", "--revision", "1", "--format", "json")
        #expect(Self.file(directory, "tackle-status-2026-10-r1.json") == archivedFirst.stdout)
        let latestText = try database.tackle.succeed("report", "archive", "show", "2026-10").stdout
        #expect(directory.contents("2026-10", "txt") == latestText, "the plain names hold revision 2")
        let reports = ["2026-08", "2026-09", "2026-10"].flatMap {
            ["tackle-status-\($0).json", "tackle-status-\($0).txt"]
        }
        #expect(
            try directory.names().filter { !$0.hasSuffix(".html") }
                == (reports + ["tackle-status-2026-10-r1.json", "tackle-status-2026-10-r1.txt"]).sorted())

        let index = try #require(Self.file(directory, "index.html"))
        #expect(Self.indexRows(index) == ["2026-10 r2", "2026-10 r1", "2026-09 r1", "2026-08 r1"])
        #expect(Self.latestLink(index) == "2026-10.html")
        #expect(index.contains("最新公示：2026-10（第 2 版）"))
        for name in ["2026-10-r1.html", "tackle-status-2026-10-r1.txt", "tackle-status-2026-10-r1.json"] {
            #expect(index.contains("<a href=\"\(name)\">"), "\(name) linked")
        }
        // `report publish` wrote the same sheets and index into its own directory.
        for name in ["2026-10.html", "2026-10-r1.html", "2026-10-r2.html", "2026-09.html", "index.html"] {
            #expect(Self.file(elsewhere, name) == Self.file(directory, name), "\(name) as report publish wrote it")
        }
        #expect(try directory.temporaryNames().isEmpty)
        #expect(try elsewhere.temporaryNames().isEmpty)
    }

    @Test("a deleted or truncated sheet, a lost project page or index is rewritten by the next pass, same bytes")
    func repairs() throws {
        let (database, directory) = try Scheduler.demoWithDirectory("board_repair")
        defer { Scheduler.remove(database, directory) }
        let once = Scheduler.passToOctober(directory)
        try database.tackle.succeed(once)
        let board = try Self.htmlFiles(directory)
        let key = try #require(try Self.projectKeys(database, "2026-09").first)

        try FileManager.default.removeItem(atPath: "\(directory.path)/2026-10.html")
        try Data(board["2026-09.html"]!.prefix(500).utf8).write(
            to: URL(fileURLWithPath: "\(directory.path)/2026-09.html"))
        try FileManager.default.removeItem(atPath: "\(directory.path)/2026-08-r1.html")
        try FileManager.default.removeItem(atPath: "\(directory.path)/2026-09-\(key).html")
        try FileManager.default.removeItem(atPath: "\(directory.path)/index.html")
        let stale = directory.path + "/.tackle-2026-10.html.4242.1.tmp"
        try Data("<!doctype".utf8).write(to: URL(fileURLWithPath: stale))
        try FileManager.default.setAttributes(
            [.modificationDate: Date().addingTimeInterval(-3600)], ofItemAtPath: stale)

        let repair = try database.tackle.succeed(once)
        #expect(Scheduler.publishedCount(repair) == 0)
        #expect(repair.stderr.contains("3 month(s) of files written"), "\(repair)")
        #expect(repair.stderr.contains("removed a temporary file"), "\(repair)")
        #expect(try Self.htmlFiles(directory) == board, "the same bytes as before")
        #expect(try directory.temporaryNames().isEmpty)
        try Scheduler.expectFilesComplete(directory, database)
    }
}
