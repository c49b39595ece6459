import ArgumentParser
import TackleDomain
import TackleReport
import TackleStore

/// `tackle talk`: talks with the projects called in (末位约谈) and the actions agreed (帮扶).
struct TalkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "talk",
        abstract: "Talks with the leaders of projects called in for a month (末位约谈), and the actions agreed.",
        discussion: """
            Examples:
              tackle talk record SLAB-CRACK-2026 --month 2026-10 --on 2026-11-06 --by E2001 \\
                  --notes "..." --action "十一月底前完成喷嘴改造" --action "每周报告纵裂率"
              tackle talk list --month 2026-10
            """,
        subcommands: [Record.self, List.self]
    )

    struct Record: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "record",
            abstract: "Record the talk with a project called in for a published month.",
            discussion: """
                Only a project the posted sheet (the month's latest revision) called in can have a talk, one per \
                month. The next month's report shows whether it was held, its actions, and whether the score rose.

                Example:
                  tackle talk record SLAB-CRACK-2026 --month 2026-10 --on 2026-11-06 --by E2001 \\
                      --notes "..." --action "十一月底前完成喷嘴改造"
                """
        )

        @Argument(help: "The project key.")
        var key: String
        @Option(help: "The month the project was called in for, YYYY-MM.")
        var month: String
        @Option(help: "The day of the talk, YYYY-MM-DD (default: today, plant time).")
        var on: String?
        @Option(help: "Who held the talk: employee number.")
        var by: String
        @Option(help: "Notes of the talk.")
        var notes: String = ""
        @Option(help: "An action agreed; repeat for several.")
        var action: [String] = []
        @OptionGroup var actor: ActorOptions
        @OptionGroup var plant: PlantOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let month = try Input.month(month, field: "--month")
            let today = try plant.clock().date()
            let heldOn = try on.map { try Input.date($0, field: "--on") } ?? today
            guard heldOn <= today else {
                throw DomainError(
                    .invalidValue, field: "--on", message: "\(heldOn) is in the future (today is \(today))")
            }
            let talk = Talk(
                projectKey: key, month: month, heldOn: heldOn, heldByNo: by, heldByName: "", notes: notes,
                actions: action)
            try global.write(actor, asNote: true) { store in
                _ = try store.recordTalk(talk, by: actor.resolved)
                return "recorded the talk with \(key) about \(month)"
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List the talks, with their actions.",
            discussion: "Example:\n  tackle talk list --month 2026-10 --lang zh"
        )

        @Option(help: "Only talks about this month, YYYY-MM.")
        var month: String?
        @OptionGroup var language: LanguageOption
        @OptionGroup var format: JSONFlag
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let month = try month.map { try Input.month($0, field: "--month") }
            let zh = try language.language() == .zh
            let talks = try global.withStore { store in try store.talks(for: month) }
            if format.json { return try Output.json(talks) }
            var table = TextTable(columns: [
                .init(zh ? "月份" : "MONTH"), .init(zh ? "项目" : "PROJECT"), .init(zh ? "约谈日期" : "HELD ON"),
                .init(zh ? "约谈人" : "BY", maxWidth: 10, wraps: true),
                .init(zh ? "整改措施" : "ACTIONS", maxWidth: 40, wraps: true),
                .init(zh ? "记录" : "NOTES", maxWidth: 30, wraps: true),
            ])
            for talk in talks {
                table.append([
                    talk.month.description, talk.projectKey, talk.heldOn.description, talk.heldByName,
                    talk.actions.enumerated().map { "\($0.offset + 1). \($0.element)" }.joined(separator: " "),
                    talk.notes,
                ])
            }
            Output.text(table.render())
        }
    }
}
