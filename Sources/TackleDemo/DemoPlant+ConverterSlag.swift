import TackleDomain
import TackleStore

extension DemoPlant {
    /// Slag carry-over at converter tapping, counted in heats: on hold while the converter is
    /// relined.
    ///
    /// Meant to be at risk in 2026-10: on hold since 2026-09-01, so no figures for the month; no
    /// milestone overdue. In 2026-08 it was on track: 52 of 990 heats (5.25 %) against a glide
    /// path of 6.12 % (baseline 8.60 %, target 3.00 %, 168 of 380 days gone).
    static func converterSlag() throws -> DemoProject {
        DemoProject(
            project: try NewProject(
                key: "BOF-SLAG-2026",
                title: "转炉出钢下渣控制攻关",
                problem: "转炉出钢下渣超标炉次比例8.6%，造成钢水回磷、夹杂物增加，影响连铸浇铸和铸坯质量。"
                    + "通过滑板挡渣和红外下渣检测攻关降至3%以下。",
                unitCode: "BOF", leaderNo: "E1010", leaderSelection: .open,
                openedOn: try day("2026-03-16"), dueOn: try day("2027-03-31"),
                metric: try DefectMetric(
                    name: "slag carry-over rate (heats)", baseline: try counts(258, of: 3000),
                    baselinePeriod: try months("2025-12..2026-02"), targetRate: 0.03)),
            members: [
                .init(employeeNo: "E1013", role: .deputy, joinedOn: try day("2026-03-16")),
                .init(employeeNo: "E1002", role: .advisor, joinedOn: try day("2026-03-16")),
                .init(employeeNo: "E1017", role: .member, joinedOn: try day("2026-04-01")),
            ],
            milestones: [
                .init(
                    title: "下渣检测系统选型", dueOn: try day("2026-04-30"), ownerNo: "E1013",
                    doneOn: try day("2026-04-27")),
                .init(
                    title: "滑板挡渣工业试验", dueOn: try day("2026-07-31"), ownerNo: "E1010",
                    doneOn: try day("2026-07-31")),
                .init(title: "红外下渣检测系统投运", dueOn: try day("2026-12-31"), ownerNo: "E1013"),
                .init(title: "项目验收", dueOn: try day("2027-03-31"), ownerNo: "E1010"),
            ],
            trials: [
                try NewTrial(
                    lever: "slide gate",
                    hypothesis: "出钢口滑板挡渣比挡渣球关闭更快，可减少出钢末期下渣",
                    startedOn: try day("2026-05-04"), endedOn: try day("2026-05-31"),
                    parameters: [
                        try parameter("gate_close_delay", 1.5, "s"), try parameter("tapping_time", 4.5, "min"),
                    ],
                    outcome: try counts(12, of: 320), heats: ["2B10398", "2B10452", "2B10501", "2B10547"],
                    note: "试验炉次均为2号转炉；统计单位为炉次",
                    conclusion: "下渣超标炉次比例3.75%，较基准8.6%显著下降"),
                try NewTrial(
                    lever: "slag detection",
                    hypothesis: "红外下渣检测在渣比超过阈值时自动关闭滑板",
                    startedOn: try day("2026-07-06"), endedOn: try day("2026-07-08"),
                    parameters: [try parameter("infrared_threshold", 12, "%")],
                    outcome: try counts(1, of: 45), heats: ["2B10799", "2B10812"],
                    note: "厂家调试期间的短期试用",
                    conclusion: "45炉中1炉超标，样本太少，待系统正式投运后再试"),
            ],
            figures: try figures(
                from: "2025-09",
                [
                    (86, 1010), (90, 1030), (85, 990), (88, 1020), (86, 1000), (84, 980),
                    (80, 1010), (66, 1040), (58, 1030), (55, 1000), (56, 1020), (52, 990),
                ],
                notes: [
                    "2025-12": "基准期", "2026-01": "基准期", "2026-02": "基准期",
                    "2026-08": "8月下旬开始大修准备",
                ]),
            statusChanges: [
                .init(
                    status: .onHold, on: try day("2026-09-01"),
                    reason: "2号转炉大修（2026年9月至11月），暂停攻关，大修后恢复")
            ]
        )
    }
}
