extension ControlChart {
    /// One period on the chart: its figures, rate, limits, signals and marks.
    public struct Point: Sendable, Hashable, Codable {
        /// `2026-05` for a month, `2026-05-14` for a day.
        public var period: String
        /// The first day of the period.
        public var firstDay: LocalDate
        /// The last day of the period: the month's last day, or the day itself.
        public var lastDay: LocalDate
        /// The period's summed figures; `nil` for a gap (nothing recorded).
        public var counts: Proportion?
        /// defective / inspected; `nil` for a gap or a period that inspected nothing.
        public var rate: Double?
        /// The 3-sigma limits for this period's own n; `nil` without a rate.
        public var limits: Limits?
        /// The run on one side of the centre this point belongs to; `nil` without a rate or
        /// exactly on the centre.
        public var run: Run?
        /// What the point signals, in the order of ``Signal``'s cases; empty when nothing.
        public var signals: [Signal]
        /// The labels of the trials running during the period: `["T3", "T4"]`.
        public var trials: [String]
        /// The status changes effective during the period.
        public var statusChanges: [StatusChange]

        /// Creates a point.
        ///
        /// - Parameters:
        ///   - period: The period as text.
        ///   - firstDay: The period's first day.
        ///   - lastDay: The period's last day.
        ///   - counts: The figures, or `nil` for a gap.
        ///   - rate: The rate.
        ///   - limits: The control limits.
        ///   - run: The run the point belongs to.
        ///   - signals: What the point signals.
        ///   - trials: The trials running during the period.
        ///   - statusChanges: The status changes effective during the period.
        public init(
            period: String, firstDay: LocalDate, lastDay: LocalDate, counts: Proportion?, rate: Double?,
            limits: Limits?, run: Run?, signals: [Signal], trials: [String], statusChanges: [StatusChange]
        ) {
            self.period = period
            self.firstDay = firstDay
            self.lastDay = lastDay
            self.counts = counts
            self.rate = rate
            self.limits = limits
            self.run = run
            self.signals = signals
            self.trials = trials
            self.statusChanges = statusChanges
        }

        /// Whether the point signals anything.
        public var isSignalled: Bool { !signals.isEmpty }
    }
}
