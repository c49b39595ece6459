import FoundationEssentials

/// Encodes values as tackle's JSON text, byte for byte what Foundation's `JSONEncoder` writes with
/// snake_case keys and the output formatting `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`,
/// at a fraction of its cost.
///
/// A plant-scale monthly report is some 700,000 values; `JSONEncoder` spends most of the report's
/// time on them: a class and a dictionary per object, every key converted to snake_case again,
/// every object's keys sorted as strings. Here the values go into flat arrays (one text buffer,
/// one node per value, one entry list per container), each distinct key is converted once, and
/// the keys are sorted once, by rank, when the text is written.
///
/// The output rules are `JSONEncoder`'s: two-space indentation, `"key" : value`, an empty array as
/// `[`, an empty line and `]`; keys sorted by their UTF-8 bytes (the last of equal keys wins);
/// integers in decimal; a floating-point number as its `description` without a trailing `.0`;
/// `"`, `\`, and the control characters escaped (`\b`, `\f`, `\n`, `\r`, `\t`, else `\u00XX`),
/// nothing else; `Data` as base64, `URL` as its absolute string, `Decimal` as a number, and the
/// keys of a dictionary keyed by strings as they are. A non-finite number throws `EncodingError.invalidValue`.
struct JSONTextEncoder {
    /// Encodes `value` as JSON text (without a final newline).
    ///
    /// - Throws: `EncodingError` when a value cannot be encoded (a non-finite number, or a value
    ///   that encodes nothing at the top level), or what a value's `encode(to:)` throws.
    static func encode(_ value: some Encodable) throws -> [UInt8] {
        try tree(of: value).text()
    }

    /// Writes the text of `value` to `sink` in pieces of about 64 KiB, as they are made: a
    /// plant's monthly report (9.5 MB of JSON) is then never held whole, nor copied into a String.
    ///
    /// - Throws: As ``encode(_:)``, before anything is written.
    static func write(_ value: some Encodable, to sink: (UnsafeBufferPointer<UInt8>) -> Void) throws {
        try tree(of: value).write(to: sink)
    }

    /// The value's tree, ready to be written.
    private static func tree(of value: some Encodable) throws -> Tree {
        let tree = Tree()
        let root = tree.newNode(parent: -1, key: .none)
        try tree.encode(value, into: root)
        guard case .empty = tree.nodes[root].value else { return tree }
        throw EncodingError.invalidValue(
            value,
            EncodingError.Context(
                codingPath: [], debugDescription: "Top-level \(type(of: value)) did not encode any values."))
    }
}

extension JSONTextEncoder {
    /// Where a node sits in its parent: under a key, at a position, or nowhere (the root).
    enum Place {
        case none
        case key(Int)
        case index(Int)
    }

    /// One value of the document.
    struct Node {
        enum Value {
            /// Nothing encoded (yet); written as an empty object, as `JSONEncoder` does.
            case empty
            /// Finished text (a number, literal or quoted string) in ``Tree/text``.
            case text(Range<Int>)
            case array(container: Int)
            case object(container: Int)
        }

        var value: Value
        /// The parent node and the place in it, for the coding path.
        var parent: Int
        var place: Place
    }

    /// A member of a container: its key (an index in ``State/keys``; -1 in an array), its node,
    /// and the next member of the same container (-1 after the last).
    struct Entry {
        var key: Int
        var node: Int
        var next: Int
    }

    /// A container's members, as a list through ``Entry/next``: containers are filled while
    /// their members' own containers are, so their members are not contiguous.
    struct Container {
        var first = -1
        var last = -1
        var count = 0
    }

    /// A key as the document writes it.
    struct Key {
        /// The key as the type named it, for the coding path.
        var original: String
        /// The quoted, escaped snake_case key (or the key itself, for a dictionary's).
        var quoted: [UInt8]
    }

