import ReportFixtures

@testable import TackleDomain

/// Hand-made months of 2026 for the yearly report tests, scored by the standard rubric
/// (progress 50, milestones 25, trials 15, reporting 10; figures due on the 5th).
///
/// Every project has ``ReportFixture``'s defaults (opened 2026-01-01, due 2026-12-31, baseline
/// 3.20 %, no milestones, no trials), so a month's score follows from its ``Work`` alone.
enum YearlyFixture {
    typealias F = ReportFixture

    /// What a project did in a month, and the score it earns.
    enum Work {
        /// 5/1450 = 0.34 %, below the glide path all year, figures on the 3rd: 50 + 25 + 0 + 10 = 85, on track.
        case onTime
        /// The same figures recorded on the 10th, after the deadline: 50 + 25 + 0 + 5 = 80, on track.
        case late
        /// No figures: 0 + 25 + 0 + 0 = 25, at risk, so it can be called in.
        case missing
        /// 60/1500 = 4.00 %, not below the baseline, on time: 0 + 25 + 0 + 10 = 35, off track.
        case behind
        /// On hold: listed, not scored, not ranked.
        case onHold
        /// Proposed: listed, not scored, not ranked.
        case proposed
    }

    static func month(_ number: Int) -> Month { try! Month(year: 2026, month: number) }

    /// A project's facts in a month of 2026.
    static func project(
        _ key: String, _ work: Work, in month: Int, unit: String = "CC3", title: String = "板坯纵裂攻关",
        leaderName: String = "王磊"
    ) -> ProjectFacts {
        let deadline = Self.month(month).adding(months: 1).firstDay
        let recordedOn = (work == .late ? deadline.adding(days: 9) : deadline.adding(days: 2)).description
        let figures: Proportion? =
            switch work {
            case .missing: nil
            case .behind: F.counts(60, of: 1500)
            default: F.counts(5, of: 1450)
            }
        let status: ProjectStatus =
            switch work {
            case .onHold: .onHold
            case .proposed: .proposed
            default: .active
            }
        var facts = F.project(
            key, title: title, leaderName: leaderName, status: status, month: figures, recordedOn: recordedOn)
        facts.unitCode = unit
        return facts
    }

    /// The report of a month of 2026 for the given projects.
    static func report(_ month: Int, _ projects: [ProjectFacts]) -> MonthlyReport {
        MonthlyReport(facts: MonthlyReportFacts(month: Self.month(month), projects: projects))
    }

    /// Reports of the months 1, 2, ... of 2026 from one row of work per project:
    /// `["A": [.onTime, .late]]` is project A on time in January and late in February. A `nil`
    /// month leaves the project out of that month's report.
    static func reports(_ rows: [String: [Work?]], units: [String: String] = [:]) -> [MonthlyReport] {
        let count = rows.values.map(\.count).max() ?? 0
        return (0..<count).map { index in
            let projects = rows.sorted { $0.key < $1.key }.compactMap { key, works -> ProjectFacts? in
                guard index < works.count, let work = works[index] else { return nil }
                return project(key, work, in: index + 1, unit: units[key] ?? "CC3")
            }
            return report(index + 1, projects)
        }
    }
}
