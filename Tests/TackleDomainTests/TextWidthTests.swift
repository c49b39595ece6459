import Testing

@testable import TackleDomain

@Suite("Text width")
struct TextWidthTests {
    @Test(
        "display width of strings",
        arguments: [
            ("", 0),
            ("SLAB-CRACK-2026", 15),
            ("纵裂", 4),
            ("二冷水比水量 0.62 L/kg", 12 + 1 + 4 + 1 + 4),
            ("攻关项目（二）", 14),  // fullwidth parentheses
            ("ＡＢＣ１２３", 12),  // fullwidth forms U+FF21...
            ("￥", 2),  // fullwidth yen U+FFE5
            ("。、「」", 8),  // CJK symbols and punctuation
            ("ひらがなカタカナ", 16),
            ("한국어", 6),  // Hangul syllables
            ("㐀", 2),  // CJK extension A
            ("𠀀", 2),  // CJK extension B
            ("豈", 2),  // CJK compatibility ideograph
            ("㎜", 2),  // CJK compatibility, square mm
            ("1600×230 mm", 11),
            ("15–35 °C", 8),
            ("…", 1),
            ("e\u{301}", 1),  // e + combining acute: one column
            ("\u{20DD}", 0),  // enclosing circle alone
            ("a\u{200B}b", 2),  // zero-width space
            ("a\u{200D}b", 2),  // zero-width joiner between letters
            ("a\u{FE0E}", 1),  // variation selector
            ("\u{7}\u{1B}", 0),  // control characters
            ("😀", 2),
            ("🤔", 2),
            ("👩‍🔬", 2),  // woman scientist: ZWJ sequence
            ("👨‍👩‍👧‍👦", 2),  // family: ZWJ sequence of four
            ("👍🏽", 2),  // skin tone modifier
            ("🇨🇳", 2),  // flag: regional indicator pair
            ("❤️", 2),  // text symbol with emoji presentation selector
            ("❤", 1),  // the same symbol as text
            ("각", 2),  // Hangul written as conjoining Jamo
        ]
    )
    func width(text: String, expected: Int) {
        #expect(TextWidth.columns(of: text) == expected)
    }

    @Test(
        "a text measured scalar by scalar (ASCII, Chinese, ...) is as wide as measured by characters",
        arguments: [
            "纵裂攻关 SLAB-CRACK-2026：基准 48/1500（3.20%）", "e\u{301}中文", "中\u{301}", "한\u{11A8}국", "A\r\nB",
            "❤\u{FE0F} ok", "€ ½ — “quoted” … → ▁▂▃█", "ＡＢＣ　全角", "\u{1100}\u{1161}\u{11A8}", "a\u{200D}b",
        ]
    )
    func scalarsAgreeWithCharacters(text: String) {
        #expect(TextWidth.columns(of: text) == text.reduce(0) { $0 + TextWidth.columns(of: $1) })
    }

    @Test("a scalar measured on its own has the width the general rules give it, and joins no neighbour")
    func standaloneScalars() {
        var checked = 0
        for value in UInt32(0)...0xFFFF {
            guard let scalar = Unicode.Scalar(value), let width = TextWidth.standaloneWidth(scalar) else { continue }
            checked += 1
            #expect(width == TextWidth.columns(of: scalar), "U+\(String(value, radix: 16))")
            let alone = String(Character(scalar))
            #expect(("a" + alone + "a" + alone + alone).count == 5, "U+\(String(value, radix: 16)) joins a neighbour")
        }
        // Printable ASCII, Latin-1, punctuation, arrows, box drawing, CJK, Hangul syllables, fullwidth forms.
        #expect(checked > 39_000)
    }

    @Test("text of scalars that stand alone wraps as it does character by character")
    func standaloneWrap() {
        // Deterministic words: ASCII, Chinese, fullwidth, runs of spaces, long words.
        let words = [
            "SLAB-CRACK-2026", "纵裂", "攻关项目", "a", "比水量0.62L/kg", " ", "  ", "（二）", "supercalifragilistic",
            "—", "基准项目123号", "x", "T1:", "。", "ok,", "ＡＢＣ", "",
        ]
        var seed: UInt64 = 12_345
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(bound))
        }
        for _ in 0..<2_000 {
            let text = (0..<(1 + next(12))).map { _ in words[next(words.count)] }.joined(
                separator: next(3) == 0 ? "" : " ")
            let width = 2 + next(24)
            guard TextWidth.columns(of: text) > width else { continue }
            #expect(TextWidth.wrap(text, to: width) == TextWidth.wrapCharacters(text, to: width), "\(text) in \(width)")
        }
    }

    @Test("substrings are measured too")
    func substring() {
        let title = "纵裂攻关 SLAB"
        #expect(TextWidth.columns(of: title.prefix(2)) == 4)
    }

    @Test(
        "pad fills to the width on the chosen side",
        arguments: [
            ("纵裂", 6, TextAlignment.left, "纵裂  "),
            ("纵裂", 6, .right, "  纵裂"),
            ("3.20%", 7, .right, "  3.20%"),
            ("abc", 3, .left, "abc"),
            ("纵裂攻关", 4, .left, "纵裂攻关"),
            ("", 2, .left, "  "),
        ]
    )
    func pad(text: String, width: Int, alignment: TextAlignment, expected: String) {
        #expect(TextWidth.pad(text, to: width, alignment: alignment) == expected)
    }

    @Test(
        "truncate cuts with … and never splits a wide character",
        arguments: [
            ("SLAB-CRACK-2026", 20, "SLAB-CRACK-2026"),
            ("SLAB-CRACK-2026", 15, "SLAB-CRACK-2026"),
            ("SLAB-CRACK-2026", 8, "SLAB-CR…"),
            ("纵裂攻关项目", 12, "纵裂攻关项目"),
            ("纵裂攻关项目", 11, "纵裂攻关项…"),
            ("纵裂攻关项目", 10, "纵裂攻关…"),
            ("纵裂攻关项目", 2, "…"),
            ("纵裂攻关项目", 1, "…"),
            ("纵裂攻关项目", 0, ""),
            ("ab", -3, ""),
            ("a纵裂", 4, "a纵…"),
        ]
    )
    func truncate(text: String, width: Int, expected: String) {
        let result = TextWidth.truncate(text, to: width)
        #expect(result == expected)
        #expect(TextWidth.columns(of: result) <= max(width, 0))
    }

    @Test("truncate keeps combining marks with their base")
    func truncateCombining() {
        #expect(TextWidth.truncate("e\u{301}e\u{301}e\u{301}", to: 3) == "e\u{301}e\u{301}e\u{301}")
        #expect(TextWidth.truncate("e\u{301}e\u{301}e\u{301}x", to: 3) == "e\u{301}e\u{301}…")
    }
}
