import Testing

@testable import TackleBoard

/// The typed markup: text and attribute values are escaped whatever they hold.
@Suite("Board: HTML")
struct HTMLTests {
    @Test("text escapes & < > \" ' and keeps everything else, CJK included")
    func escapesText() {
        var html = HTML()
        html.element("td", text: #"<script>alert("x")</script> & 'q' 板坯纵裂"#)
        #expect(
            html.markup
                == "<td>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39; 板坯纵裂</td>")
    }

    @Test("attribute values are escaped, so a value cannot end its attribute or open another")
    func escapesAttributes() {
        var html = HTML()
        html.element("a", ["class": "key", "href": ##"#p-X" onmouseover="x"##], text: "X")
        #expect(html.markup == ##"<a class="key" href="#p-X&quot; onmouseover=&quot;x">X</a>"##)
    }

    @Test("control characters other than tab and line breaks become U+FFFD; plain text passes as it is")
    func controlCharacters() {
        #expect(HTML.escaped("a\u{0}b\u{7}c\td\ne\u{7F}f\u{85}g") == "a\u{FFFD}b\u{FFFD}c\td\ne\u{FFFD}f\u{FFFD}g")
        #expect(HTML.escaped("SLAB-CRACK-2026 3.20% £") == "SLAB-CRACK-2026 3.20% £")
    }

    @Test("empty and nested elements")
    func structure() {
        var html = HTML(reservingCapacity: 64)
        html.element("svg", ["viewBox": "0 0 10 10"]) { svg in
            svg.empty("circle", ["class": "point", "r": "2"], selfClosing: true)
        }
        html.empty("meta", ["charset": "utf-8"])
        #expect(html.markup == #"<svg viewBox="0 0 10 10"><circle class="point" r="2"/></svg><meta charset="utf-8">"#)
        #expect(html.description == html.markup)
    }
}
