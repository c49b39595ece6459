import TackleDomain

/// What an import of a figures file did, or (for a dry run) would do.
public struct FigureImportResult: Sendable, Hashable {
    /// Daily or monthly figures.
    public var granularity: Observation.Granularity
    /// The figures in the file (its lines after the header, blank lines not counted).
    public var figures: Int
    /// Figures recorded that were not recorded before.
    public var inserted: Int
    /// Figures already recorded with the same counts (and note, when the file has notes).
    public var unchanged: Int
    /// Recorded figures corrected to the file's counts.
    public var corrected: Int
    /// The import batch recorded; nil when nothing changed (nothing is recorded then) or for a dry run.
    public var batch: Int?
    /// The SHA-256 of the file as read, 64 hexadecimal characters.
    public var fileSHA256: String
    /// True when nothing was written: the counts say what an import would do.
    public var dryRun: Bool

    public init(
        granularity: Observation.Granularity, figures: Int, inserted: Int, unchanged: Int, corrected: Int,
        batch: Int?, fileSHA256: String, dryRun: Bool
    ) {
        self.granularity = granularity
        self.figures = figures
        self.inserted = inserted
        self.unchanged = unchanged
        self.corrected = corrected
        self.batch = batch
        self.fileSHA256 = fileSHA256
        self.dryRun = dryRun
    }
}
