import LibPQ
import TackleDomain
import TackleStore
import Testing

@testable import TackleDemo

@Suite("Demo load")
struct DemoLoadTests {
    @Test("loading twice leaves exactly the same data, and a second database gets the same data")
    func idempotentAndDeterministic() throws {
        try DemoDatabase.withFresh(label: "demo_twice") { conninfo in
            let first = try DemoDatabase.withStore(conninfo) { store in try store.loadDemo() }
            guard case .loaded(let summary) = first else {
                Issue.record("the first load did not load: \(first)")
                return
            }
            let afterFirst = try DemoDatabase.snapshot(conninfo)
            let historyAfterFirst = try DemoDatabase.historyMark(conninfo)

            let second = try DemoDatabase.withStore(conninfo) { store in try store.loadDemo() }
            #expect(second == .alreadyLoaded(summary))
            #expect(try DemoDatabase.snapshot(conninfo) == afterFirst)
            #expect(try DemoDatabase.historyMark(conninfo) == historyAfterFirst, "the second load wrote nothing")

            // What the summary says is what the tables hold.
            #expect(afterFirst["unit"]?.rows == summary.units)
            #expect(afterFirst["person"]?.rows == summary.people)
            #expect(afterFirst["project"]?.rows == summary.projects)
            #expect(afterFirst["member"]?.rows == summary.members)
            #expect(afterFirst["milestone"]?.rows == summary.milestones)
            #expect(afterFirst["trial"]?.rows == summary.trials)
            #expect(afterFirst["observation"]?.rows == summary.observations)
            #expect(summary.kept == 0)

            try DemoDatabase.withFresh(label: "demo_again") { other in
                try DemoDatabase.withStore(other) { store in _ = try store.loadDemo() }
                #expect(try DemoDatabase.snapshot(other) == afterFirst, "no randomness, no dependence on the clock")
            }
        }
    }

