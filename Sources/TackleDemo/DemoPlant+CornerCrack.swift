import TackleDomain
import TackleStore

extension DemoPlant {
    /// Transverse corner cracks on micro-alloyed slabs: improving, but too slowly.
    ///
    /// Meant to be at risk in 2026-10: 36 of 1480 slabs (2.43 %) is below the baseline 5.00 %
    /// but above the glide path's 1.40 % (272 of 302 days gone, target 1.00 %), and one milestone
    /// (corner spray nozzles, due 2026-10-15) is overdue.
    static func cornerCrack() throws -> DemoProject {
        DemoProject(
            project: try NewProject(
                key: "CORNER-CRACK-2026",
                title: "微合金钢板坯角横裂攻关",
                problem: "连铸一作业区微合金钢板坯角部横裂纹发生率约5%，矫直时角部温度落入第三脆性区，"
                    + "板坯需下线清理，热送热装受阻。目标年内降至1%以下。",
                unitCode: "CC1", leaderNo: "E1006", leaderSelection: .appointed,
                openedOn: try day("2026-02-01"), dueOn: try day("2026-11-30"),
                metric: try DefectMetric(
                    name: "transverse corner crack rate", baseline: try counts(214, of: 4280),
                    baselinePeriod: try months("2025-11..2026-01"), targetRate: 0.01)),
            members: [
                .init(employeeNo: "E1007", role: .deputy, joinedOn: try day("2026-02-01")),
                .init(employeeNo: "E1004", role: .advisor, joinedOn: try day("2026-02-01")),
                .init(employeeNo: "E1014", role: .member, joinedOn: try day("2026-02-01")),
                .init(employeeNo: "E1011", role: .member, joinedOn: try day("2026-03-02")),
            ],
            milestones: [
                .init(
                    title: "角横裂现状调查与钢种分类统计", dueOn: try day("2026-02-28"), ownerNo: "E1006",
                    doneOn: try day("2026-02-26")),
                .init(
                    title: "结晶器保护渣碱度调整试验", dueOn: try day("2026-06-30"), ownerNo: "E1007",
                    doneOn: try day("2026-08-12")),
                .init(title: "角部二冷喷嘴改造完成", dueOn: try day("2026-10-15"), ownerNo: "E1007"),
                .init(title: "项目总结验收", dueOn: try day("2026-11-30"), ownerNo: "E1006"),
            ],
            trials: [
                try NewTrial(
                    lever: "secondary cooling",
                    hypothesis: "减少角部二冷水量，使矫直时角部温度避开第三脆性区（700-900°C）",
                    startedOn: try day("2026-03-02"), endedOn: try day("2026-03-31"),
                    parameters: [
                        try parameter("specific_water", 0.55, "L/kg"), try parameter("corner_water_cut", 20, "%"),
                        try parameter("casting_speed", 1.1, "m/min"),
                    ],
                    outcome: try counts(24, of: 610), heats: ["2A20415", "2A20468", "2A20522"],
                    note: "角部测温显示矫直点温度提高约40°C",
                    conclusion: "角横裂率3.9%，有下降趋势但未达到统计显著，需继续积累样本"),
                try NewTrial(
                    lever: "casting speed",
                    hypothesis: "降低拉速和过热度，减小角部应力",
                    startedOn: try day("2026-05-10"), endedOn: try day("2026-05-16"),
                    parameters: [
                        try parameter("casting_speed", 1, "m/min"), try parameter("superheat", 20, "°C"),
                    ],
                    outcome: try counts(1, of: 42), heats: ["2A20917", "2A20925"],
                    note: "受生产计划限制，仅试验两个浇次",
                    conclusion: "42块中1块角横裂，样本过少，无法判断"),
                try NewTrial(
                    lever: "mould flux",
                    hypothesis: "包晶、微合金钢改用高碱度保护渣，弱化结晶器传热，减少振痕深度",
                    startedOn: try day("2026-06-15"), endedOn: try day("2026-08-10"),
                    parameters: [
                        try parameter("mould_flux_basicity", 1.65, ""), try parameter("casting_speed", 1.1, "m/min"),
                        try parameter("superheat", 25, "°C"),
                    ],
                    outcome: try counts(17, of: 720),
                    heats: ["2A21204", "2A21256", "2A21311", "2A21379", "2A21442"],
                    note: "振痕深度由0.6mm降至0.4mm左右",
                    conclusion: "角横裂率2.36%，较基准显著下降，但仍高于1%目标，需配合角部喷嘴改造"),
            ],
            figures: try figures(
                from: "2025-11",
                [
                    (71, 1420), (73, 1450), (70, 1410), (66, 1380), (60, 1500), (55, 1530),
                    (50, 1560), (47, 1490), (44, 1420), (42, 1450), (38, 1510), (36, 1480),
                ],
                notes: [
                    "2025-11": "基准期", "2025-12": "基准期", "2026-01": "基准期",
                    "2026-07": "高温季节，二冷水温偏高", "2026-10": "角部喷嘴改造备件未到货",
                ])
        )
    }
}
