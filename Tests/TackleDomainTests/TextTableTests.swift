import Testing

@testable import TackleDomain

@Suite("Text table")
struct TextTableTests {
    static let projects = TextTable(
        columns: [
            .init("项目"),
            .init("标题", maxWidth: 12),
            .init("负责人"),
            .init("缺陷率", alignment: .right),
            .init("n", alignment: .right),
        ],
        rows: [
            ["SLAB-CRACK-2026", "铸坯纵裂攻关", "王伟", "3.20%", "1500"],
            ["CORNER-2026", "角横裂 corner cracks on peritectic grades", "Li Na", "0.92%", "650"],
            ["SR-T1", "轻压下试验", "欧阳建国", "12.50%", "40"],
        ]
    )

    @Test("renders aligned columns with an underline, two-space gaps and a final newline")
    func exactOutput() {
        let expected = """
            项目             标题          负责人    缺陷率     n
            ---------------  ------------  --------  ------  ----
            SLAB-CRACK-2026  铸坯纵裂攻关  王伟       3.20%  1500
            CORNER-2026      角横裂 corn…  Li Na      0.92%   650
            SR-T1            轻压下试验    欧阳建国  12.50%    40

            """
        #expect(Self.projects.render() == expected)
    }

    @Test("every column starts at the same terminal column on every line")
    func columnsLineUp() throws {
        let lines = Self.projects.render().split(separator: "\n").map(String.init)
        let cellRows = [Self.projects.columns.map(\.header)] + Self.projects.rows
        var leftEdges: [[Int]] = []
        var rightEdges: [[Int]] = []
        for (line, cells) in zip([lines[0]] + lines.dropFirst(2), cellRows) {
            var searchFrom = line.startIndex
            var lefts: [Int] = []
            var rights: [Int] = []
            for (index, cell) in cells.enumerated() {
                let shown = TextWidth.truncate(cell, to: Self.projects.columns[index].maxWidth ?? .max)
                let range = try #require(line[searchFrom...].firstRange(of: shown), "\(shown) in \(line)")
                let start = TextWidth.columns(of: line[..<range.lowerBound])
                lefts.append(start)
                rights.append(start + TextWidth.columns(of: shown))
                searchFrom = range.upperBound
            }
            leftEdges.append(lefts)
            rightEdges.append(rights)
        }
        for (index, column) in Self.projects.columns.enumerated() {
            let edges = (column.alignment == .left ? leftEdges : rightEdges).map { $0[index] }
            #expect(Set(edges).count == 1, "column \(column.header): \(edges)")
        }
        // The underline has one run of dashes per column, under the column's full width.
        let dashes = lines[1].split(separator: " ").map(\.count)
        #expect(dashes == [15, 12, 8, 6, 4])
    }

    @Test("no line has trailing spaces, even with a blank last cell")
    func noTrailingSpaces() {
        var table = TextTable(columns: [.init("项目"), .init("备注")])
        table.append(["SLAB-CRACK-2026", ""])
        table.append(["SR", "已完成"])
        let lines = table.render().split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.last == "")
        #expect(lines.dropLast().allSatisfy { !$0.hasSuffix(" ") })
        #expect(lines[2] == "SLAB-CRACK-2026")
    }

    @Test("missing cells are blank and extra cells are ignored")
    func raggedRows() {
        let table = TextTable(columns: [.init("a"), .init("b", alignment: .right)], rows: [["1"], ["2", "3", "4"]])
        #expect(table.render() == "a  b\n-  -\n1\n2  3\n")
    }

    @Test("line breaks and tabs inside a cell become spaces")
    func controlCharacters() {
        let table = TextTable(columns: [.init("备注")], rows: [["二冷水\n轻压下\t4.5 mm"]])
        #expect(table.render() == "备注\n--------------------\n二冷水 轻压下 4.5 mm\n")
    }

    @Test("a header wider than every cell sets the width; a maximum width cuts it too")
    func headerWidth() {
        let wide = TextTable(columns: [.init("月度进展", alignment: .right)], rows: [["ok"]])
        #expect(wide.render() == "月度进展\n--------\n      ok\n")
        let cut = TextTable(columns: [.init("月度进展", maxWidth: 5)], rows: [["ok"]])
        #expect(cut.render() == "月度…\n-----\nok\n")
    }

    @Test("no columns render nothing; no rows render the header")
    func empty() {
        #expect(TextTable(columns: []).render() == "")
        #expect(TextTable(columns: [.init("项目")]).render() == "项目\n----\n")
    }
}
