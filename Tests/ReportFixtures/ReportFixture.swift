import TackleDomain

/// Hand-made facts for the monthly report tests: May 2026, a project opened on 1 January and due
/// on 31 December, baseline 48/1500 = 3.20 % over 2026-01..2026-03, target 0.50 %.
///
/// At the end of May 150 of 364 days have passed, so the glide path expects
/// 3.20 % - 150/364 × 2.70 % = 2.09 %.
public enum ReportFixture {
    public static let month = try! Month(year: 2026, month: 5)

    public static func date(_ text: String) -> LocalDate { try! LocalDate.parse(text) }

    public static func counts(_ defective: Int, of inspected: Int) -> Proportion {
        try! Proportion(defective: defective, inspected: inspected)
    }

    public static func project(
        _ key: String = "SLAB-CRACK-2026",
        title: String = "板坯纵裂攻关",
        leaderNo: String = "E1001",
        leaderName: String = "王磊",
        status: ProjectStatus = .active,
        openedOn: String = "2026-01-01",
        dueOn: String = "2026-12-31",
        closedOn: String? = nil,
        baseline: Proportion = counts(48, of: 1500),
        targetRate: Double = 0.005,
        month: Proportion? = counts(21, of: 1450),
        previousMonth: Proportion? = counts(30, of: 1400),
        trials: [Trial] = [],
        milestones: [Milestone] = [],
        recordedOn: String? = "2026-06-03",
        metricName: String = "longitudinal crack rate"
    ) -> ProjectFacts {
        ProjectFacts(
            key: key,
            title: title,
            unitCode: "CC3",
            leaderNo: leaderNo,
            leaderName: leaderName,
            status: status,
            openedOn: date(openedOn),
            dueOn: date(dueOn),
            closedOn: closedOn.map(date),
            metricName: metricName,
            baseline: baseline,
            baselinePeriod: try! MonthRange.parse("2026-01..2026-03"),
            targetRate: targetRate,
            monthFigures: month,
            previousMonthFigures: previousMonth,
            trials: trials,
            milestones: milestones,
            figuresRecordedOn: month == nil ? nil : recordedOn.map(date),
            recentTrials: Dictionary(grouping: trials) { $0.endedOn.monthOfYear }.map { month, trials in
                ProjectFacts.TrialWork(
                    month: month, ended: trials.count, concluded: trials.count { !$0.conclusion.isEmpty })
            }
        )
    }

    public static func milestone(
        _ number: Int,
        _ title: String = "节点",
        due: String,
        done: String? = nil,
        project: String = "SLAB-CRACK-2026"
    ) -> Milestone {
        Milestone(
            projectKey: project,
            number: number,
            title: title,
            dueOn: date(due),
            ownerNo: "E1002",
            ownerName: "李娜",
            doneOn: done.map(date)
        )
    }

    public static func trial(
        _ number: Int,
        lever: String = "secondary cooling",
        outcome: Proportion,
        parameters: [String] = ["specific_water=0.62L/kg", "casting_speed=1.2m/min"],
        project: String = "SLAB-CRACK-2026"
    ) -> Trial {
        Trial(
            projectKey: project,
            number: number,
            lever: lever,
            hypothesis: "",
            startedOn: date("2026-05-04"),
            endedOn: date("2026-05-12"),
            parameters: parameters.map { try! TrialParameter.parse($0) },
            outcome: outcome,
            heats: [],
            note: "",
            conclusion: "",
            version: 1
        )
    }

    /// The report of May 2026 for the given projects.
    public static func report(_ projects: [ProjectFacts], rubric: Rubric = .standard) -> MonthlyReport {
        MonthlyReport(facts: MonthlyReportFacts(month: month, projects: projects, rubric: rubric))
    }

    /// The one project of a report of May 2026 with just this project.
    public static func entry(_ project: ProjectFacts) -> MonthlyReport.ProjectEntry {
        report([project]).projects[0]
    }
}
