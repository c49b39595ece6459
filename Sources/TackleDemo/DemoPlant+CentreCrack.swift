import TackleDomain
import TackleStore

extension DemoPlant {
    /// Centre cracks in thick slabs, solved by dynamic soft reduction: completed early.
    ///
    /// Meant to be closed in 2026-10: completed on 2026-08-25, before its due date 2026-08-31,
    /// after three months below the 0.80 % target (May 0.71 %, June 0.70 %, July 0.54 %).
    static func centreCrack() throws -> DemoProject {
        DemoProject(
            project: try NewProject(
                key: "CENTRE-CRACK-2026",
                title: "厚板坯中心裂纹攻关（动态轻压下）",
                problem: "250 mm厚板坯中心裂纹发生率2.6%，低倍检验评级超标，影响中厚板探伤合格率。"
                    + "通过动态轻压下攻关降至0.8%以下。",
                unitCode: "CC1", leaderNo: "E1011", leaderSelection: .open,
                openedOn: try day("2026-01-05"), dueOn: try day("2026-08-31"),
                metric: try DefectMetric(
                    name: "centre crack rate", baseline: try counts(39, of: 1500),
                    baselinePeriod: try months("2025-10..2025-12"), targetRate: 0.008)),
            members: [
                .init(employeeNo: "E1014", role: .deputy, joinedOn: try day("2026-01-05")),
                .init(employeeNo: "E1002", role: .advisor, joinedOn: try day("2026-01-05")),
                .init(employeeNo: "E1007", role: .member, joinedOn: try day("2026-01-05")),
            ],
            milestones: [
                .init(
                    title: "中心裂纹低倍检验评级标准统一", dueOn: try day("2026-01-31"), ownerNo: "E1014",
                    doneOn: try day("2026-01-29")),
                .init(
                    title: "轻压下区间及压下量试验", dueOn: try day("2026-04-30"), ownerNo: "E1011",
                    doneOn: try day("2026-05-08")),
                .init(
                    title: "动态轻压下模型参数固化", dueOn: try day("2026-07-15"), ownerNo: "E1014",
                    doneOn: try day("2026-07-10")),
                .init(
                    title: "项目总结验收", dueOn: try day("2026-08-31"), ownerNo: "E1011",
                    doneOn: try day("2026-08-25")),
            ],
            trials: [
                try NewTrial(
                    lever: "soft reduction",
                    hypothesis: "在凝固末端施加轻压下，补偿凝固收缩，抑制中心裂纹",
                    startedOn: try day("2026-02-02"), endedOn: try day("2026-02-20"),
                    parameters: [
                        try parameter("soft_reduction", 3, "mm"), try parameter("reduction_rate", 0.6, "mm/m"),
                        try parameter("casting_speed", 1.2, "m/min"),
                    ],
                    outcome: try counts(6, of: 300), heats: ["2A20102", "2A20131"],
                    note: "春节前后生产不稳定",
                    conclusion: "压下量不足，中心裂纹率2.0%，与基准无显著差别"),
                try NewTrial(
                    lever: "soft reduction",
                    hypothesis: "加大压下量并降低过热度，压下区间覆盖固相率0.3-0.9",
                    startedOn: try day("2026-03-02"), endedOn: try day("2026-04-15"),
                    parameters: [
                        try parameter("soft_reduction", 5.5, "mm"), try parameter("reduction_rate", 1.1, "mm/m"),
                        try parameter("superheat", 20, "°C"), try parameter("casting_speed", 1.1, "m/min"),
                    ],
                    outcome: try counts(5, of: 680), heats: ["2A20344", "2A20390", "2A20457", "2A20511"],
                    note: "动态轻压下模型3月起投用",
                    conclusion: "中心裂纹率0.74%，较基准显著下降"),
                try NewTrial(
                    lever: "soft reduction",
                    hypothesis: "低拉速、低过热度下进一步加大压下量，巩固效果",
                    startedOn: try day("2026-05-06"), endedOn: try day("2026-07-05"),
                    parameters: [
                        try parameter("soft_reduction", 6, "mm"), try parameter("reduction_rate", 1.2, "mm/m"),
                        try parameter("casting_speed", 1, "m/min"), try parameter("superheat", 18, "°C"),
                    ],
                    outcome: try counts(4, of: 760),
                    heats: ["2A20866", "2A20902", "2A21017", "2A21123", "2A21188"],
                    note: "扇形段辊缝每周标定",
                    conclusion: "中心裂纹率0.53%，效果稳定，固化为动态轻压下标准参数"),
            ],
            figures: try figures(
                from: "2025-09",
                [
                    (13, 490), (12, 480), (14, 510), (13, 510), (12, 470), (9, 430),
                    (6, 520), (5, 540), (4, 560), (4, 575), (3, 560), (3, 550),
                ],
                notes: [
                    "2025-10": "基准期", "2025-11": "基准期", "2025-12": "基准期", "2026-03": "动态轻压下投用",
                ]),
            statusChanges: [
                .init(
                    status: .completed, on: try day("2026-08-25"),
                    reason: "中心裂纹率连续三个月低于0.8%目标，通过厂部验收")
            ]
        )
    }
}
