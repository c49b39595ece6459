import TackleDomain

/// A "label  value" block for `show` commands, aligned by display width (CJK-safe).
struct Fields {
    var pairs: [(String, String)]

    init(_ pairs: [(String, String)]) { self.pairs = pairs }

    func render() -> String {
        let width = pairs.map { TextWidth.columns(of: $0.0) }.max() ?? 0
        return pairs.map { label, value in
            let padding = String(repeating: " ", count: width - TextWidth.columns(of: label))
            let line = "\(label):\(padding)  \(value)"
            return line.hasSuffix(" ") ? String(line.reversed().drop(while: { $0 == " " }).reversed()) : line
        }.joined(separator: "\n") + "\n"
    }
}
