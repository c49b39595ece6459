/// A series drawn on one line, one character per value: `▃▅·▂▁▁`.
///
/// Values are drawn with the eight block elements `▁▂▃▄▅▆▇█` (U+2581 to U+2588) on a scale from
/// 0 to ``top``: each eighth of the scale is one step up, so 0 is `▁` and ``top`` is `█`. A value
/// that is missing (a period without figures) is drawn as ``gap``, `·` (U+00B7).
///
/// The scale starts at 0, not at the smallest value, so a flat series stays flat instead of
/// magnifying noise. Scale a rate series with its baseline as the reference
/// (``init(scaling:reference:)``): the top is then the larger of the series' maximum and the
/// baseline, so a full block means "at or above the baseline" and a project's line reads against
/// its own baseline.
///
/// Every character is East Asian Ambiguous width, which ``TextWidth`` counts as one column, as
/// terminals outside East Asian locales show them; a sparkline therefore lines up in a
/// ``TextTable`` next to Chinese text.
public struct Sparkline: Sendable, Hashable {
    /// The blocks from the lowest to the highest step.
    public static let blocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    /// The character of a missing value.
    public static let gap: Character = "·"

    /// The value a full block `█` stands for; 0 draws every value as `▁`.
    public var top: Double

    /// A sparkline on the scale `0...top`.
    ///
    /// - Parameter top: The value of a full block; a negative or not finite top counts as 0.
    public init(top: Double) {
        self.top = top.isFinite ? max(0, top) : 0
    }

    /// A sparkline scaled to a series: from 0 to the largest of its values and the reference.
    ///
    /// - Parameters:
    ///   - values: The series; `nil` values are gaps and do not count.
    ///   - reference: A value the scale must reach, such as the baseline rate, or `nil`.
    public init(scaling values: [Double?], reference: Double? = nil) {
        let finite = (values + [reference]).compactMap { $0 }.filter(\.isFinite)
        self.init(top: finite.max() ?? 0)
    }

    /// The series drawn on this sparkline's scale, one character per value.
    ///
    /// - Parameter values: The series, oldest first; `nil` for a gap.
    /// - Returns: One character per value.
    public func render(_ values: [Double?]) -> String {
        String(values.map(character(for:)))
    }

    /// The character of one value: its block, or ``gap`` for `nil` or not-a-number.
    ///
    /// - Parameter value: The value.
    /// - Returns: `▁` for 0 (and below), `█` for ``top`` (and above), ``gap`` for a missing value.
    public func character(for value: Double?) -> Character {
        guard let value, !value.isNaN else { return Self.gap }
        guard top > 0, value > 0 else { return Self.blocks[0] }
        let step = Int(min(value / top, 1) * Double(Self.blocks.count))
        return Self.blocks[min(step, Self.blocks.count - 1)]
    }
}
