import FoundationEssentials
import ReportFixtures
import TackleDomain
import Testing

@testable import TackleReport

/// tackle's JSON is written by its own encoder, but must stay byte for byte what Foundation's
/// `JSONEncoder` wrote with the same options (archived reports carry checksums of that text, and
/// programs may compare outputs): every case here is compared with `JSONEncoder` itself.
@Suite("JSON document: the same bytes as JSONEncoder")
struct JSONDocumentTests {
    typealias F = ReportFixture

    /// What `JSONDocument.encode` wrote before it had its own encoder.
    static func foundation(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }

    /// Monthly reports that use every part of the document: ranked and unranked projects, trials
    /// with verdicts and a plan, milestones, a project called in, the follow-up with a talk.
    static var reports: [MonthlyReport] {
        let talk = Talk(
            projectKey: "E", month: try! Month(year: 2026, month: 4), heldOn: F.date("2026-05-06"),
            heldByNo: "E2001", heldByName: "刘书记", notes: "谈了\n两点 \"关键\" \\ 问题", actions: ["每周报告纵裂率", "a/b"])
        var slab = F.project(
            "SLAB-CRACK-2026",
            trials: [
                F.trial(3, outcome: F.counts(6, of: 650)),
                F.trial(4, lever: "轻压下", outcome: F.counts(0, of: 40), parameters: ["soft_reduction=4.5mm"]),
                F.trial(5, outcome: F.counts(40, of: 1000)),
            ],
            milestones: [
                F.milestone(1, "二冷水优化方案", due: "2026-05-20", done: "2026-05-18"),
                F.milestone(2, "轻压下参数", due: "2026-04-30"),
                F.milestone(3, "标准固化", due: "2026-06-30"),
            ]
        )
        slab.earlierTrialOutcomes = [F.counts(10, of: 500), F.counts(3, of: 300)]
        let previous = [
            F.project("A"), F.project("B", month: F.counts(50, of: 2000)), F.project("C", month: nil),
            F.project("D", month: F.counts(50, of: 2000)), F.project("E", month: nil),
        ]
        let now = [
            slab, F.project("A"), F.project("B"), F.project("C", month: F.counts(60, of: 2000)),
            F.project("D", month: F.counts(50, of: 2000)), F.project("E", month: F.counts(50, of: 2000)),
            F.project("CORNER-2026", title: "角横裂 corner cracks", status: .onHold, month: nil, previousMonth: nil),
            F.project("OLD-2025", title: "中心裂纹", status: .completed, closedOn: "2026-05-20"),
            F.project("SR-T1", title: "Centre\tcracks", dueOn: "2026-05-19", month: F.counts(64, of: 2000)),
        ]
        return [
            MonthlyReport(
                facts: MonthlyReportFacts(month: F.month, projects: now, previousProjects: previous, talks: [talk])),
            F.report([]),
            F.report([F.project(month: F.counts(0, of: 0))]),
        ]
    }

    @Test("monthly reports: the same bytes as JSONEncoder")
    func monthlyReports() throws {
        for report in Self.reports {
            let ours = try JSONDocument.encode(report)
            #expect(ours == (try Self.foundation(report)))
        }
        // The first report holds what it is meant to: a plan, a talk, called-in projects.
        let text = try JSONDocument.encode(Self.reports[0])
        #expect(text.contains("\"talk\" : {"))
        #expect(text.contains("\"called_in\" : ["))
        #expect(text.contains("\"plan\""))
    }

    @Test("written in pieces: the same bytes as encode, a large report in pieces of about 64 KiB")
    func writtenInPieces() throws {
        // Large enough for several pieces: the first report's projects, many times over.
        var large = Self.reports[0]
        large.projects = (0..<100).flatMap { _ in Self.reports[0].projects }
        for report in Self.reports + [large] {
            var pieces: [[UInt8]] = []
            try JSONDocument.write(report) { pieces.append(Array($0)) }
            #expect(String(decoding: pieces.joined(), as: UTF8.self) == (try JSONDocument.encode(report)))
            #expect(pieces.dropLast(2).allSatisfy { $0.count >= 1 << 16 }, "pieces of at least 64 KiB but the last")
        }
        var pieces = 0
        try JSONDocument.write(large) { _ in pieces += 1 }
        #expect(pieces > 3, "\(pieces) pieces")
        // Text is written at once, as render returns it.
        var text: [UInt8] = []
        try ReportFormat.text.write(Self.reports[0], language: .zh) { text += $0 }
        #expect(String(decoding: text, as: UTF8.self) == (try ReportFormat.text.render(Self.reports[0], language: .zh)))
    }

