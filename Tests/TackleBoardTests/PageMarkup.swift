/// What a test reads back from a rendered page: its charts and how often a piece occurs.
struct PageMarkup {
    /// One `<svg>`: what it declares and what it draws.
    struct Chart {
        var kind: String
        var declaredPoints: Int
        var marks: Int
        var title: String
    }

    var html: String

    /// Every chart of the page, in order.
    var charts: [Chart] {
        html.split(separator: "<svg ", omittingEmptySubsequences: false).dropFirst().map { piece in
            let svg = piece.split(separator: "</svg>", omittingEmptySubsequences: false)[0]
            let tag = svg.prefix { $0 != ">" }
            func attribute(_ name: String) -> String {
                guard let range = tag.firstRange(of: "\(name)=\"") else { return "" }
                return String(tag[range.upperBound...].prefix { $0 != "\"" })
            }
            let title = svg.split(separator: "<title>").dropFirst().first?.split(separator: "</title>").first
            return Chart(
                kind: attribute("data-chart"), declaredPoints: Int(attribute("data-points")) ?? -1,
                marks: svg.split(separator: "class=\"point", omittingEmptySubsequences: false).count - 1,
                title: title.map(String.init) ?? "")
        }
    }

    /// The charts of one kind.
    func charts(_ kind: String) -> [Chart] { charts.filter { $0.kind == kind } }

    /// How many times `piece` occurs.
    func count(_ piece: String) -> Int {
        html.split(separator: piece, omittingEmptySubsequences: false).count - 1
    }
}
