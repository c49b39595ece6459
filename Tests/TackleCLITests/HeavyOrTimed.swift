import Testing

/// Suites that must not run at the same time: the million-line import keeps a core of the 2-core
/// machine busy for a minute, and the outage test holds the job to publishing within 5 s of the
/// server's return. Nested here, they run one after the other (other suites still run beside them).
@Suite(.serialized)
enum HeavyOrTimed {}