    /// Values at the edges of the format.
    struct Edges: Codable {
        var text =
            "quote \" backslash \\ slash / tab \t newline \n return \r bell \u{07} nul \u{00} unit \u{1F} del \u{7F}"
        var chinese = "板坯纵裂 é 😀 \u{2028}"
        var empty = ""
        var numbers: [Double] = [
            0, -0.0, 1, -1, 0.1, 1.5, 100, 1e-7, 5.884136440515879e-05, 1e15, 1e16, 1.5e300, 123456789.125,
            Double.leastNonzeroMagnitude, Double.greatestFiniteMagnitude, 0.02266666666666667,
        ]
        var float: Float = 0.1
        var floats: [Float] = [1, 2.5, 1e-10]
        var integers = [0, -1, Int.min, Int.max]
        var unsigned: UInt64 = .max
        var small: Int8 = -128
        var flag = true
        var flags = [true, false]
        var missing: String? = nil
        var present: Int? = 7
        var emptyArray: [Int] = []
        var emptyStrings: [String] = []
        var nestedEmpty: [[String]] = [[], ["a"]]
        var emptyObject = Empty()
        var emptyObjects = [Empty(), Empty()]
        var myURLProperty = 1
        var aB = 2
        var _privateName = 3
        var camelCase2Test = 4
        var already_snake = 5
        var x = 6
        var HTTPServer = 7
        var date = Date(timeIntervalSinceReferenceDate: 802_000_000.5)
        var data = Data([0, 1, 2, 250, 255])
        var url = URL(string: "https://example.com/a b?x=1")
        var decimal = Decimal(string: "12.340")!
        var byName = ["zeta": 1, "Alpha": 2, "camelKey": 3, "é": 4, "a": 5]
        var byNumber = [10: "ten", 2: "two"]
        var byKind: [Kind: Int] = [.firstKind: 1, .secondKind: 2]
        var kind = Kind.secondKind
        var optionalArray: [Int?] = [1, nil, 3]

        struct Empty: Codable {}

        enum Kind: String, Codable, CodingKeyRepresentable {
            case firstKind
            case secondKind
        }
    }

    /// A type that writes the same key twice and an explicit null, as hand-written `encode(to:)` may.
    struct Handwritten: Encodable {
        enum Key: String, CodingKey {
            case value, again, nothing, list, object
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(1, forKey: .value)
            try container.encode("again", forKey: .again)
            try container.encode(2, forKey: .value)
            try container.encodeNil(forKey: .nothing)
            var list = container.nestedUnkeyedContainer(forKey: .list)
            try list.encode(1)
            try list.encodeNil()
            var inner = list.nestedContainer(keyedBy: Key.self)
            try inner.encode(true, forKey: .value)
            var object = container.nestedContainer(keyedBy: Key.self, forKey: .object)
            try object.encode([1.0, 2.5], forKey: .list)
        }
    }

    @Test("edge values: escapes, numbers, empty containers, keys, Foundation types, dictionaries")
    func edges() throws {
        #expect(try JSONDocument.encode(Edges()) == (try Self.foundation(Edges())))
        #expect(try JSONDocument.encode(Handwritten()) == (try Self.foundation(Handwritten())))
        #expect(try JSONDocument.encode([Edges(), Edges()]) == (try Self.foundation([Edges(), Edges()])))
        #expect(try JSONDocument.encode("top level") == (try Self.foundation("top level")))
        #expect(try JSONDocument.encode(42) == (try Self.foundation(42)))
        #expect(try JSONDocument.encode([String]()) == (try Self.foundation([String]())))
    }

    @Test("a number JSON cannot hold is refused, as JSONEncoder refuses it")
    func nonFinite() {
        for value in [Double.nan, .infinity, -.infinity] {
            #expect(throws: EncodingError.self) { try Self.foundation(["rate": value]) }
            #expect(throws: EncodingError.self) { try JSONDocument.encode(["rate": value]) }
        }
    }
}
