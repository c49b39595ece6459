import Foundation
import TackleDomain
import TackleReport
import TackleStore
import Testing

@testable import TackleScheduler

/// The board's files without a database: names, the index's publication times, atomic writes of
/// plain names only, and the clean-up of temporary files.
@Suite("The board's files")
struct BoardFilesTests {
    /// A fresh directory; removed by the caller.
    private func directory() throws -> ReportFiles {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("tackle-board-files-\(UInt32.random(in: .min ... .max))").path
        let files = ReportFiles(directory: path)
        try files.prepare()
        return files
    }

    private func names(_ files: ReportFiles) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: files.directory).sorted()
    }

    private func record(generatedAt: String, timeZone: String) throws -> PublishedReport {
        PublishedReport(
            period: try Month.parse("2026-10"), revision: 1, reason: nil, generatedAt: generatedAt, instance: "test",
            dataCutoff: try LocalDate.parse("2026-10-31"), timeZone: timeZone, language: "zh", calledIn: [],
            textSHA256: "", jsonSHA256: "")
    }

    @Test("sheet, revision and project page names")
    func names() throws {
        let month = try Month.parse("2026-10")
        #expect(BoardFiles.sheetName(of: month) == "2026-10.html")
        #expect(BoardFiles.sheetName(of: month, revision: 1) == "2026-10-r1.html")
        #expect(BoardFiles.projectPageName(of: month, key: "SLAB-CRACK-2026") == "2026-10-SLAB-CRACK-2026.html")
    }

    // References: Python 3 zoneinfo,
    // datetime(2026,11,5,0,59,30,tzinfo=timezone.utc).astimezone(ZoneInfo(zone)).isoformat()
    @Test(
        "the index prints when a revision was published on the clock of its zone",
        arguments: [
            ("Asia/Shanghai", "2026-11-05 08:59 +08:00"), ("America/St_Johns", "2026-11-04 21:29 -03:30"),
            ("Asia/Kolkata", "2026-11-05 06:29 +05:30"), ("Mars/Olympus", "2026-11-05T00:59:30Z"),
        ])
    func publishedAt(_ zone: String, _ expected: String) throws {
        let record = try record(generatedAt: "2026-11-05T00:59:30Z", timeZone: zone)
        #expect(BoardFiles.publishedAt(record) == expected)
    }

    @Test("only plain names are written, atomically, and leave no temporary file")
    func plainNamesOnly() throws {
        let files = try directory()
        defer { try? FileManager.default.removeItem(atPath: files.directory) }
        for name in ["../escape.html", ".hidden.html", "a/b.html", "", "index.html?x", "页.html"] {
            #expect(!ReportFiles.isPlainName(name), "\(name)")
            let error = #expect(throws: StoreError.self) { try files.write("x", toFile: name) }
            #expect(error?.code == .invalidInput)
            #expect(error?.field == "file")
        }
        #expect(try names(files).isEmpty)

        try files.write("<p>一</p>\n", toFile: "2026-10.html")
        let board = BoardFiles(files: files)
        #expect(try board.writeIfChanged("<p>一</p>\n", toFile: "2026-10.html") == false, "same bytes: left alone")
        #expect(try board.writeIfChanged("<p>二</p>\n", toFile: "2026-10.html") == true)
        #expect(files.contents(ofFile: "2026-10.html") == Array("<p>二</p>\n".utf8))
        #expect(try names(files) == ["2026-10.html"])
    }

    @Test("stale temporary files of the board and the reports are removed; others' files are not")
    func staleTemporaryFiles() throws {
        let files = try directory()
        defer { try? FileManager.default.removeItem(atPath: files.directory) }
        let old = Date().addingTimeInterval(-3600)
        for name in [".tackle-2026-10.html.42.1.tmp", ".tackle-status-2026-10.txt.42.2.tmp", ".other.tmp"] {
            FileManager.default.createFile(atPath: files.directory + "/" + name, contents: Data("half".utf8))
            try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: files.directory + "/" + name)
        }
        FileManager.default.createFile(
            atPath: files.directory + "/.tackle-index.html.43.1.tmp", contents: Data("being written".utf8))
        let removed = files.removeStaleTemporaryFiles()
        #expect(removed.sorted() == [".tackle-2026-10.html.42.1.tmp", ".tackle-status-2026-10.txt.42.2.tmp"])
        #expect(try names(files) == [".other.tmp", ".tackle-index.html.43.1.tmp"], "a fresh one may be in use")
    }
}
