import TackleDomain
import TackleReport

extension BoardPage {
    /// One published revision of a month in the archive, as the index lists it.
    public struct ArchiveEntry: Sendable, Hashable {
        /// The month reported on.
        public var month: Month
        /// The revision: 1 for the first publication, 2 for the first correction, ...
        public var revision: Int
        /// When it was published, as the index should print it: `2026-11-01 08:00 +08:00`.
        public var publishedAt: String
        /// The files of the revision, names relative to the index (`2026-10.html`,
        /// `tackle-status-2026-10.txt`), the sheet first.
        public var files: [String]

        /// Creates an entry.
        ///
        /// - Parameters:
        ///   - month: The month.
        ///   - revision: The revision.
        ///   - publishedAt: When it was published.
        ///   - files: The files, relative names, the sheet first.
        public init(month: Month, revision: Int, publishedAt: String, files: [String]) {
            self.month = month
            self.revision = revision
            self.publishedAt = publishedAt
            self.files = files
        }
    }

    /// The archive's index (`index.html`): a link to the latest month's sheet, then every month
    /// and revision, newest first, with when it was published and its files.
    ///
    /// File names are linked as relative names only (letters, digits, `.`, `_`, `-`); anything else
    /// (a path, a URL) is listed as text, so the index never points outside its directory.
    ///
    /// - Parameters:
    ///   - entries: The archive's revisions, any order.
    ///   - latest: The month whose sheet to put first, or `nil` for none.
    ///   - language: Chinese or English.
    /// - Returns: The page.
    public static func index(_ entries: [ArchiveEntry], latest: Month?, language: Language = .zh) -> String {
        let words = Words(language: language)
        let title = words.say("攻关项目月度考核公示 目录", "tackle monthly assessments: index")
        let sorted = entries.sorted { ($0.month, $0.revision) > ($1.month, $1.revision) }
        return BoardDocument.render(title: title, language: language, capacity: 4_000 + entries.count * 400) { html in
            html.open("section", ["class": "posting"])
            html.element("h1", text: title)
            if let latest, let newest = sorted.first(where: { $0.month == latest }), let sheet = newest.files.first {
                html.element("p", ["class": "best"]) { line in
                    line.text(
                        words.say(
                            "最新公示：\(latest)（第 \(newest.revision) 版） ",
                            "Latest sheet: \(latest) (revision \(newest.revision)) "))
                    link(&line, sheet)
                }
            } else {
                html.element("p", text: words.say("尚无已公示的月份", "no month published yet"))
            }
            guard !sorted.isEmpty else {
                html.close("section")
                return
            }
            startTable(
                &html, caption: words.say("已公示的月份与版本", "Published months and revisions"),
                headers: [
                    words.say("月份", "Month"), words.say("版本", "Revision"), words.say("公示时间", "Published"),
                    words.say("文件", "Files"),
                ], numeric: [1])
            for entry in sorted {
                html.open("tr")
                html.element("th", ["scope": "row"], text: entry.month.description)
                number(&html, String(entry.revision))
                cell(&html, entry.publishedAt)
                html.element("td") { cell in
                    for (index, file) in entry.files.enumerated() {
                        if index > 0 { cell.text(" ") }
                        link(&cell, file)
                    }
                }
                html.close("tr")
            }
            endTable(&html)
            html.close("section")
        }
    }

    /// A link to a file beside the index; a name that is not a plain file name is shown as text.
    private static func link(_ html: inout HTML, _ file: String) {
        let plain =
            !file.isEmpty && !file.hasPrefix(".")
            && file.utf8.allSatisfy { byte in
                (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                    || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
            }
        if plain {
            html.element("a", ["href": file], text: file)
        } else {
            html.element("span", text: file)
        }
    }
}
