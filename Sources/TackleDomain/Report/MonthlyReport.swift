/// The monthly project status and assessment (月度进展、考核、排序): every project's figures,
/// trials and milestones at the end of the month, judged, scored by the rubric, ranked for the
/// public posting, the projects called in for a talk, the follow-up of last month's talks, and the
/// plant's month summed up.
///
/// Build it from the facts the store gathers with ``init(facts:)``; the result depends on the
/// facts alone (no clock is read), so the same facts give the same report. The values are
/// language-free (findings are codes with values); renderers in `TackleReport` print them in
/// Chinese or English, and JSON carries them as they are: property names are stable, rates are
/// fractions, intervals are `{lower, upper}` objects, dates are `YYYY-MM-DD`, months `YYYY-MM`,
/// and enumerations are strings such as `on-track`.
///
/// **Ranking (月度排序).** Only projects active at the month's end are scored and ranked, by
/// score, highest first; equal scores share a rank (1, 2, 2, 4), and no tie is broken by key or
/// title. On-hold, proposed, completed and cancelled projects are listed without a rank.
///
/// **Called in (末位约谈).** The rubric's N lowest-ranked projects (default 3), all of them when
/// scores tie at the boundary, except that a project on track is never called in; nobody when
/// fewer than N + 1 projects are ranked.
public struct MonthlyReport: Sendable, Hashable, Codable {
    /// The month reported on.
    public var month: Month
    /// The last day whose data counts: the month's last day, or the day it was made while the
    /// month runs.
    public var asOf: LocalDate
    /// Whether the month had ended by ``asOf``; an incomplete month's report is provisional.
    public var isMonthComplete: Bool
    /// The rubric that scored the month.
    public var rubric: Rubric
    /// The projects: ranked ones by rank (equal ranks by key), then unranked ones by status and key.
    public var projects: [ProjectEntry]
    /// The projects called in for a talk, lowest score first, each with why.
    public var calledIn: [CalledIn]
    /// The projects called in the month before: whether the talk was held, its actions, and the score since.
    public var followUp: [FollowUp]
    /// The plant's month at a glance.
    public var summary: Summary

    /// A project called in for a talk, and why.
    public struct CalledIn: Sendable, Hashable, Codable {
        public var key: String
        public var title: String
        public var leaderNo: String
        public var leaderName: String
        public var score: Int
        public var rank: Int
        /// `lowest-scores` first, then the judgement's findings.
        public var reasons: [Finding]
    }

    /// The follow-up of a project called in the month before (约谈帮扶跟踪).
    public struct FollowUp: Sendable, Hashable, Codable {
        public var key: String
        public var title: String
        public var leaderName: String
        /// The score and rank of the month it was called in for.
        public var previousScore: Int
        public var previousRank: Int
        /// This month's score; `nil` when the project is not ranked this month.
        public var score: Int?
        /// This month's score minus the previous one; `nil` when not ranked.
        public var scoreChange: Int?
        /// The talk, when it was held by the report's day.
        public var talk: Talk?
    }

    /// Builds the month's report from the facts.
    ///
    /// - Parameter facts: The facts the store gathered, dated up to ``MonthlyReportFacts/asOf``.
    public init(facts: MonthlyReportFacts) {
        self.init(facts: facts, plans: TrialPlans())
    }

    /// Builds the month's report from the facts, with trial plans made beforehand where they were
    /// (see ``TrialPlans/prepare(for:)``); the report is the same either way.
    ///
    /// - Parameters:
    ///   - facts: The facts the store gathered, dated up to ``MonthlyReportFacts/asOf``.
    ///   - plans: The plans made so far; the missing ones are made here.
    public init(facts: MonthlyReportFacts, plans: TrialPlans) {
        month = facts.month
        asOf = facts.asOf
        isMonthComplete = facts.isMonthComplete
        rubric = facts.rubric
        // The costly parts, the verdicts (a Fisher test per trial of each project judged) and the
        // plans behind the slab advice (thousands each), go on every core; then the entries.
        let judged = facts.projects.concurrentMap { plans.judgedTrials(of: $0) }
        plans.make(zip(facts.projects, judged).compactMap { ProjectEntry.planInputs(of: $0, judged: $1) })
        let entries = facts.projects.indices.concurrentMap { index in
            ProjectEntry(
                facts: facts.projects[index], month: facts.month, asOf: facts.asOf, rubric: facts.rubric,
                comparisons: judged[index], plans: plans)
        }
        (projects, calledIn) = Self.ranked(entries, rubric: facts.rubric)
        followUp = []
        summary = Summary(projects: projects, calledIn: calledIn.map(\.key))
        if !facts.previousProjects.isEmpty {
            let previous = MonthlyReport(
                facts: MonthlyReportFacts(
                    month: facts.month.previous, projects: facts.previousProjects, rubric: facts.previousRubric))
            followUp = previous.calledIn.map { called in
                let now = projects.first { $0.key == called.key }
                let score = now?.score?.total
                return FollowUp(
                    key: called.key, title: called.title, leaderName: called.leaderName,
                    previousScore: called.score, previousRank: called.rank, score: score,
                    scoreChange: score.map { $0 - called.score },
                    talk: facts.talks.first { $0.projectKey == called.key && $0.heldOn <= facts.asOf })
            }
        }
    }

    /// Ranks the active projects by score and picks the projects called in.
    ///
    /// - Returns: All entries, ranked first, with ``ProjectEntry/rank`` and
    ///   ``ProjectEntry/calledIn`` set; and the projects called in, lowest score first.
    static func ranked(_ entries: [ProjectEntry], rubric: Rubric) -> ([ProjectEntry], [CalledIn]) {
        var ranked = entries.filter { $0.score != nil }
            .sorted { ($0.score?.total ?? 0, $1.key) > ($1.score?.total ?? 0, $0.key) }
        let scores = ranked.compactMap(\.score?.total)
        for index in ranked.indices {
            let total = scores[index]
            ranked[index].rank = 1 + scores.count { $0 > total }
        }

        var calledIn: [CalledIn] = []
        let count = rubric.calledIn
        if count > 0, ranked.count > count {
            let threshold = scores.sorted()[count - 1]
            for index in ranked.indices.reversed() where scores[index] <= threshold {
                guard ranked[index].judgement != .onTrack, let rank = ranked[index].rank else { continue }
                ranked[index].calledIn = true
                let entry = ranked[index]
                calledIn.append(
                    CalledIn(
                        key: entry.key, title: entry.title, leaderNo: entry.leaderNo, leaderName: entry.leaderName,
                        score: scores[index], rank: rank,
                        reasons: [Finding(.lowestScores, count: count, rank: rank, of: ranked.count)] + entry.reasons))
            }
        }

        calledIn.sort { ($0.score, $0.key) < ($1.score, $1.key) }
        let statusOrder: [ProjectStatus] = [.active, .onHold, .proposed, .completed, .cancelled]
        let unranked = entries.filter { $0.score == nil }.sorted {
            let a = statusOrder.firstIndex(of: $0.status) ?? 0
            let b = statusOrder.firstIndex(of: $1.status) ?? 0
            return (a, $0.key) < (b, $1.key)
        }
        return (ranked + unranked, calledIn)
    }
}
