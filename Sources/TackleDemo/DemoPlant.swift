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
    /// - Parameter notes: A note for some months, by `YYYY-MM`.
    static func figures(
        from first: String, _ counts: [(defective: Int, inspected: Int)], notes: [String: String] = [:]
    ) throws -> [DemoProject.MonthFigures] {
        let start = try Month.parse(first)
        return try counts.enumerated().map { offset, pair in
            let month = start.adding(months: offset)
            return DemoProject.MonthFigures(
                month: month, counts: try Proportion(defective: pair.defective, inspected: pair.inspected),
                note: notes[month.description] ?? "")
        }
    }
}
