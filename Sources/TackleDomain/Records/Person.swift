/// A person at the plant, keyed by employee number.
public struct Person: Sendable, Hashable, Codable {
    /// The employee number users type: `E1001`.
    public var employeeNo: String
    public var name: String
    /// The code of the person's unit.
    public var unitCode: String
    public var partyMember: Bool
    public var active: Bool
    /// The database login that acts as this person (`tackle person edit E1001 --login wang_lei`), if any.
    public var login: String?

    public init(
        employeeNo: String, name: String, unitCode: String, partyMember: Bool, active: Bool = true,
        login: String? = nil
    ) {
        self.employeeNo = employeeNo
        self.name = name
        self.unitCode = unitCode
        self.partyMember = partyMember
        self.active = active
        self.login = login
    }
}
