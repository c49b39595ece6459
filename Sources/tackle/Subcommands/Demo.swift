import ArgumentParser
import TackleDemo
import TackleStore

/// `tackle demo`: a realistic plant to try tackle on.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Demo data: a steelmaking plant with tackling projects, trials and a year of defect figures.",
        discussion: """
            Example:
              tackle demo load
            """,
        subcommands: [Load.self]
    )
}

extension DemoCommand {
    struct Load: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "load",
            abstract: "Load the demo plant (第二炼钢厂) into the database; running it again changes nothing.",
            discussion: """
                Writes the units, people and six tackling projects of a steelmaking plant, with members, \
                milestones, trials and monthly defect figures from 2025-09 to 2026-10, in one transaction. \
                The history records every change as actor "demo". The monthly status of 2026-10 shows \
                projects on track, at risk, off track and on hold. The assessment has two rubric versions \
                (the second from 2026-07); the sheets of 2026-08 to 2026-10 are published as the scheduled \
                job would have, the projects called in for 2026-09 had their talks, and 2026-10 was \
                republished (revision 2) after late figures.

                Units and people already there exactly as the demo has them are kept. When the database \
                holds a unit, person or project with a demo code but other content, nothing is written \
                and the command exits 1, naming each clash.

                Example:
                  tackle db migrate
                  tackle demo load
                  tackle project show SLAB-CRACK-2026
                  tackle report monthly --month 2026-10 --lang zh
                  tackle demo load --without-archive   # then: tackle scheduler run --once
                """
        )

        @Flag(
            help:
                "Leave out what the plant posted (sheets of 2026-08..10, talks, a revision), to try the scheduled job on the demo."
        )
        var withoutArchive = false
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let result = try global.withStore { store in try store.loadDemo(withArchive: !withoutArchive) }
            switch result {
            case .loaded(let summary):
                let kept = summary.kept > 0 ? " (\(summary.kept) units and people were already there and kept)" : ""
                print("loaded demo data: \(Self.counts(summary))\(kept)")
            case .alreadyLoaded(let summary):
                print("demo data already loaded (\(Self.counts(summary))); nothing changed")
            }
        }

        static func counts(_ summary: DemoSummary) -> String {
            "\(summary.units) units, \(summary.people) people, \(summary.projects) projects, "
                + "\(summary.members) members, \(summary.milestones) milestones, \(summary.trials) trials, "
                + "\(summary.observations) monthly observations"
        }
    }
}
