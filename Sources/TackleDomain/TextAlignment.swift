/// Which side of a column text sits against when padded.
public enum TextAlignment: String, Sendable, Hashable, Codable, CaseIterable {
    /// Text starts at the column's left edge; for names and titles.
    case left
    /// Text ends at the column's right edge; for numbers, so their digits line up.
    case right
}
