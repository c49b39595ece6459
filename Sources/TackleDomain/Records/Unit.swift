/// An organisational unit: the plant, a work area, a section, a party branch.
public struct Unit: Sendable, Hashable, Codable {
    /// The short code users type: `CC3`.
    public var code: String
    /// The unit's name: `连铸三作业区`.
    public var name: String
    public var kind: UnitKind
    /// The code of the unit this one belongs to, if any.
    public var parentCode: String?

    public init(code: String, name: String, kind: UnitKind, parentCode: String? = nil) {
        self.code = code
        self.name = name
        self.kind = kind
        self.parentCode = parentCode
    }
}