    @Test("every change is recorded in the history as actor demo")
    func historyActor() throws {
        try DemoDatabase.withFresh(label: "demo_actor") { conninfo in
            try DemoDatabase.withStore(conninfo) { store in _ = try store.loadDemo() }
            let plant = try DemoPlant.standard()
            let summary = plant.summary()
            let done = plant.projects.reduce(0) { $0 + $1.milestones.count { $0.doneOn != nil } }
            let moves = plant.projects.reduce(0) { $0 + $1.statusChanges.count }
            let records =
                summary.units + summary.people + summary.projects + summary.members + summary.milestones
                + summary.trials + summary.observations
            // The talks with the projects called in for 2026-09 are records of the history too.
            let talks = try DemoDatabase.count(conninfo, "SELECT count(*) FROM talk")
            #expect(talks == DemoPlant.talkActions.count)
            #expect(try DemoDatabase.count(conninfo, "SELECT count(*) FROM history WHERE actor <> 'demo'") == 0)
            #expect(
                try DemoDatabase.count(conninfo, "SELECT count(*) FROM history WHERE actor = 'demo'")
                    == records + done + moves + talks,
                "one entry per record, per milestone done, per status move and per talk")
            let reasons = try DemoDatabase.count(
                conninfo, "SELECT count(*) FROM history WHERE table_name = 'project' AND reason IS NOT NULL")
            #expect(reasons == 2, "the completion and the hold carry their reasons")
        }
    }

    @Test("a unit with a demo code but another name is refused, naming it, and nothing is written")
    func clashingUnitRefused() throws {
        try DemoDatabase.withFresh(label: "demo_clash") { conninfo in
            try DemoDatabase.withStore(conninfo) { store in
                try store.addUnit(TackleDomain.Unit(code: "CC3", name: "连铸3区", kind: .workArea), by: "tester")
                try store.addUnit(TackleDomain.Unit(code: "QA", name: "质量科", kind: .section), by: "tester")
                try store.addPerson(
                    Person(employeeNo: "E1005", name: "陈晶", unitCode: "QA", partyMember: false), by: "tester")
            }
            let error = try #require(throws: StoreError.self) {
                try DemoDatabase.withStore(conninfo) { store in try store.loadDemo() }
            }
            #expect(error.code == .conflict)
            #expect(error.message.contains("unit CC3 is '连铸3区' (work-area), the demo's is '连铸三作业区'"))
            #expect(error.message.contains("person E1005 is '陈晶' (QA)"))
            #expect(error.message.contains("Nothing was written"))
            #expect(try DemoDatabase.count(conninfo, "SELECT count(*) FROM unit") == 2)
            #expect(try DemoDatabase.count(conninfo, "SELECT count(*) FROM person") == 1)
            #expect(try DemoDatabase.count(conninfo, "SELECT count(*) FROM project") == 0)
            #expect(try DemoDatabase.count(conninfo, "SELECT count(*) FROM history WHERE actor = 'demo'") == 0)
            let name = try PostgresConnection.withConnection(conninfo: conninfo) { connection in
                try connection.query("SELECT name FROM unit WHERE code = 'CC3'").first!.decode(String.self, "name")
            }
            #expect(name == "连铸3区", "the user's unit is untouched")
        }
    }

    @Test("a user's project under a demo key is refused, not taken for the loaded demo")
    func usersProjectUnderDemoKey() throws {
        try DemoDatabase.withFresh(label: "demo_user_project") { conninfo in
            let plant = try DemoPlant.standard()
            try DemoDatabase.withStore(conninfo) { store in
                // The units and the leader exactly as the demo has them: these alone would be kept.
                for code in ["PLANT2", "CC3"] {
                    try store.addUnit(plant.units.first { $0.code == code }!, by: "tester")
                }
                try store.addPerson(plant.people.first { $0.employeeNo == "E1001" }!, by: "tester")
                try store.open(
                    project: NewProject(
                        key: "SLAB-CRACK-2026", title: "纵裂", problem: "", unitCode: "CC3", leaderNo: "E1001",
                        leaderSelection: .appointed, openedOn: try LocalDate.parse("2026-05-01"),
                        dueOn: try LocalDate.parse("2026-12-31"),
                        metric: DefectMetric(
                            name: "crack rate", baseline: try Proportion(defective: 30, inspected: 1000),
                            baselinePeriod: try MonthRange.parse("2026-01..2026-03"), targetRate: 0.01)),
                    by: "tester")
            }
            let before = try DemoDatabase.snapshot(conninfo)
            let error = try #require(throws: StoreError.self) {
                try DemoDatabase.withStore(conninfo) { store in try store.loadDemo() }
            }
            #expect(error.code == .conflict)
            #expect(error.message.contains("project SLAB-CRACK-2026 already exists"))
            #expect(!error.message.contains("unit "), "identical units are not clashes: \(error.message)")
            #expect(!error.message.contains("person "), "an identical person is not a clash: \(error.message)")
            #expect(try DemoDatabase.snapshot(conninfo) == before)
        }
    }

    @Test("units and people already there exactly as the demo has them are kept, not duplicated or rewritten")
    func identicalRecordsKept() throws {
        try DemoDatabase.withFresh(label: "demo_keep") { conninfo in
            let plant = try DemoPlant.standard()
            try DemoDatabase.withStore(conninfo) { store in
                try store.addUnit(plant.units.first { $0.code == "PLANT2" }!, by: "tester")
                try store.addUnit(plant.units.first { $0.code == "TECH" }!, by: "tester")
                try store.addPerson(plant.people.first { $0.employeeNo == "E1004" }!, by: "tester")
            }
            let result = try DemoDatabase.withStore(conninfo) { store in try store.loadDemo() }
            guard case .loaded(let summary) = result else {
                Issue.record("not loaded: \(result)")
                return
            }
            #expect(summary.kept == 3)
            #expect(try DemoDatabase.count(conninfo, "SELECT count(*) FROM unit") == plant.units.count)
            #expect(try DemoDatabase.count(conninfo, "SELECT count(*) FROM person") == plant.people.count)
            let keptBy = try DemoDatabase.count(
                conninfo,
                "SELECT count(*) FROM history WHERE table_name IN ('unit', 'person') AND action = 'insert' AND actor = 'tester'"
            )
            #expect(keptBy == 3, "the kept records still show who really made them")
            let second = try DemoDatabase.withStore(conninfo) { store in try store.loadDemo() }
            #expect(second == .alreadyLoaded(plant.summary()))
        }
    }
}

