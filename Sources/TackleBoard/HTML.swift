/// Markup built from code, with every piece of text escaped by construction.
///
/// Element and attribute names are `StaticString`s, so they come from the code and never from
/// data; text and attribute values go through ``text(_:)`` and the attribute lists, which escape
/// `&`, `<`, `>`, `"` and `'`. Nothing else adds markup, so a project title such as
/// `<script>` or `" onload="` is shown as written and never interpreted.
///
/// The markup is appended to one growing string (reserve its size up front with
/// ``init(reservingCapacity:)``), so a sheet of a thousand projects is built without an
/// intermediate array per element.
public struct HTML: Sendable, Hashable, CustomStringConvertible {
    /// The markup so far.
    public private(set) var markup: String

    /// Attributes of one element, in order: `["class": "point", "cx": "12.5"]`.
    public typealias Attributes = KeyValuePairs<StaticString, String>

    /// Empty markup with room for `capacity` bytes.
    ///
    /// - Parameter capacity: The bytes to reserve.
    public init(reservingCapacity capacity: Int = 0) {
        markup = ""
        markup.reserveCapacity(capacity)
    }

    /// The markup, as written into a file.
    public var description: String { markup }

    /// Appends text, escaped.
    ///
    /// - Parameter text: The text as the reader should see it.
    public mutating func text(_ text: String) {
        Self.escape(text, into: &markup)
    }

    /// Appends markup built elsewhere.
    ///
    /// - Parameter other: The markup.
    public mutating func append(_ other: HTML) {
        markup += other.markup
    }

    /// Appends an element with its content.
    ///
    /// - Parameters:
    ///   - name: The element: `td`, `svg`, `circle`.
    ///   - attributes: Its attributes, values escaped.
    ///   - content: Appends the element's content.
    public mutating func element(
        _ name: StaticString, _ attributes: Attributes = [:], _ content: (inout HTML) -> Void
    ) {
        open(name, attributes)
        content(&self)
        close(name)
    }

    /// Appends an element whose content is one text, escaped: `<th scope="col">排名</th>`.
    ///
    /// - Parameters:
    ///   - name: The element.
    ///   - attributes: Its attributes.
    ///   - text: Its text.
    public mutating func element(_ name: StaticString, _ attributes: Attributes = [:], text: String) {
        open(name, attributes)
        Self.escape(text, into: &markup)
        close(name)
    }

    /// Appends an element without content: `<meta charset="utf-8">`, or `<circle ... />` in SVG.
    ///
    /// - Parameters:
    ///   - name: The element.
    ///   - attributes: Its attributes.
    ///   - selfClosing: Write `/>`, as SVG elements are written.
    public mutating func empty(_ name: StaticString, _ attributes: Attributes = [:], selfClosing: Bool = false) {
        startTag(name, attributes)
        markup += selfClosing ? "/>" : ">"
    }

    /// Appends an opening tag; pair it with ``close(_:)``.
    ///
    /// - Parameters:
    ///   - name: The element.
    ///   - attributes: Its attributes.
    public mutating func open(_ name: StaticString, _ attributes: Attributes = [:]) {
        startTag(name, attributes)
        markup += ">"
    }

    /// Appends a closing tag.
    ///
    /// - Parameter name: The element opened with ``open(_:_:)``.
    public mutating func close(_ name: StaticString) {
        markup += "</"
        append(name)
        markup += ">"
    }

    /// Appends markup that the code itself spells out: the doctype, a style sheet.
    ///
    /// - Parameter trusted: Markup written in the code, never data.
    mutating func raw(_ trusted: StaticString) {
        append(trusted)
    }

    /// `<name a="1" b="2"`.
    private mutating func startTag(_ name: StaticString, _ attributes: Attributes) {
        markup += "<"
        append(name)
        for (attribute, value) in attributes {
            markup += " "
            append(attribute)
            markup += "=\""
            Self.escape(value, into: &markup)
            markup += "\""
        }
    }

    private mutating func append(_ name: StaticString) {
        name.withUTF8Buffer { markup += String(decoding: $0, as: UTF8.self) }
    }

    /// Appends `text` with the five characters that mean something in markup replaced by their
    /// references, and the control characters HTML forbids (other than tab and line breaks)
    /// replaced by U+FFFD.
    ///
    /// - Parameters:
    ///   - text: The text.
    ///   - markup: Where to append it.
    static func escape(_ text: String, into markup: inout String) {
        var plain = true
        scan: for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"),
                0x00...0x08, 0x0B, 0x0C, 0x0E...0x1F, 0x7F, 0xC2:
                plain = false
                break scan
            default:
                continue
            }
        }
        if plain {
            markup += text
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": markup += "&amp;"
            case "<": markup += "&lt;"
            case ">": markup += "&gt;"
            case "\"": markup += "&quot;"
            case "'": markup += "&#39;"
            case "\t", "\n", "\r": markup.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                    markup += "\u{FFFD}"
                } else {
                    markup.unicodeScalars.append(scalar)
                }
            }
        }
    }

    /// `text` escaped, as a string.
    ///
    /// - Parameter text: The text.
    /// - Returns: The text with `&<>"'` replaced by references.
    public static func escaped(_ text: String) -> String {
        var markup = ""
        escape(text, into: &markup)
        return markup
    }
}
