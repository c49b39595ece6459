import FoundationEssentials

extension JSONTextEncoder {
    /// The `Encoder` a value encodes itself to: a node of the tree.
    struct Encoder: Swift.Encoder {
        let tree: Tree
        let node: Int

        var codingPath: [any CodingKey] { tree.codingPath(of: node) }
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            KeyedEncodingContainer(KeyedContainer(tree: tree, node: node, container: tree.objectContainer(of: node)))
        }

        func unkeyedContainer() -> any UnkeyedEncodingContainer {
            UnkeyedContainer(tree: tree, node: node, container: tree.arrayContainer(of: node))
        }

        func singleValueContainer() -> any SingleValueEncodingContainer {
            SingleValueContainer(tree: tree, node: node)
        }
    }

    struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let tree: Tree
        let node: Int
        let container: Int

        var codingPath: [any CodingKey] { tree.codingPath(of: node) }

        private func member(_ key: Key) -> Int {
            tree.member(of: container, parent: node, key: tree.key(key.stringValue))
        }

        mutating func encodeNil(forKey key: Key) throws { tree.encodeNil(into: member(key)) }
        mutating func encode(_ value: Bool, forKey key: Key) throws { tree.encode(value, into: member(key)) }
        mutating func encode(_ value: String, forKey key: Key) throws { tree.encode(value, into: member(key)) }
        mutating func encode(_ value: Double, forKey key: Key) throws {
            try tree.encode(float: value, into: member(key))
        }
        mutating func encode(_ value: Float, forKey key: Key) throws {
            try tree.encode(float: value, into: member(key))
        }
        mutating func encode(_ value: Int, forKey key: Key) throws { tree.encode(integer: value, into: member(key)) }
        mutating func encode(_ value: Int8, forKey key: Key) throws { tree.encode(integer: value, into: member(key)) }
        mutating func encode(_ value: Int16, forKey key: Key) throws { tree.encode(integer: value, into: member(key)) }
        mutating func encode(_ value: Int32, forKey key: Key) throws { tree.encode(integer: value, into: member(key)) }
        mutating func encode(_ value: Int64, forKey key: Key) throws { tree.encode(integer: value, into: member(key)) }
        mutating func encode(_ value: UInt, forKey key: Key) throws { tree.encode(integer: value, into: member(key)) }
        mutating func encode(_ value: UInt8, forKey key: Key) throws { tree.encode(integer: value, into: member(key)) }
        mutating func encode(_ value: UInt16, forKey key: Key) throws {
            tree.encode(integer: value, into: member(key))
        }
        mutating func encode(_ value: UInt32, forKey key: Key) throws {
            tree.encode(integer: value, into: member(key))
        }
        mutating func encode(_ value: UInt64, forKey key: Key) throws {
            tree.encode(integer: value, into: member(key))
        }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            try tree.encode(value, into: member(key))
        }

        mutating func nestedContainer<NestedKey: CodingKey>(
            keyedBy keyType: NestedKey.Type, forKey key: Key
        ) -> KeyedEncodingContainer<NestedKey> {
            let nested = member(key)
            return KeyedEncodingContainer(
                KeyedContainer<NestedKey>(tree: tree, node: nested, container: tree.objectContainer(of: nested)))
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            let nested = member(key)
            return UnkeyedContainer(tree: tree, node: nested, container: tree.arrayContainer(of: nested))
        }

        mutating func superEncoder() -> any Swift.Encoder {
            Encoder(tree: tree, node: tree.member(of: container, parent: node, key: tree.key("super")))
        }

        mutating func superEncoder(forKey key: Key) -> any Swift.Encoder {
            Encoder(tree: tree, node: member(key))
        }
    }

    struct UnkeyedContainer: UnkeyedEncodingContainer {
        let tree: Tree
        let node: Int
        let container: Int

        var codingPath: [any CodingKey] { tree.codingPath(of: node) }
        var count: Int { tree.count(of: container) }

        private func next() -> Int { tree.member(of: container, parent: node, key: -1) }

        mutating func encodeNil() throws { tree.encodeNil(into: next()) }
        mutating func encode(_ value: Bool) throws { tree.encode(value, into: next()) }
        mutating func encode(_ value: String) throws { tree.encode(value, into: next()) }
        mutating func encode(_ value: Double) throws { try tree.encode(float: value, into: next()) }
        mutating func encode(_ value: Float) throws { try tree.encode(float: value, into: next()) }
        mutating func encode(_ value: Int) throws { tree.encode(integer: value, into: next()) }
        mutating func encode(_ value: Int8) throws { tree.encode(integer: value, into: next()) }
        mutating func encode(_ value: Int16) throws { tree.encode(integer: value, into: next()) }
        mutating func encode(_ value: Int32) throws { tree.encode(integer: value, into: next()) }
        mutating func encode(_ value: Int64) throws { tree.encode(integer: value, into: next()) }
        mutating func encode(_ value: UInt) throws { tree.encode(integer: value, into: next()) }
        mutating func encode(_ value: UInt8) throws { tree.encode(integer: value, into: next()) }
        mutating func encode(_ value: UInt16) throws { tree.encode(integer: value, into: next()) }
        mutating func encode(_ value: UInt32) throws { tree.encode(integer: value, into: next()) }
        mutating func encode(_ value: UInt64) throws { tree.encode(integer: value, into: next()) }
        mutating func encode<T: Encodable>(_ value: T) throws { try tree.encode(value, into: next()) }

        mutating func nestedContainer<NestedKey: CodingKey>(
            keyedBy keyType: NestedKey.Type
        ) -> KeyedEncodingContainer<NestedKey> {
            let nested = next()
            return KeyedEncodingContainer(
                KeyedContainer<NestedKey>(tree: tree, node: nested, container: tree.objectContainer(of: nested)))
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            let nested = next()
            return UnkeyedContainer(tree: tree, node: nested, container: tree.arrayContainer(of: nested))
        }

        mutating func superEncoder() -> any Swift.Encoder {
            Encoder(tree: tree, node: next())
        }
    }

    struct SingleValueContainer: SingleValueEncodingContainer {
        let tree: Tree
        let node: Int

        var codingPath: [any CodingKey] { tree.codingPath(of: node) }

        mutating func encodeNil() throws { tree.encodeNil(into: node) }
        mutating func encode(_ value: Bool) throws { tree.encode(value, into: node) }
        mutating func encode(_ value: String) throws { tree.encode(value, into: node) }
        mutating func encode(_ value: Double) throws { try tree.encode(float: value, into: node) }
        mutating func encode(_ value: Float) throws { try tree.encode(float: value, into: node) }
        mutating func encode(_ value: Int) throws { tree.encode(integer: value, into: node) }
        mutating func encode(_ value: Int8) throws { tree.encode(integer: value, into: node) }
        mutating func encode(_ value: Int16) throws { tree.encode(integer: value, into: node) }
        mutating func encode(_ value: Int32) throws { tree.encode(integer: value, into: node) }
        mutating func encode(_ value: Int64) throws { tree.encode(integer: value, into: node) }
        mutating func encode(_ value: UInt) throws { tree.encode(integer: value, into: node) }
        mutating func encode(_ value: UInt8) throws { tree.encode(integer: value, into: node) }
        mutating func encode(_ value: UInt16) throws { tree.encode(integer: value, into: node) }
        mutating func encode(_ value: UInt32) throws { tree.encode(integer: value, into: node) }
        mutating func encode(_ value: UInt64) throws { tree.encode(integer: value, into: node) }
        mutating func encode<T: Encodable>(_ value: T) throws { try tree.encode(value, into: node) }
    }
}
