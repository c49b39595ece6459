import ArgumentParser
import FoundationEssentials
import TackleDomain
import TackleReport
import TackleStore

/// `tackle history`: every recorded change of a project.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Show every recorded change of a project: who, when, what, from what to what, why.",
        discussion: """
            The history is written by the database itself and cannot be changed or deleted. WHO is the person \
            the change was made for; LOGIN is the database login that made it, which no option can change \
            (empty for changes recorded before tackle kept logins). Times are on \
            the plant's clock (--time-zone) with their offset: 2026-11-05 14:03 +08:00 in the text, \
            2026-11-05T14:03:12+08:00 (ISO 8601) in --json.

            Examples:
              tackle history SLAB-CRACK-2026
              tackle history SLAB-CRACK-2026 --json | jq '.[] | select(.entity == "trial")'
            """
    )

    @Argument(help: "The project key.")
    var key: String
    @OptionGroup var plant: PlantOptions
    @OptionGroup var format: JSONFlag
    @OptionGroup var global: GlobalOptions

    /// One entry as `history --json` prints it: the entry, its time in plant time with the offset.
    struct Line: Encodable {
        var id: Int
        /// `2026-11-05T14:03:12+08:00`.
        var at: String
        var actor: String
        var login: String
        var entity: String
        var record: String
        var action: String
        var oldValues: String?
        var newValues: String?
        var reason: String?

        init(_ entry: HistoryEntry, at: String) {
            id = entry.id
            self.at = at
            actor = entry.actor
            login = entry.login
            entity = entry.entity
            record = entry.record
            action = entry.action
            oldValues = entry.oldValues
            newValues = entry.newValues
            reason = entry.reason
        }
    }

    func run() throws {
        // The clock checks --time-zone; its rules give the offset in force at each entry's instant.
        let zone = try ZoneRules(named: try plant.clock().timeZone)
        let entries = try global.withStore { store in try store.history(of: key) }
        if format.json {
            return try Output.json(
                entries.map { Line($0, at: Self.timestamp($0.instant, in: zone, style: .iso8601)) })
        }
        var table = TextTable(columns: [
            .init("WHEN"), .init("WHO"), .init("LOGIN"), .init("WHAT"), .init("RECORD"), .init("CHANGE", maxWidth: 80),
            .init("REASON"),
        ])
        for entry in entries {
            let change: String
            switch entry.action {
            case "insert" where entry.entity == "import_batch": change = Self.batchSummary(entry.newValues)
            case "insert": change = "created"
            case "delete": change = "deleted"
            default: change = "\(entry.oldValues ?? "{}") -> \(entry.newValues ?? "{}")"
            }
            table.append([
                Self.timestamp(entry.instant, in: zone, style: .text), entry.actor, entry.login, entry.entity,
                entry.record, change,
                entry.reason ?? "",
            ])
        }
        Output.text(table.render())
    }

    /// What an import batch's entry shows, counts first (they are the whole file's):
    /// `365 inserted, 0 unchanged, 2 corrected from figures.csv (sha256 1a2b3c4d)`.
    static func batchSummary(_ newValues: String?) -> String {
        struct Batch: Decodable {
            var source: String
            var file_sha256: String
            var inserted: Int
            var unchanged: Int
            var corrected: Int
        }
        guard let newValues, let batch = try? JSONDecoder().decode(Batch.self, from: Data(newValues.utf8)) else {
            return "created"
        }
        return "\(batch.inserted) inserted, \(batch.unchanged) unchanged, \(batch.corrected) corrected from "
            + "\(batch.source) (sha256 \(batch.file_sha256.prefix(8)))"
    }

    /// How a time is written.
    enum TimestampStyle {
        /// `2026-11-05 14:03 +08:00`, for people.
        case text
        /// `2026-11-05T14:03:12+08:00`, ISO 8601 with the offset, for programs.
        case iso8601
    }

    /// An instant on the wall clock of `zone`, with the offset then in force (`+08:00`, `-05:00`, `+00:00`).
    ///
    /// The offset is written to the minute; the local time itself uses the full offset, so a zone's
    /// historical offsets with seconds (local mean time before 1900) are shown as the minute they fall in.
    static func timestamp(_ instant: Int, in zone: ZoneRules, style: TimestampStyle) -> String {
        let local = zone.localTime(at: instant)
        let offset = zone.utcOffset(at: instant)
        let minutes = abs(offset) / 60
        let sign = offset < 0 ? "-" : "+"
        let date = "\(pad(local.year, 4))-\(pad(local.month))-\(pad(local.day))"
        let utcOffset = "\(sign)\(pad(minutes / 60)):\(pad(minutes % 60))"
        switch style {
        case .text:
            return "\(date) \(pad(local.hour)):\(pad(local.minute)) \(utcOffset)"
        case .iso8601:
            return "\(date)T\(pad(local.hour)):\(pad(local.minute)):\(pad(local.second))\(utcOffset)"
        }
    }

    private static func pad(_ number: Int, _ width: Int = 2) -> String {
        let digits = String(number)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
