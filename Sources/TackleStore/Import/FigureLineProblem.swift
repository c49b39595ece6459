/// A line of a figures file that cannot be imported, and why.
public struct FigureLineProblem: Sendable, Hashable, CustomStringConvertible {
    /// The line's number in the file: the header is line 1.
    public var line: Int
    /// What is wrong, for a plant engineer: `defective 12 is more than inspected 10`.
    public var message: String

    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }

    /// `line 7: defective 12 is more than inspected 10`.
    public var description: String { "line \(line): \(message)" }
}

/// A figures file refused because some of its lines cannot be imported: nothing was written.
///
/// The problems are the first ``listed`` bad lines in line order; ``count`` says how many there are
/// in all.
public struct FigureImportRefusal: Error, Sendable, CustomStringConvertible {
    /// How many bad lines a refusal lists: the rest are only counted.
    public static let listed = 50

    /// The first bad lines, in line order.
    public var problems: [FigureLineProblem]
    /// How many lines are bad.
    public var count: Int

    public init(problems: [FigureLineProblem], count: Int) {
        self.problems = problems
        self.count = count
    }

    /// The bad lines merged from two sources (each in line order), the first ``listed`` of them.
    static func merging(_ first: [FigureLineProblem], _ second: [FigureLineProblem], count: Int) -> Self {
        let merged = (first + second).sorted { ($0.line, $0.message) < ($1.line, $1.message) }
        return FigureImportRefusal(problems: Array(merged.prefix(listed)), count: count)
    }

    /// `3 lines cannot be imported; nothing was imported`.
    public var description: String {
        "\(count) line\(count == 1 ? "" : "s") cannot be imported; nothing was imported"
    }
}
