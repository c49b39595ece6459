import LibPQ
import Logging
import TackleDomain
import TackleStore

extension Store {
    /// Loads the demo plant: 第二炼钢厂 with 7 units, 18 people and 6 tackling projects with their
    /// members, milestones, trials and a year of monthly defect figures, built so that the monthly
    /// status of 2026-10 shows projects on track, at risk, off track and closed.
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
    public func loadDemo() throws -> DemoLoadResult {
        let plant = try DemoPlant.standard()
        return try translatingErrors {
            try connection.withTransaction { connection in
                try connection.execute("SELECT pg_advisory_xact_lock($1)", [DemoPlant.lockKey])
                if try demoIsLoaded() {
                    logger.debug("demo already loaded", metadata: ["project.key": "\(DemoPlant.markerKey)"])
                    return .alreadyLoaded(plant.summary())
                }
                let kept = try demoRecordsToKeep(plant)
                try write(plant, keeping: kept)
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
    private func write(_ plant: DemoPlant, keeping kept: DemoRecordsToKeep) throws {
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
            for figures in demo.figures {
                try recordObservation(
                    key, granularity: .month, periodStart: figures.month.firstDay, counts: figures.counts,
                    note: figures.note, by: actor)
            }
            // Last, as in the plant: the move ends what was recorded while the project ran.
            for change in demo.statusChanges {
                try setStatus(of: key, to: change.status, on: change.on, reason: change.reason, by: actor)
            }
        }
    }
}
