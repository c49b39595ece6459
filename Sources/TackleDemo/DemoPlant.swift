import TackleDomain
import TackleStore

/// The demo plant that `tackle demo load` writes: 第二炼钢厂 with its work areas, sections and
/// party branches, its people, and six tackling projects with members, milestones, trials and a
/// year of monthly defect figures.
///
/// The data is fixed, with no randomness and no dependence on today's date, so that every load
/// writes exactly the same rows. It is built so that the monthly status of 2026-10 shows every
/// judgement: projects on track, at risk, off track and closed.
struct DemoPlant: Sendable {
    var units: [TackleDomain.Unit]
    var people: [Person]
    /// In the order they are opened.
    var projects: [DemoProject]

    /// Who the demo's changes are recorded as in the history.
    static let actor = "demo"

    /// The project whose creation by ``actor`` marks the demo as loaded: the load writes
    /// everything in one transaction, so this project exists only when everything else does.
    static let markerKey = "SLAB-CRACK-2026"

    /// The second rubric version: the party committee weighs figures reported on time more from July.
    static func rubricVersion2() throws -> Rubric {
        try Rubric(
            version: 2, effectiveFrom: try Month.parse("2026-07"), progressPoints: 45, milestonePoints: 25,
            trialPoints: 15, reportingPoints: 15, calledIn: 3, figuresDueDay: 5, trialMonths: 3,
            reason: "2026年6月党委会：加大数据按期报送权重")
    }

    /// The months the demo publishes as the scheduled job would have, oldest first.
    static let publishedMonths = ["2026-08", "2026-09", "2026-10"]

    /// Figures that came in after their month was posted: recorded late, then the month is
    /// republished as revision 2 with this reason.
    static let lateFigures = (key: "PARTY-SURFACE-2026", month: "2026-10", recordedOn: "2026-11-07")
    static let revisionReason = "党建攻关项目十月数据补报，重新公示"

    /// Whether these figures are the late ones, recorded after their month was posted.
    static func isLate(_ figures: DemoProject.MonthFigures, of key: String) -> Bool {
        key == lateFigures.key && figures.month.description == lateFigures.month
    }

    /// The talks held on 2026-10-09 by the plant's party secretary (E1016) with the projects called
    /// in for September (末位约谈), with the actions agreed, by project.
    static let talkMonth = "2026-09"
    static let talkDay = "2026-10-09"
    static let talkHeldBy = "E1016"
    static let talkActions: [String: (notes: String, actions: [String])] = [
        "CORNER-CRACK-2026": (
            "角横裂率高于计划，喷嘴改造滞后；技术科驻点帮扶",
            ["十月底前完成角部喷嘴改造", "每周向党委报告角横裂率", "技术科派员驻点帮扶"]
        ),
        "MOULD-LEVEL-2026": (
            "项目超期且缺陷率未低于基准，数据报送滞后",
            ["十月五日前报送月度数据", "重新制定液位控制攻关方案并申请延期", "每周召开攻关例会"]
        ),
    ]

    /// The advisory lock key that serialises concurrent demo loads: "tkdemo" in ASCII.
    static let lockKey: Int64 = 0x746b_6465_6d6f

    /// The demo plant.
    ///
    /// - Throws: ``DomainError`` only if the fixed data broke a domain rule, which the tests rule out.
    static func standard() throws -> DemoPlant {
        DemoPlant(
            units: units(),
            people: people(),
            projects: [
                try slabCrack(), try cornerCrack(), try mouldLevel(), try centreCrack(), try partySurface(),
                try converterSlag(),
            ]
        )
    }
}

// Short forms that keep the data files readable as tables.
extension DemoPlant {
    static func day(_ text: String) throws -> LocalDate { try LocalDate.parse(text) }

    static func months(_ text: String) throws -> MonthRange { try MonthRange.parse(text) }

    static func parameter(_ name: String, _ value: Double, _ unit: String) throws -> TrialParameter {
        try TrialParameter(name: name, value: value, unit: unit)
    }

    static func counts(_ defective: Int, of inspected: Int) throws -> Proportion {
        try Proportion(defective: defective, inspected: inspected)
    }

    /// Consecutive months of figures starting at `first`, each `(defective, inspected)`.
    ///
    /// - Parameters:
    ///   - notes: A note for some months, by `YYYY-MM`.
    ///   - reportDay: The day of the next month the figures are recorded (the deadline is the 5th).
    static func figures(
        from first: String, _ counts: [(defective: Int, inspected: Int)], notes: [String: String] = [:],
        reportDay: Int = 3
    ) throws -> [DemoProject.MonthFigures] {
        let start = try Month.parse(first)
        return try counts.enumerated().map { offset, pair in
            let month = start.adding(months: offset)
            return DemoProject.MonthFigures(
                month: month, counts: try Proportion(defective: pair.defective, inspected: pair.inspected),
                note: notes[month.description] ?? "",
                recordedOn: month.adding(months: 1).firstDay.adding(days: reportDay - 1))
        }
    }
}
