/// The year's assessment summed up (年度考核汇总): every project's score and rank in each month of
/// the year, its average score, the months it was ranked and the times it was called in, and the
/// same rolled up by sponsoring unit, for the year's awards (评优评先) and next year's
/// target-responsibility letters (目标责任书).
///
/// Build it from the monthly reports of the months that have ended with
/// ``init(year:monthlyReports:)``; the result depends on those reports alone. The monthly scores
/// are taken as the months scored them, each by the rubric in effect then, so the year never
/// re-scores a month.
///
/// **Average score.** A project's average is the mean of its scores over the months it was
/// ranked; a month on hold, proposed or closed neither lowers nor raises it. A unit's average is
/// the mean over all ranked project-months of its projects, so a project ranked eleven months
/// weighs more than one ranked three.
///
/// **Yearly rank.** Projects (and units) are ranked by average score, highest first; equal
/// averages share a rank (1, 2, 2, 4), and no tie is broken by key. Projects never ranked in the
/// year have no rank and are listed last.
public struct YearlyReport: Sendable, Hashable, Codable {
    /// The year summed up.
    public var year: Int
    /// The months covered, in order: the year's months whose reports were given, normally those
    /// that have ended.
    public var months: [Month]
    /// Every project listed in any covered month: ranked ones by rank (equal ranks by key), then
    /// those never ranked, by key.
    public var projects: [ProjectYear]
    /// The sponsoring units of those projects, ordered like ``projects``.
    public var units: [UnitYear]

    /// One project's year.
    public struct ProjectYear: Sendable, Hashable, Codable {
        /// The short key users type: `SLAB-CRACK-2026`.
        public var key: String
        /// The title in the latest covered month that lists the project.
        public var title: String
        /// The sponsoring unit's code in the latest covered month that lists the project.
        public var unitCode: String
        /// The leader in the latest covered month that lists the project.
        public var leaderName: String
        /// One entry per covered month, in the order of ``YearlyReport/months``.
        public var months: [MonthScore]
        /// The mean of the scores of the months ranked; `nil` when never ranked.
        public var averageScore: Double?
        /// The number of months the project was ranked in.
        public var monthsRanked: Int
        /// The number of months the project was called in for a talk (末位约谈).
        public var timesCalledIn: Int
        /// The place by average score, 1 for the best, shared by equal averages (1, 2, 2, 4);
        /// `nil` when never ranked.
        public var rank: Int?
    }

    /// A project's month, as that month's report had it.
    public struct MonthScore: Sendable, Hashable, Codable {
        /// The month.
        public var month: Month
        /// The status at the month's end; `nil` when the month's report did not list the project
        /// (not yet opened, or closed before the month).
        public var status: ProjectStatus?
        /// The month's score; `nil` when not ranked.
        public var score: Int?
        /// The month's rank; `nil` when not ranked.
        public var rank: Int?
        /// Whether the project was called in for a talk that month.
        public var calledIn: Bool
    }

    /// A sponsoring unit's year (work area, section or party branch): its projects' monthly
    /// scores taken together.
    public struct UnitYear: Sendable, Hashable, Codable {
        /// The unit's code: `CC3`.
        public var unitCode: String
        /// The number of its projects in the year.
        public var projects: Int
        /// The mean of its projects' scores over all their ranked months; `nil` when none was ranked.
        public var averageScore: Double?
        /// The number of ranked project-months: a project ranked in 11 months counts 11.
        public var monthsRanked: Int
        /// The number of times its projects were called in for a talk.
        public var timesCalledIn: Int
        /// The place by average score, shared by equal averages; `nil` when none was ranked.
        public var rank: Int?
    }

    /// Sums up the year from its monthly reports.
    ///
    /// Each project is listed once, with the title, unit and leader of the latest month that
    /// lists it; all its months count towards that unit.
    ///
    /// - Parameters:
    ///   - year: The year.
    ///   - monthlyReports: The reports of the months to cover, in any order; reports of other
    ///     years are ignored, and of two reports of the same month the later one given counts.
    public init(year: Int, monthlyReports: [MonthlyReport]) {
        var byMonth: [Month: MonthlyReport] = [:]
        for report in monthlyReports where report.month.year == year {
            byMonth[report.month] = report
        }
        let months = byMonth.keys.sorted()
        self.year = year
        self.months = months

        // Entries by project, month by month; the latest entry names the project.
        var latest: [String: MonthlyReport.ProjectEntry] = [:]
        var entries: [String: [Month: MonthlyReport.ProjectEntry]] = [:]
        for month in months {
            for entry in byMonth[month]?.projects ?? [] {
                latest[entry.key] = entry
                entries[entry.key, default: [:]][month] = entry
            }
        }
        let projects = latest.values.map { entry in
            let scores = months.map { month in
                let listed = entries[entry.key]?[month]
                return MonthScore(
                    month: month, status: listed?.status, score: listed?.rank == nil ? nil : listed?.score?.total,
                    rank: listed?.rank, calledIn: listed?.calledIn ?? false)
            }
            let ranked = scores.compactMap(\.score)
            return ProjectYear(
                key: entry.key, title: entry.title, unitCode: entry.unitCode, leaderName: entry.leaderName,
                months: scores, averageScore: Self.average(sum: ranked.reduce(0, +), count: ranked.count),
                monthsRanked: ranked.count, timesCalledIn: scores.count(where: \.calledIn), rank: nil)
        }
        self.projects = Self.ranked(projects, average: \.averageScore, key: \.key, rank: \.rank)

        let units = Dictionary(grouping: projects, by: \.unitCode).map { code, members in
            let sum = members.flatMap(\.months).compactMap(\.score).reduce(0, +)
            let count = members.map(\.monthsRanked).reduce(0, +)
            return UnitYear(
                unitCode: code, projects: members.count, averageScore: Self.average(sum: sum, count: count),
                monthsRanked: count, timesCalledIn: members.map(\.timesCalledIn).reduce(0, +), rank: nil)
        }
        self.units = Self.ranked(units, average: \.averageScore, key: \.unitCode, rank: \.rank)
    }

    /// `sum / count`, or `nil` for no count.
    ///
    /// Both are whole numbers, so equal averages (170/2 and 255/3) are the same `Double`: IEEE
    /// division rounds the exact quotient, and ties in the ranking are found by `==`.
    private static func average(sum: Int, count: Int) -> Double? {
        count > 0 ? Double(sum) / Double(count) : nil
    }

    /// The rows ranked by average, highest first, equal averages sharing a rank; rows without
    /// an average last, without a rank. Rows of equal rank, and the rows without, are ordered by key.
    private static func ranked<Row>(
        _ rows: [Row], average: KeyPath<Row, Double?>, key: KeyPath<Row, String>, rank: WritableKeyPath<Row, Int?>
    ) -> [Row] {
        let averages = rows.compactMap { $0[keyPath: average] }
        var result = rows.map { row -> Row in
            var row = row
            row[keyPath: rank] = row[keyPath: average].map { mine in 1 + averages.count { $0 > mine } }
            return row
        }
        result.sort { lhs, rhs in
            let left = lhs[keyPath: rank] ?? Int.max
            let right = rhs[keyPath: rank] ?? Int.max
            return (left, lhs[keyPath: key]) < (right, rhs[keyPath: key])
        }
        return result
    }
}
