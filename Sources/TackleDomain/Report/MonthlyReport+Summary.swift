extension MonthlyReport {
    /// The plant's month at a glance: projects by status and by judgement, who is behind, the
    /// projects called in, and the month's trials and production figures per metric (figures of
    /// different metrics, slabs and heats say, are never added together).
    public struct Summary: Sendable, Hashable, Codable {
        /// How many projects the report covers.
        public var projectCount: Int
        /// How many projects are ranked (active at the month's end).
        public var rankedCount: Int
        /// Projects per status at the end of the month, every status present.
        public var byStatus: StatusCounts
        /// Projects per judgement, every judgement present.
        public var byJudgement: JudgementCounts
        /// The keys of the projects off track, in rank order.
        public var behind: [String]
        /// The keys of the projects at risk, in rank order.
        public var atRisk: [String]
        /// The keys of the projects called in for a talk, lowest score first.
        public var calledIn: [String]
        /// How many trials ended in the month, across all projects.
        public var trialCount: Int
        /// Per metric name: the projects counting it, the month's figures and trials summed.
        public var metrics: [MetricSummary]

        /// Sums up the report's projects.
        ///
        /// - Parameters:
        ///   - projects: The projects, ranked ones in rank order.
        ///   - calledIn: The keys of the projects called in.
        init(projects: [ProjectEntry], calledIn: [String]) {
            projectCount = projects.count
            rankedCount = projects.count { $0.rank != nil }
            byStatus = StatusCounts(projects.map(\.status))
            byJudgement = JudgementCounts(projects.map(\.judgement))
            behind = projects.filter { $0.judgement == .offTrack }.map(\.key)
            atRisk = projects.filter { $0.judgement == .atRisk }.map(\.key)
            self.calledIn = calledIn
            trialCount = projects.map(\.trials.count).reduce(0, +)
            metrics = Dictionary(grouping: projects, by: \.metricName).map { name, group in
                MetricSummary(
                    metricName: name, projects: group.count, withFigures: group.count { $0.monthFigures != nil },
                    figures: Proportion.pooled(group.compactMap(\.monthFigures?.counts)),
                    trials: group.map(\.trials.count).reduce(0, +),
                    trialOutcomes: Proportion.pooled(group.flatMap(\.trials).map(\.outcome.counts)))
            }.sorted { $0.metricName < $1.metricName }
        }
    }

    /// One metric's month across the projects that count it.
    public struct MetricSummary: Sendable, Hashable, Codable {
        /// What the metric counts: `longitudinal crack rate`.
        public var metricName: String
        /// How many projects count it, and how many recorded figures for the month.
        public var projects: Int
        public var withFigures: Int
        /// The month's production figures summed over those projects.
        public var figures: Proportion
        /// The trials that ended in the month and their outcomes summed.
        public var trials: Int
        public var trialOutcomes: Proportion
    }

    /// How many projects are in each status; every status is present, so the shape is stable.
    public struct StatusCounts: Sendable, Hashable, Codable {
        public var proposed = 0
        public var active = 0
        public var onHold = 0
        public var completed = 0
        public var cancelled = 0

        /// Creates counts.
        ///
        /// - Parameters:
        ///   - proposed: Proposed projects.
        ///   - active: Active projects.
        ///   - onHold: Projects on hold.
        ///   - completed: Completed projects.
        ///   - cancelled: Cancelled projects.
        public init(proposed: Int = 0, active: Int = 0, onHold: Int = 0, completed: Int = 0, cancelled: Int = 0) {
            self.proposed = proposed
            self.active = active
            self.onHold = onHold
            self.completed = completed
            self.cancelled = cancelled
        }

        /// Counts statuses.
        ///
        /// - Parameter statuses: One status per project.
        init(_ statuses: [ProjectStatus]) {
            for status in statuses {
                self[status] += 1
            }
        }

        /// The count for one status.
        public subscript(status: ProjectStatus) -> Int {
            get {
                switch status {
                case .proposed: proposed
                case .active: active
                case .onHold: onHold
                case .completed: completed
                case .cancelled: cancelled
                }
            }
            set {
                switch status {
                case .proposed: proposed = newValue
                case .active: active = newValue
                case .onHold: onHold = newValue
                case .completed: completed = newValue
                case .cancelled: cancelled = newValue
                }
            }
        }
    }

    /// How many projects have each judgement; every judgement is present, so the shape is stable.
    public struct JudgementCounts: Sendable, Hashable, Codable {
        public var onTrack = 0
        public var atRisk = 0
        public var offTrack = 0
        public var notRanked = 0
        public var closed = 0

        /// Creates counts.
        ///
        /// - Parameters:
        ///   - onTrack: Projects on track.
        ///   - atRisk: Projects at risk.
        ///   - offTrack: Projects off track.
        ///   - notRanked: Projects on hold or proposed.
        ///   - closed: Closed projects.
        public init(onTrack: Int = 0, atRisk: Int = 0, offTrack: Int = 0, notRanked: Int = 0, closed: Int = 0) {
            self.onTrack = onTrack
            self.atRisk = atRisk
            self.offTrack = offTrack
            self.notRanked = notRanked
            self.closed = closed
        }

        /// Counts judgements.
        ///
        /// - Parameter judgements: One judgement per project.
        init(_ judgements: [Judgement]) {
            for judgement in judgements {
                self[judgement] += 1
            }
        }

        /// The count for one judgement.
        public subscript(judgement: Judgement) -> Int {
            get {
                switch judgement {
                case .onTrack: onTrack
                case .atRisk: atRisk
                case .offTrack: offTrack
                case .notRanked: notRanked
                case .closed: closed
                }
            }
            set {
                switch judgement {
                case .onTrack: onTrack = newValue
                case .atRisk: atRisk = newValue
                case .offTrack: offTrack = newValue
                case .notRanked: notRanked = newValue
                case .closed: closed = newValue
                }
            }
        }
    }
}
