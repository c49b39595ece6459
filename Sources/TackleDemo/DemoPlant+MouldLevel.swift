import TackleDomain
import TackleStore

extension DemoPlant {
    /// Mould level fluctuation: the trials changed nothing and the project ran past its due date.
    ///
    /// Meant to be off track in 2026-10 for every reason at once: due 2026-09-30 and not
    /// completed; 71 of 900 slabs (7.89 %) is not below the baseline 7.50 %; three milestones
    /// overdue. Already off track in 2026-09 (7.73 %, two milestones overdue).
    static func mouldLevel() throws -> DemoProject {
        DemoProject(
            project: try NewProject(
                key: "MOULD-LEVEL-2026",
                title: "结晶器液面波动攻关",
                problem: "连铸三作业区结晶器液面波动超过±5 mm的铸坯比例达7.5%，易引发卷渣、皮下夹杂和纵裂。"
                    + "目标9月底前降至3%以下。",
                unitCode: "CC3", leaderNo: "E1008", leaderSelection: .appointed,
                openedOn: try day("2026-03-01"), dueOn: try day("2026-09-30"),
                metric: try DefectMetric(
                    name: "mould level excursion rate (beyond ±5 mm)", baseline: try counts(186, of: 2480),
                    baselinePeriod: try months("2025-12..2026-02"), targetRate: 0.03)),
            members: [
                .init(employeeNo: "E1009", role: .deputy, joinedOn: try day("2026-03-01")),
                .init(employeeNo: "E1016", role: .advisor, joinedOn: try day("2026-03-01")),
                .init(employeeNo: "E1015", role: .member, joinedOn: try day("2026-03-01")),
                .init(employeeNo: "E1005", role: .member, joinedOn: try day("2026-04-01")),
            ],
            milestones: [
                .init(
                    title: "液面波动数据采集与频谱分析", dueOn: try day("2026-03-31"), ownerNo: "E1009",
                    doneOn: try day("2026-04-20")),
                .init(title: "塞棒吹氩及水口插入深度优化", dueOn: try day("2026-06-30"), ownerNo: "E1008"),
                .init(title: "液位控制系统PID参数整定", dueOn: try day("2026-08-31"), ownerNo: "E1015"),
                .init(title: "项目验收", dueOn: try day("2026-09-30"), ownerNo: "E1008"),
            ],
            trials: [
                try NewTrial(
                    lever: "argon blowing",
                    hypothesis: "调整塞棒吹氩量和水口插入深度，减弱结晶器内偏流",
                    startedOn: try day("2026-04-08"), endedOn: try day("2026-04-30"),
                    parameters: [
                        try parameter("argon_flow", 6, "L/min"), try parameter("sen_depth", 150, "mm"),
                    ],
                    outcome: try counts(18, of: 260), heats: ["2B10158", "2B10196"],
                    note: "液面波动仍在±3~±10 mm之间",
                    conclusion: "波动超标率6.9%，与基准无明显差别"),
                try NewTrial(
                    lever: "casting speed",
                    hypothesis: "恒拉速浇铸可消除拉速变化引起的液面波动",
                    startedOn: try day("2026-06-02"), endedOn: try day("2026-06-28"),
                    parameters: [
                        try parameter("casting_speed", 1.3, "m/min"), try parameter("superheat", 28, "°C"),
                    ],
                    outcome: try counts(41, of: 540), heats: ["2B10655", "2B10671", "2B10694"],
                    note: "试验期间塞棒执行机构故障两次",
                    conclusion: "恒拉速未能降低液面波动，需排查塞棒执行机构和液位计"),
                try NewTrial(
                    lever: "mould level control",
                    hypothesis: "降低液位控制增益可减少周期性波动",
                    startedOn: try day("2026-08-10"), endedOn: try day("2026-08-14"),
                    parameters: [try parameter("level_control_gain", 0.8, "")],
                    outcome: try counts(3, of: 55), heats: ["2B10940"],
                    note: "仅一个浇次，液位计探头疑似漂移",
                    conclusion: "样本太少，不能下结论；先更换液位计探头再试"),
            ],
            figures: try figures(
                from: "2025-11",
                [
                    (64, 850), (63, 830), (60, 810), (63, 840), (62, 870), (58, 880),
                    (63, 860), (66, 850), (64, 890), (67, 870), (68, 880), (71, 900),
                ],
                notes: [
                    "2025-12": "基准期", "2026-01": "基准期", "2026-02": "基准期",
                    "2026-06": "塞棒执行机构故障2次", "2026-10": "液位计探头漂移，待更换",
                ],
                // Behind, and late with its figures too: recorded after the deadline every month.
                reportDay: 8)
        )
    }
}
