import TackleDomain
import TackleStore

extension DemoPlant {
    /// A party-building tackling project (党建攻关项目) of the casting party branch: party members'
    /// pioneer posts against slab surface defects.
    ///
    /// Meant to be on track in 2026-10: 24 of 1100 slabs (2.18 %) against a glide path of 2.40 %
    /// (baseline 4.00 %, target 2.00 %, 244 of 305 days gone), and no milestone overdue.
    static func partySurface() throws -> DemoProject {
        DemoProject(
            project: try NewProject(
                key: "PARTY-SURFACE-2026",
                title: "党员先锋岗铸坯表面质量提升（党建攻关项目）",
                problem: "以党员先锋岗、党员责任区为抓手，发动连铸作业区党员攻关铸坯表面缺陷，"
                    + "表面缺陷清理率由4.0%降至2.0%；每月21日主题党日开展现场攻关。",
                unitCode: "PB-CC", leaderNo: "E1012", leaderSelection: .appointed,
                openedOn: try day("2026-03-01"), dueOn: try day("2026-12-31"),
                metric: try DefectMetric(
                    name: "surface defect conditioning rate", baseline: try counts(126, of: 3150),
                    baselinePeriod: try months("2025-12..2026-02"), targetRate: 0.02)),
            members: [
                .init(employeeNo: "E1014", role: .deputy, joinedOn: try day("2026-03-01")),
                .init(employeeNo: "E1016", role: .advisor, joinedOn: try day("2026-03-01")),
                .init(employeeNo: "E1001", role: .member, joinedOn: try day("2026-03-01")),
                .init(employeeNo: "E1008", role: .member, joinedOn: try day("2026-03-01")),
                .init(employeeNo: "E1011", role: .member, joinedOn: try day("2026-03-21")),
            ],
            milestones: [
                .init(
                    title: "设立党员先锋岗和党员责任区", dueOn: try day("2026-03-15"), ownerNo: "E1012",
                    doneOn: try day("2026-03-12")),
                .init(
                    title: "完成上半年“主题党日”现场攻关活动总结", dueOn: try day("2026-06-30"), ownerNo: "E1012",
                    doneOn: try day("2026-06-29")),
                .init(
                    title: "表面缺陷清理标准化作业推广", dueOn: try day("2026-09-30"), ownerNo: "E1014",
                    doneOn: try day("2026-09-24")),
                .init(title: "党建攻关成果总结、评比", dueOn: try day("2026-12-31"), ownerNo: "E1012"),
            ],
            trials: [
                try NewTrial(
                    lever: "superheat",
                    hypothesis: "党员责任区严控中间包过热度，减少表面凹陷和夹渣",
                    startedOn: try day("2026-04-06"), endedOn: try day("2026-05-20"),
                    parameters: [
                        try parameter("superheat", 22, "°C"), try parameter("casting_speed", 1.25, "m/min"),
                    ],
                    outcome: try counts(17, of: 640), heats: ["2B10302", "2B10355", "2B10419"],
                    note: "党员先锋岗每班记录过热度，超标即时处置",
                    conclusion: "清理率2.66%，有下降但与基准差异尚不显著，需扩大样本"),
                try NewTrial(
                    lever: "secondary cooling",
                    hypothesis: "优化二冷比水量并每班检查喷嘴堵塞，减少表面缺陷",
                    startedOn: try day("2026-08-03"), endedOn: try day("2026-09-15"),
                    parameters: [
                        try parameter("specific_water", 0.68, "L/kg"), try parameter("casting_speed", 1.2, "m/min"),
                    ],
                    outcome: try counts(13, of: 720), heats: ["2B10925", "2B10977", "2B11031"],
                    note: "8月21日主题党日现场检查喷嘴42个，更换堵塞喷嘴6个",
                    conclusion: "清理率1.81%，较基准显著下降，推广为标准化作业"),
            ],
            figures: try figures(
                from: "2025-11",
                [
                    (44, 1080), (43, 1070), (42, 1050), (41, 1030), (40, 1090), (37, 1100),
                    (35, 1120), (33, 1110), (31, 1080), (29, 1100), (26, 1090), (24, 1100),
                ],
                notes: ["2025-12": "基准期", "2026-01": "基准期", "2026-02": "基准期"])
        )
    }
}
