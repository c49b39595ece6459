extension MonthlyReport {
    /// Where a project stands at the end of the month: on track, at risk, off track, or closed.
    ///
    /// The rule, with asOf the last day of the month:
    ///
    /// - The elapsed share of the project's time is
    ///   s = clamp(days(openedOn → asOf) / days(openedOn → dueOn), 0, 1), and s = 1 when the
    ///   project is due the day it opened. The expected rate on a straight glide path from
    ///   baseline to target is baselineRate − s × (baselineRate − targetRate); the expected
    ///   share of the gap closed is s.
    /// - ``closed``: the project was completed or cancelled by asOf. It is not judged and not
    ///   ranked.
    /// - ``offTrack`` when any of: asOf is past the due date; the month's rate is not below the
    ///   baseline rate; two or more milestones are overdue.
    /// - ``onTrack`` when the month has figures, the month's rate is at most the expected rate
    ///   (to within 1e-12, so a rate exactly on the path stays on it), and no milestone is overdue.
    /// - ``atRisk`` otherwise: no figures for the month, a rate above the glide path, or one
    ///   milestone overdue.
    ///
    /// - ``notRanked``: on hold or still a proposal at the month's end: listed, not judged,
    ///   scored or ranked.
    ///
    /// Every judgement but ``onTrack`` carries at least one reason.
    public enum Judgement: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
        case onTrack = "on-track"
        case atRisk = "at-risk"
        case offTrack = "off-track"
        case notRanked = "not-ranked"
        case closed

        /// Words for a report: `on track`, `at risk`, `off track`, `closed`.
        public var description: String {
            switch self {
            case .onTrack: "on track"
            case .atRisk: "at risk"
            case .offTrack: "off track"
            case .notRanked: "not ranked"
            case .closed: "closed"
            }
        }

        /// The order of the ranking: on track first, off track last, closed after all judged ones.
        var severity: Int {
            switch self {
            case .onTrack: 0
            case .atRisk: 1
            case .offTrack: 2
            case .notRanked: 3
            case .closed: 4
            }
        }
    }
}