    /// Everything encoded so far, in flat arrays.
    struct State {
        var nodes: [Node] = []
        var entries: [Entry] = []
        var containers: [Container] = []
        var keys: [Key] = []
        /// The keys' indexes, by the key as the type named it.
        var convertedKeys: [String: Int] = [:]
        /// The same for the keys of a dictionary keyed by strings, which are written as they are.
        var verbatimKeys: [String: Int] = [:]
        /// The text of every scalar value, back to back.
        var scalars: [UInt8] = []
        /// Whether a type is a dictionary keyed by strings, by type.
        var keyedByString: [ObjectIdentifier: Bool] = [:]
    }

    /// The document under construction.
    ///
    /// The state lives behind a pointer, not in stored properties: a class's stored properties
    /// are checked for exclusive access at run time on every access, which cost a fifth of the
    /// encoding.
    final class Tree {
        let state: UnsafeMutablePointer<State>

        init() {
            state = .allocate(capacity: 1)
            state.initialize(to: State())
            state.pointee.nodes.reserveCapacity(4096)
            state.pointee.entries.reserveCapacity(4096)
            state.pointee.scalars.reserveCapacity(65_536)
        }

        deinit {
            state.deinitialize(count: 1)
            state.deallocate()
        }

        var nodes: [Node] { state.pointee.nodes }

        func newNode(parent: Int, key: Place) -> Int {
            state.pointee.nodes.append(Node(value: .empty, parent: parent, place: key))
            return state.pointee.nodes.count - 1
        }

        /// The index of `key`, converted to snake_case unless `converted` is false.
        func key(_ key: String, converted: Bool = true) -> Int {
            if let index = converted ? state.pointee.convertedKeys[key] : state.pointee.verbatimKeys[key] {
                return index
            }
            let name = converted ? Self.snakeCase(key) : key
            var quoted: [UInt8] = []
            Self.appendQuoted(name, to: &quoted)
            state.pointee.keys.append(Key(original: key, quoted: quoted))
            let index = state.pointee.keys.count - 1
            if converted { state.pointee.convertedKeys[key] = index } else { state.pointee.verbatimKeys[key] = index }
            return index
        }

        /// The keyed container of `node`, made when the node has none.
        func objectContainer(of node: Int) -> Int {
            if case .object(let container) = state.pointee.nodes[node].value { return container }
            state.pointee.containers.append(Container())
            let container = state.pointee.containers.count - 1
            state.pointee.nodes[node].value = .object(container: container)
            return container
        }

        /// The unkeyed container of `node`, made when the node has none.
        func arrayContainer(of node: Int) -> Int {
            if case .array(let container) = state.pointee.nodes[node].value { return container }
            state.pointee.containers.append(Container())
            let container = state.pointee.containers.count - 1
            state.pointee.nodes[node].value = .array(container: container)
            return container
        }

        /// The number of members of `container`.
        func count(of container: Int) -> Int { state.pointee.containers[container].count }

        /// A new node for a member of `container` (whose node is `parent`).
        func member(of container: Int, parent: Int, key: Int) -> Int {
            let list = state.pointee.containers[container]
            let node = newNode(parent: parent, key: key < 0 ? .index(list.count) : .key(key))
            state.pointee.entries.append(Entry(key: key, node: node, next: -1))
            let entry = state.pointee.entries.count - 1
            if list.last >= 0 {
                state.pointee.entries[list.last].next = entry
            } else {
                state.pointee.containers[container].first = entry
            }
            state.pointee.containers[container].last = entry
            state.pointee.containers[container].count += 1
            return node
        }

        // MARK: Values

        func setText(_ node: Int, _ write: (inout [UInt8]) -> Void) {
            let start = state.pointee.scalars.count
            write(&state.pointee.scalars)
            state.pointee.nodes[node].value = .text(start..<state.pointee.scalars.count)
        }

        func encode(_ value: Bool, into node: Int) {
            setText(node) { $0.append(contentsOf: value ? Self.trueText : Self.falseText) }
        }

        func encodeNil(into node: Int) {
            setText(node) { $0.append(contentsOf: Self.nullText) }
        }

        func encode(_ value: String, into node: Int) {
            setText(node) { Self.appendQuoted(value, to: &$0) }
        }

