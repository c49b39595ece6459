import TackleDomain
import Testing

@Suite("text rules: control characters")
struct TextRulesTests {
    @Test(
        "a control character other than tab and newline is refused, named escaped with its place",
        arguments: [
            ("连铸\u{1B}[31m三", "\\u001b", 3), ("a\rb", "\\u000d", 2), ("\u{7F}", "\\u007f", 1),
            ("x\u{85}y", "\\u0085", 2), ("bell\u{07}", "\\u0007", 5), ("\u{0}", "\\u0000", 1),
        ])
    func refused(text: String, shown: String, position: Int) {
        let error = #expect(throws: DomainError.self) {
            try TextRules.checkNoControlCharacters(text, field: "name")
        }
        #expect(error?.field == "name")
        #expect(error?.code == .invalidFormat)
        #expect(
            error?.message.contains("control characters other than tab and newline") == true,
            "\(String(describing: error))")
        #expect(
            error?.message.contains("found \(shown) at character \(position)") == true, "\(String(describing: error))")
    }

    @Test(
        "text without control characters, tabs and newlines included, is accepted",
        arguments: ["连铸三作业区", "two\tcolumns", "line one\nline two", "1 200 °C, ±5%", "🔥 板坯", "", "\u{A0}nbsp"])
    func accepted(text: String) throws {
        try TextRules.checkNoControlCharacters(text, field: "name")
    }

    @Test("a required text is checked for control characters as well as blankness")
    func requiredTexts() {
        let error = #expect(throws: DomainError.self) { try Keys.checkNotBlank("标题\u{1B}]0;x\u{7}", field: "title") }
        #expect(error?.field == "title")
        #expect(error?.message.contains("\\u001b") == true)
    }

    @Test("messages show every control, line separator and bidi override escaped, on one line")
    func escaping() {
        #expect(TextRules.escapingControls("plain 板坯 text") == "plain 板坯 text")
        #expect(TextRules.escapingControls("a\u{1B}[2Jb") == "a\\u001b[2Jb")
        #expect(TextRules.escapingControls("one\ntwo\tthree\r") == "one\\u000atwo\\u0009three\\u000d")
        #expect(TextRules.escapingControls("\u{9B}\u{2028}\u{202E}evil") == "\\u009b\\u2028\\u202eevil")
        #expect(
            !TextRules.escapingControls("x\u{0}\u{1F}\u{7F}").unicodeScalars.contains {
                $0.value < 0x20 || $0.value == 0x7F
            })
    }
}