@Suite("Demo: the assessment as the plant lived it")
struct DemoAssessmentTests {
    @Test("two rubric versions, three posted months, talks for September, revision 2 of October")
    func archive() throws {
        try DemoDatabase.withFresh(label: "demo_archive") { conninfo in
            try DemoDatabase.withStore(conninfo) { store in
                _ = try store.loadDemo()
                #expect(try store.rubrics().map(\.version) == [1, 2])
                #expect(try store.rubrics().last?.effectiveFrom.description == "2026-07")
                let published = try store.publishedReports()
                #expect(
                    published.map { "\($0.period) r\($0.revision)" } == [
                        "2026-08 r1", "2026-09 r1", "2026-10 r1", "2026-10 r2",
                    ])
                #expect(published.last?.reason == DemoPlant.revisionReason)
                #expect(published.allSatisfy { $0.language == "zh" })
                // October's first sheet called in the project whose figures were late; the revision does not.
                #expect(published[2].calledIn.contains(DemoPlant.lateFigures.key))
                #expect(!published[3].calledIn.contains(DemoPlant.lateFigures.key))
                let september = try #require(published.first { $0.period.description == DemoPlant.talkMonth })
                let talks = try store.talks(for: september.period)
                #expect(talks.map(\.projectKey) == september.calledIn.sorted())
                #expect(!talks.isEmpty)

                // October follows up September's talks, and shows a tie-free ranking with scores.
                let october = MonthlyReport(facts: try store.monthlyReportFacts(for: try Month.parse("2026-10")))
                #expect(october.rubric.version == 2)
                #expect(october.followUp.map(\.key).sorted() == september.calledIn.sorted())
                #expect(october.followUp.allSatisfy { $0.talk != nil })
                // BOF-SLAG is on hold from 2026-09-01 only: ranked in August, not in October.
                let august = MonthlyReport(facts: try store.monthlyReportFacts(for: try Month.parse("2026-08")))
                #expect(august.projects.first { $0.key == "BOF-SLAG-2026" }?.rank != nil)
                #expect(october.projects.first { $0.key == "BOF-SLAG-2026" }?.rank == nil)
                // A month with a tie: 2026-05 has three projects sharing rank 1.
                let may = MonthlyReport(facts: try store.monthlyReportFacts(for: try Month.parse("2026-05")))
                #expect(may.projects.filter { $0.rank == 1 }.count >= 2)

                // The follow-up scores the previous month from lighter facts (no trial rows, two
                // months of figures): every project's score, parts and rank must be those of the
                // previous month's own report, the trial work of that month included.
                var trialWorkSeen = false
                for name in ["2026-06", "2026-07", "2026-08", "2026-09", "2026-10"] {
                    let month = try Month.parse(name)
                    let facts = try store.monthlyReportFacts(for: month)
                    let light = MonthlyReport(
                        facts: MonthlyReportFacts(
                            month: month.previous, projects: facts.previousProjects, rubric: facts.previousRubric))
                    let full = MonthlyReport(facts: try store.monthlyReportFacts(for: month.previous))
                    #expect(facts.previousProjects.allSatisfy { $0.trials.isEmpty }, "\(name)")
                    #expect(light.projects.map(\.key) == full.projects.map(\.key), "\(name)")
                    #expect(light.projects.map(\.score) == full.projects.map(\.score), "\(name)")
                    #expect(light.projects.map(\.rank) == full.projects.map(\.rank), "\(name)")
                    #expect(light.calledIn.map(\.key) == full.calledIn.map(\.key), "\(name)")
                    trialWorkSeen =
                        trialWorkSeen
                        || full.projects.contains { !$0.trials.isEmpty && $0.score != nil }
                }
                #expect(trialWorkSeen, "some previous month has a scored project with trials that month")
            }
        }
    }
}