        func encode(integer value: some FixedWidthInteger, into node: Int) {
            setText(node) { $0.append(contentsOf: value.description.utf8) }
        }

        func encode<F: BinaryFloatingPoint & CustomStringConvertible>(float value: F, into node: Int) throws {
            guard value.isFinite else {
                let name = value.isNaN ? "nan" : (value < 0 ? "-infinity" : "infinity")
                throw EncodingError.invalidValue(
                    value,
                    EncodingError.Context(
                        codingPath: codingPath(of: node),
                        debugDescription: "Unable to encode \(F.self).\(name) directly in JSON."
                    ))
            }
            var text = value.description
            if text.hasSuffix(".0") { text.removeLast(2) }
            setText(node) { $0.append(contentsOf: text.utf8) }
        }

        func encode<T: Encodable>(_ value: T, into node: Int) throws {
            // The commonest types first, and the ones JSONEncoder writes in its own way; compared
            // by type, which is cheap, before any cast.
            if T.self == String.self {
                encode(Self.reinterpret(value, as: String.self), into: node)
            } else if T.self == Int.self {
                encode(integer: Self.reinterpret(value, as: Int.self), into: node)
            } else if T.self == Double.self {
                try encode(float: Self.reinterpret(value, as: Double.self), into: node)
            } else if T.self == Bool.self {
                encode(Self.reinterpret(value, as: Bool.self), into: node)
            } else if T.self == Data.self {
                encode(Self.reinterpret(value, as: Data.self).base64EncodedString(), into: node)
            } else if T.self == URL.self {
                encode(Self.reinterpret(value, as: URL.self).absoluteString, into: node)
            } else if T.self == Decimal.self {
                let text = Self.reinterpret(value, as: Decimal.self).description
                setText(node) { $0.append(contentsOf: text.utf8) }
            } else if isKeyedByString(T.self), let dictionary = value as? any KeyedByString {
                let container = objectContainer(of: node)
                for (name, member) in dictionary.stringKeyedMembers {
                    try encode(member, into: self.member(of: container, parent: node, key: key(name, converted: false)))
                }
            } else {
                try value.encode(to: Encoder(tree: self, node: node))
            }
        }

        /// Whether values of `type` are dictionaries whose keys JSON writes as they are; asked of
        /// the runtime once per type.
        private func isKeyedByString(_ type: Any.Type) -> Bool {
            let id = ObjectIdentifier(type)
            if let known = state.pointee.keyedByString[id] { return known }
            let answer = type is any KeyedByString.Type
            state.pointee.keyedByString[id] = answer
            return answer
        }

        /// `value` as `U`, which it is (the caller compared the types).
        private static func reinterpret<T, U>(_ value: T, as type: U.Type) -> U {
            withUnsafePointer(to: value) { $0.withMemoryRebound(to: U.self, capacity: 1) { $0.pointee } }
        }

        // MARK: Coding path

        func codingPath(of node: Int) -> [any CodingKey] {
            var path: [any CodingKey] = []
            var current = node
            while current >= 0 {
                switch state.pointee.nodes[current].place {
                case .none: break
                case .key(let key): path.append(PathKey(stringValue: state.pointee.keys[key].original))
                case .index(let index): path.append(PathKey(intValue: index))
                }
                current = state.pointee.nodes[current].parent
            }
            return path.reversed()
        }

        // MARK: Writing

        /// The document's text.
        func text() -> [UInt8] {
            var writer = Writer(state: state)
            writer.output.reserveCapacity(state.pointee.scalars.count * 2 + state.pointee.nodes.count * 12)
            writer.write(0, depth: 0)
            return writer.output
        }

        /// The document's text, handed to `sink` piece by piece.
        func write(to sink: (UnsafeBufferPointer<UInt8>) -> Void) {
            withoutActuallyEscaping(sink) { sink in
                var writer = Writer(state: state, sink: sink)
                writer.output.reserveCapacity(Writer.piece + 4096)
                writer.write(0, depth: 0)
                writer.flush()
            }
        }
    }

