extension MonthlyReport {
    /// The plant's month at a glance: projects by status and by judgement, who is behind, the
    /// trials and production figures summed, and the bottom three.
    public struct Summary: Sendable, Hashable, Codable {
        /// How many projects the report covers.
        public var projectCount: Int
        /// Projects per status at the end of the month, every status present.
        public var byStatus: StatusCounts
        /// Projects per judgement, every judgement present.
        public var byJudgement: JudgementCounts
        /// The keys of the projects off track, in rank order.
        public var behind: [String]
        /// The keys of the projects at risk, in rank order.
        public var atRisk: [String]
        /// How many trials ended in the month, across all projects.
        public var trialCount: Int
        /// The slabs inspected and defective in those trials, summed.
        public var trialSlabs: Proportion
        /// The month's production figures summed over the projects that recorded any.
        ///
        /// Each project counts its own metric, so a slab inspected for two projects counts twice.
        public var productionSlabs: Proportion
        /// The keys of the three lowest-ranked projects, worst first: their leaders are called in
        /// for a talk. Fewer when fewer projects are ranked.
        public var bottomThree: [String]

        /// Sums up the report's projects.
        ///
        /// - Parameter projects: The projects, ranked ones in rank order.
        init(projects: [ProjectEntry]) {
            projectCount = projects.count
            byStatus = StatusCounts(projects.map(\.status))
            byJudgement = JudgementCounts(projects.map(\.judgement))
            behind = projects.filter { $0.judgement == .offTrack }.map(\.key)
            atRisk = projects.filter { $0.judgement == .atRisk }.map(\.key)
            let trials = projects.flatMap(\.trials)
            trialCount = trials.count
            trialSlabs = Proportion.pooled(trials.map(\.outcome.counts))
            productionSlabs = Proportion.pooled(projects.compactMap(\.monthFigures?.counts))
            let ranked = projects.compactMap { entry in entry.rank.map { (rank: $0, key: entry.key) } }
                .sorted { $0.rank < $1.rank }
            bottomThree = ranked.suffix(3).reversed().map(\.key)
        }
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
        public var closed = 0

        /// Creates counts.
        ///
        /// - Parameters:
        ///   - onTrack: Projects on track.
        ///   - atRisk: Projects at risk.
        ///   - offTrack: Projects off track.
        ///   - closed: Closed projects.
        public init(onTrack: Int = 0, atRisk: Int = 0, offTrack: Int = 0, closed: Int = 0) {
            self.onTrack = onTrack
            self.atRisk = atRisk
            self.offTrack = offTrack
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
                case .closed: closed
                }
            }
            set {
                switch judgement {
                case .onTrack: onTrack = newValue
                case .atRisk: atRisk = newValue
                case .offTrack: offTrack = newValue
                case .closed: closed = newValue
                }
            }
        }
    }
}
