extension MonthlyReport {
    /// One project's line of the monthly report: where it stands, how its rate moved, its trials
    /// and milestones, the judgement with its reasons, and its rank.
    ///
    /// Rates are fractions (0.0145 for 1.45 %); shares of the gap are fractions too (0.648 for
    /// 64.8 %).
    public struct ProjectEntry: Sendable, Hashable, Codable {
        /// The short key users type: `SLAB-CRACK-2026`.
        public var key: String
        public var title: String
        /// The sponsoring unit's code.
        public var unitCode: String
        /// The leader's employee number.
        public var leaderNo: String
        public var leaderName: String
        /// The status at the end of the month.
        public var status: ProjectStatus
        public var openedOn: LocalDate
        public var dueOn: LocalDate
        /// The closing date, if the project closed by the end of the month.
        public var closedOn: LocalDate?
        /// Days from the end of the month to the due date: negative when overdue; `nil` for a
        /// closed project.
        public var daysLeft: Int?
        /// Whether the end of the month is past the due date of a project not closed.
        public var isOverdue: Bool

        /// What the defect metric counts.
        public var metricName: String
        /// The baseline's counts, rate and interval.
        public var baseline: Figures
        /// The months the baseline was measured over.
        public var baselinePeriod: MonthRange
        /// Whether the baseline was changed (re-baselined, with a reason) during the month.
        public var baselineChanged: Bool
        /// The target rate.
        public var targetRate: Double
        /// The month's production figures; `nil` when none were recorded.
        public var monthFigures: Figures?
        /// The previous month's production figures; `nil` when none were recorded.
        public var previousMonthFigures: Figures?
        /// The share of the baseline-to-target gap closed by the month's rate, unclamped (see
        /// ``Statistics/gapClosed(baseline:target:current:)``); `nil` without a month rate.
        public var gapClosed: Double?
        /// The share of the gap the glide path expects closed by now: the share of the
        /// project's time elapsed at the end of the month, 0 to 1.
        public var expectedGapClosed: Double
        /// The rate the glide path expects at the end of the month; `nil` without a baseline rate.
        public var expectedRate: Double?

        /// The trials that ended in the month, by number.
        public var trials: [TrialEntry]
        /// The milestones at the end of the month.
        public var milestones: MilestoneProgress

        /// On track, at risk, off track, not ranked or closed; see ``Judgement`` for the rule.
        public var judgement: Judgement
        /// Why, language-free: off-track findings first, then at-risk ones.
        public var reasons: [Finding]
        /// The month's score, for a project active at the month's end; `nil` otherwise.
        public var score: Score?
        /// The place in the month's ranking by score, 1 for the best, shared by equal scores
        /// (1, 2, 2, 4); `nil` for a project not active at the month's end.
        public var rank: Int?
        /// Whether the project is called in for a talk (末位约谈) this month.
        public var calledIn: Bool
        /// The day the month's figures were first recorded, plant time; `nil` when there are none.
        public var figuresRecordedOn: LocalDate?
        /// The six months ending with the month, oldest first, for the trend (the report's
        /// sparkline); `nil` in reports published before the trend was part of them.
        public var recentMonths: [RecentMonth]?

        /// The months of the trend, from the facts: six, ending with `month`.
        static func recentMonths(of facts: ProjectFacts, endingWith month: Month) -> [RecentMonth] {
            (-5...0).map { offset in
                let recent = month.adding(months: offset)
                let counts =
                    facts.recentMonths.first { $0.month == recent }.map(\.counts)
                    ?? (recent == month
                        ? facts.monthFigures : recent == month.previous ? facts.previousMonthFigures : nil)
                return RecentMonth(month: recent, counts: counts)
            }
        }
    }

    /// One month of a project's trend: `{"month": "2026-05", "defective": 21, "inspected": 1450,
    /// "rate": 0.0145}`, only the month when nothing was recorded.
    public struct RecentMonth: Sendable, Hashable, Codable {
        public var month: Month
        /// The month's defective count; `nil` without figures.
        public var defective: Int?
        /// The month's inspected count; `nil` without figures.
        public var inspected: Int?
        /// `defective / inspected`; `nil` without figures or when nothing was inspected.
        public var rate: Double?

        /// A month of the trend from its counts.
        ///
        /// - Parameters:
        ///   - month: The month.
        ///   - counts: The month's summed figures, or `nil` when none were recorded.
        public init(month: Month, counts: Proportion?) {
            self.month = month
            defective = counts?.defective
            inspected = counts?.inspected
            rate = counts?.rate
        }
    }
}