    /// Writes the tree as text, objects' keys sorted.
    struct Writer {
        let state: UnsafeMutablePointer<State>
        var output: [UInt8] = []
        /// Each key's place in UTF-8 order, so that sorting an object compares integers.
        let rank: [Int]
        /// The order to write an object's members in, by the keys in the order they were encoded:
        /// the objects of one type have the same keys, sorted once.
        var orders: [[Int]: [Int]] = [:]
        /// The members of the object being written, reused.
        var members: [Entry] = []
        /// Where the text goes piece by piece, or nil to keep it all in `output`.
        let sink: ((UnsafeBufferPointer<UInt8>) -> Void)?
        /// How much text is handed to `sink` at a time, about.
        static let piece = 1 << 16

        init(state: UnsafeMutablePointer<State>, sink: ((UnsafeBufferPointer<UInt8>) -> Void)? = nil) {
            self.state = state
            self.sink = sink
            let keys = state.pointee.keys
            let order = keys.indices.sorted { keys[$0].quoted.lexicographicallyPrecedes(keys[$1].quoted) }
            var rank = [Int](repeating: 0, count: keys.count)
            for (position, key) in order.enumerated() { rank[key] = position }
            self.rank = rank
        }

        mutating func write(_ node: Int, depth: Int) {
            switch state.pointee.nodes[node].value {
            case .text(let range):
                state.pointee.scalars.withUnsafeBufferPointer { output.append(contentsOf: $0[range]) }
            case .empty:
                output.append(UInt8(ascii: "{"))
                output.append(UInt8(ascii: "\n"))
                output.append(UInt8(ascii: "\n"))
                indent(depth)
                output.append(UInt8(ascii: "}"))
            case .array(let container):
                output.append(UInt8(ascii: "["))
                output.append(UInt8(ascii: "\n"))
                var entry = state.pointee.containers[container].first
                while entry >= 0 {
                    if entry != state.pointee.containers[container].first {
                        output.append(UInt8(ascii: ","))
                        output.append(UInt8(ascii: "\n"))
                    }
                    indent(depth + 1)
                    write(state.pointee.entries[entry].node, depth: depth + 1)
                    entry = state.pointee.entries[entry].next
                    if output.count >= Self.piece { flush() }
                }
                output.append(UInt8(ascii: "\n"))
                indent(depth)
                output.append(UInt8(ascii: "]"))
            case .object(let container):
                var members: [Entry] = []
                swap(&members, &self.members)
                members.removeAll(keepingCapacity: true)
                var entry = state.pointee.containers[container].first
                while entry >= 0 {
                    members.append(state.pointee.entries[entry])
                    entry = state.pointee.entries[entry].next
                }
                let keys = members.map(\.key)
                let order: [Int]
                if let known = orders[keys] {
                    order = known
                } else {
                    // Sorted by key; of equal keys the last encoded wins, as in a dictionary.
                    let sorted = keys.indices.sorted { (rank[keys[$0]], $0) < (rank[keys[$1]], $1) }
                    order = sorted.indices.filter { $0 + 1 == sorted.count || keys[sorted[$0 + 1]] != keys[sorted[$0]] }
                        .map { sorted[$0] }
                    orders[keys] = order
                }
                output.append(UInt8(ascii: "{"))
                output.append(UInt8(ascii: "\n"))
                let nodes = order.map { members[$0].node }
                swap(&members, &self.members)
                for (position, index) in order.enumerated() {
                    if position > 0 {
                        output.append(UInt8(ascii: ","))
                        output.append(UInt8(ascii: "\n"))
                    }
                    indent(depth + 1)
                    state.pointee.keys[keys[index]].quoted.withUnsafeBufferPointer { output.append(contentsOf: $0) }
                    output.append(UInt8(ascii: " "))
                    output.append(UInt8(ascii: ":"))
                    output.append(UInt8(ascii: " "))
                    write(nodes[position], depth: depth + 1)
                    if output.count >= Self.piece { flush() }
                }
                output.append(UInt8(ascii: "\n"))
                indent(depth)
                output.append(UInt8(ascii: "}"))
            }
        }

