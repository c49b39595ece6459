import LibPQ
import Logging
import TackleDomain
import TackleReport
import TackleStore

extension Store {
    /// Loads the demo plant: 第二炼钢厂 with 7 units, 18 people and 6 tackling projects with their
    /// members, milestones, trials and a year of monthly defect figures, built so that the monthly
    /// status of 2026-10 shows projects on track, at risk, off track and closed.
    ///
    /// With `withArchive` (the default) the demo also holds what the plant posted: the sheets of
    /// 2026-08 to 2026-10 as the scheduled job published them, the talks with the projects called
    /// in for 2026-09, and revision 2 of 2026-10 after late figures. Without it, nothing is
    /// published, so the scheduled job can be tried on the demo from the start.
    ///
    /// Everything is written in one transaction through the same service calls a user's commands
    /// make, recorded in the history as actor `demo`: a load that fails or is killed leaves the
    /// database as it was. Loading again changes nothing: when the demo's marker project
    /// (`SLAB-CRACK-2026`, created by `demo`) exists, the call returns `.alreadyLoaded`.
    /// Concurrent loads queue on an advisory lock, so only one of them writes.
    ///
    /// Units and people already in the database exactly as the demo has them are kept; anything
    /// the demo would have to change is refused, so a user's data is never overwritten.
    ///
    /// - Returns: `.loaded` with the counts written, or `.alreadyLoaded` when nothing was written.
    /// - Throws: ``StoreError`` `.conflict` naming each clashing unit, person or project, with
    ///   nothing written.
    @discardableResult
    public func loadDemo(withArchive: Bool = true) throws -> DemoLoadResult {
        let plant = try DemoPlant.standard()
        return try translatingErrors {
            try connection.withTransaction { connection in
                try connection.execute("SELECT pg_advisory_xact_lock($1)", [DemoPlant.lockKey])
                if try demoIsLoaded() {
                    logger.debug("demo already loaded", metadata: ["project.key": "\(DemoPlant.markerKey)"])
                    return .alreadyLoaded(plant.summary())
                }
                let kept = try demoRecordsToKeep(plant)
                try write(plant, keeping: kept, withArchive: withArchive)
                let summary = plant.summary(kept: kept.count)
                logger.debug(
                    "demo loaded",
                    metadata: [
                        "demo.projects": "\(summary.projects)", "demo.trials": "\(summary.trials)",
                        "demo.kept": "\(summary.kept)",
                    ])
                return .loaded(summary)
            }
        }
    }

    /// Writes the demo through the service API, skipping the units and people to keep.
    private func write(_ plant: DemoPlant, keeping kept: DemoRecordsToKeep, withArchive: Bool) throws {
        let actor = DemoPlant.actor
        for unit in plant.units where !kept.unitCodes.contains(unit.code) {
            try addUnit(unit, by: actor)
        }
        for person in plant.people where !kept.employeeNumbers.contains(person.employeeNo) {
            try addPerson(person, by: actor)
        }
        for demo in plant.projects {
            let key = demo.project.key
            try open(project: demo.project, by: actor)
            for member in demo.members {
                try addMember(member.employeeNo, to: key, role: member.role, joinedOn: member.joinedOn, by: actor)
            }
            for planned in demo.milestones {
                let milestone = try addMilestone(
                    to: key, title: planned.title, dueOn: planned.dueOn, ownerNo: planned.ownerNo, by: actor)
                if let doneOn = planned.doneOn {
                    try completeMilestone(key, milestone.number, on: doneOn, by: actor)
                }
            }
            for trial in demo.trials {
                try logTrial(trial, in: key, by: actor)
            }
            for figures in demo.figures where !(withArchive && DemoPlant.isLate(figures, of: key)) {
                try recordObservation(
                    key, granularity: .month, periodStart: figures.month.firstDay, counts: figures.counts,
                    note: figures.note, recordedOn: figures.recordedOn, by: actor)
            }
            // Last, as in the plant: the move ends what was recorded while the project ran.
            for change in demo.statusChanges {
                try setStatus(of: key, to: change.status, on: change.on, reason: change.reason, by: actor)
            }
        }
        try addRubric(try DemoPlant.rubricVersion2(), by: actor)
        if withArchive { try writeArchive(plant) }
    }

    /// The monthly assessment as the plant lived it: the months the scheduled job posted, the
    /// talks with September's called-in projects, and October's late figures followed by
    /// revision 2 of its sheet.
    private func writeArchive(_ plant: DemoPlant) throws {
        let actor = DemoPlant.actor
        for text in DemoPlant.publishedMonths {
            let month = try Month.parse(text)
            try publishDemo(month, reason: nil)
            guard text == DemoPlant.talkMonth else { continue }
            let calledIn = try publishedReport(month)?.0.calledIn ?? []
            for key in calledIn {
                let talk = DemoPlant.talkActions[key] ?? ("约谈", ["制定整改措施"])
                try recordTalk(
                    Talk(
                        projectKey: key, month: month, heldOn: try LocalDate.parse(DemoPlant.talkDay),
                        heldByNo: DemoPlant.talkHeldBy, heldByName: "", notes: talk.notes, actions: talk.actions),
                    by: actor)
            }
        }
        let late = DemoPlant.lateFigures
        guard
            let figures = plant.projects.first(where: { $0.project.key == late.key })?.figures
                .first(where: { $0.month.description == late.month })
        else { return }
        try recordObservation(
            late.key, granularity: .month, periodStart: figures.month.firstDay, counts: figures.counts,
            note: "补报", recordedOn: try LocalDate.parse(late.recordedOn), by: actor)
        try publishDemo(figures.month, reason: DemoPlant.revisionReason)
    }

    /// Publishes the next revision of a month in Chinese, as the scheduled job or `report publish` would.
    private func publishDemo(_ month: Month, reason: String?) throws {
        let report = MonthlyReport(facts: try monthlyReportFacts(for: month))
        let content = PublishedReport.Content(
            text: try ReportFormat.text.render(report, language: .zh), json: try ReportFormat.json.render(report))
        let details = PublishedReport.Details(
            instance: DemoPlant.actor, timeZone: PlantClock.defaultTimeZone, language: Language.zh.rawValue,
            calledIn: report.calledIn.map(\.key))
        _ = try publishRevision(month, content: content, details: details, reason: reason)
    }
}
