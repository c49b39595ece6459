/// A person's membership of a project.
public struct Member: Sendable, Hashable, Codable {
    public var employeeNo: String
    public var name: String
    public var role: MemberRole
    public var joinedOn: LocalDate
    public var leftOn: LocalDate?

    public init(employeeNo: String, name: String, role: MemberRole, joinedOn: LocalDate, leftOn: LocalDate?) {
        self.employeeNo = employeeNo
        self.name = name
        self.role = role
        self.joinedOn = joinedOn
        self.leftOn = leftOn
    }
}