        /// Hands what is written so far to the sink, if there is one.
        mutating func flush() {
            guard let sink, !output.isEmpty else { return }
            output.withUnsafeBufferPointer(sink)
            output.removeAll(keepingCapacity: true)
        }

        private mutating func indent(_ depth: Int) {
            for _ in 0..<depth {
                output.append(UInt8(ascii: " "))
                output.append(UInt8(ascii: " "))
            }
        }
    }
}

extension JSONTextEncoder.Tree {
    private static let trueText = Array("true".utf8)
    private static let falseText = Array("false".utf8)
    private static let nullText = Array("null".utf8)

    /// Appends `text` as a JSON string: quoted, with `"`, `\` and control characters escaped.
    static func appendQuoted(_ text: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            for (position, byte) in bytes.enumerated() where byte < 0x20 || byte == 0x22 || byte == 0x5C {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<position]))
                output.append(UInt8(ascii: "\\"))
                switch byte {
                case 0x22: output.append(UInt8(ascii: "\""))
                case 0x5C: output.append(UInt8(ascii: "\\"))
                case 0x08: output.append(UInt8(ascii: "b"))
                case 0x0C: output.append(UInt8(ascii: "f"))
                case 0x0A: output.append(UInt8(ascii: "n"))
                case 0x0D: output.append(UInt8(ascii: "r"))
                case 0x09: output.append(UInt8(ascii: "t"))
                default:
                    let hex = Array("0123456789abcdef".utf8)
                    output.append(contentsOf: Array("u00".utf8))
                    output.append(hex[Int(byte / 16)])
                    output.append(hex[Int(byte % 16)])
                }
                start = position + 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        }
        output.append(UInt8(ascii: "\""))
    }

    /// `JSONEncoder.KeyEncodingStrategy.convertToSnakeCase`: words split where a lowercase
    /// letter meets an uppercase one, and before the last capital of a run of capitals
    /// followed by a lowercase letter (`myURLProperty` → `my_url_property`), joined with `_`
    /// and lowercased. Capitals are the categories Lu and Lt, lowercase letters Ll.
    static func snakeCase(_ key: String) -> String {
        let scalars = Array(key.unicodeScalars)
        guard !scalars.isEmpty else { return key }
        func isUpper(_ scalar: Unicode.Scalar) -> Bool {
            let category = scalar.properties.generalCategory
            return category == .uppercaseLetter || category == .titlecaseLetter
        }
        func isLower(_ scalar: Unicode.Scalar) -> Bool {
            scalar.properties.generalCategory == .lowercaseLetter
        }
        var words: [Range<Int>] = []
        var wordStart = 0
        var searchStart = 1
        let end = scalars.count
        while let upper = (searchStart..<end).first(where: { isUpper(scalars[$0]) }) {
            words.append(wordStart..<upper)
            guard let lower = (upper..<end).first(where: { isLower(scalars[$0]) }) else {
                wordStart = upper
                break
            }
            if lower == upper + 1 {
                wordStart = upper
            } else {
                words.append(upper..<(lower - 1))
                wordStart = lower - 1
            }
            searchStart = lower + 1
        }
        words.append(wordStart..<end)
        return words.map { range in
            String(String.UnicodeScalarView(scalars[range])).lowercased()
        }.joined(separator: "_")
    }
}

extension JSONTextEncoder {
    /// A coding path component.
    struct PathKey: CodingKey {
        var stringValue: String
        var intValue: Int?

        init(stringValue: String) {
            self.stringValue = stringValue
            intValue = nil
        }

        init(intValue: Int) {
            stringValue = "Index \(intValue)"
            self.intValue = intValue
        }
    }
}

/// A dictionary whose keys JSON writes as they are: keyed by strings. (Other dictionaries encode
/// themselves through a keyed container, and their keys are converted like any other.)
private protocol KeyedByString {
    var stringKeyedMembers: [(String, any Encodable)] { get }
}

extension Dictionary: KeyedByString where Key == String, Value: Encodable {
    fileprivate var stringKeyedMembers: [(String, any Encodable)] {
        map { ($0.key, $0.value) }
    }
}
