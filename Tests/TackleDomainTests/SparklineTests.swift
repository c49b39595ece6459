import Testing

@testable import TackleDomain

@Suite("Sparkline")
struct SparklineTests {
    @Test("each eighth of the scale is one block up, from ▁ at 0 to █ at the top")
    func steps() {
        let sparkline = Sparkline(top: 8)
        #expect(sparkline.render([0, 1, 2, 3, 4, 5, 6, 7, 8]) == "▁▂▃▄▅▆▇██")
        // Just below a step stays on the step beneath; beyond the scale stays at the top.
        #expect(sparkline.render([0.999, 1.999, 6.999, 100, -3]) == "▁▂▇█▁")
        #expect(Sparkline.blocks.map { $0.unicodeScalars.first!.value } == Array(0x2581...0x2588))
    }

    @Test("a missing value is a gap, drawn as ·")
    func gaps() {
        #expect(Sparkline(top: 4).render([nil, 2, nil, .nan, 4]) == "·▅··█")
        #expect(Sparkline.gap == "·")
    }

    @Test("scaled to a series, the top is the larger of its maximum and the reference")
    func scaling() {
        let rates: [Double?] = [0.5, nil, 1, 0.25]
        #expect(Sparkline(scaling: rates).top == 1)
        #expect(Sparkline(scaling: rates).render(rates) == "▅·█▃")
        // Against a baseline of 2 the same series sits low: a full block means at or above the baseline.
        #expect(Sparkline(scaling: rates, reference: 2).top == 2)
        #expect(Sparkline(scaling: rates, reference: 2).render(rates) == "▃·▅▂")
        // A reference below the series' maximum changes nothing.
        #expect(Sparkline(scaling: rates, reference: 0.5).top == 1)
    }

    @Test("an all-zero or empty series is drawn flat at the bottom")
    func flat() {
        #expect(Sparkline(scaling: [0, 0, nil]).render([0, 0, nil]) == "▁▁·")
        #expect(Sparkline(scaling: []).top == 0)
        #expect(Sparkline(top: -1).top == 0)
        #expect(Sparkline(top: .infinity).top == 0)
    }

    @Test("every block and the gap take one terminal column")
    func width() {
        for character in Sparkline.blocks + [Sparkline.gap] {
            #expect(TextWidth.columns(of: character) == 1, "\(character)")
        }
        #expect(TextWidth.columns(of: Sparkline(top: 8).render([0, 2, nil, 8, 5, 1])) == 6)
    }

    @Test("a sparkline column lines up in a table with Chinese titles: every line is as wide as the header")
    func alignsWithChinese() throws {
        let sparkline = Sparkline(top: 0.04)
        var table = TextTable(columns: [
            .init("项目"), .init("近六月"), .init("缺陷率", alignment: .right),
        ])
        table.append(["板坯纵裂攻关", sparkline.render([0.032, 0.03, nil, 0.02, 0.015, 0.0145]), "1.45%"])
        table.append(["SR-T1 Centre cracks", sparkline.render([0.04, 0.035, 0.033, 0.03, 0.032, 0.032]), "3.20%"])
        table.append(["角横裂", sparkline.render([nil, nil, nil, nil, nil, 0.005]), "0.50%"])
        let lines = table.render().split(separator: "\n")
        try #require(lines.count == 5)
        let widths = Set(lines.map { TextWidth.columns(of: $0) })
        #expect(widths.count == 1, "\(lines.map { TextWidth.columns(of: $0) })")
        // The sparkline starts at the same terminal column as its header on every line.
        let start = try #require(lines[0].firstRange(of: "近六月")).lowerBound
        let column = TextWidth.columns(of: lines[0][..<start])
        for line in lines.dropFirst(2) {
            let first = try #require(line.firstIndex { Sparkline.blocks.contains($0) || $0 == Sparkline.gap })
            #expect(TextWidth.columns(of: line[..<first]) == column, "\(line)")
        }
    }
}
