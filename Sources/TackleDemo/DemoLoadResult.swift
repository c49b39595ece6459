/// What ``Store/loadDemo()`` did.
public enum DemoLoadResult: Sendable, Hashable {
    /// The demo was written, in one transaction.
    case loaded(DemoSummary)
    /// The demo was already there; nothing was written. The summary says what the demo holds.
    case alreadyLoaded(DemoSummary)
}
