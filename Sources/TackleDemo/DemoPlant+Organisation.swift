import TackleDomain
import TackleStore

extension DemoPlant {
    /// The plant, its converter and casting work areas, the technical section and two party
    /// branches, parents before children.
    static func units() -> [TackleDomain.Unit] {
        [
            TackleDomain.Unit(code: "PLANT2", name: "第二炼钢厂", kind: .plant),
            TackleDomain.Unit(code: "BOF", name: "转炉作业区", kind: .workArea, parentCode: "PLANT2"),
            TackleDomain.Unit(code: "CC1", name: "连铸一作业区", kind: .workArea, parentCode: "PLANT2"),
            TackleDomain.Unit(code: "CC3", name: "连铸三作业区", kind: .workArea, parentCode: "PLANT2"),
            TackleDomain.Unit(code: "TECH", name: "技术科", kind: .section, parentCode: "PLANT2"),
            TackleDomain.Unit(code: "PB-CC", name: "连铸作业区党支部", kind: .partyBranch, parentCode: "PLANT2"),
            TackleDomain.Unit(code: "PB-BOF", name: "转炉作业区党支部", kind: .partyBranch, parentCode: "PLANT2"),
        ]
    }

    /// Eighteen people: leaders, engineers, operators, a branch secretary, a plant manager, and
    /// one retired operator who is no longer active.
    static func people() -> [Person] {
        [
            Person(employeeNo: "E1001", name: "王建国", unitCode: "CC3", partyMember: true),
            Person(employeeNo: "E1002", name: "李晓东", unitCode: "TECH", partyMember: true),
            Person(employeeNo: "E1003", name: "张伟", unitCode: "CC3", partyMember: false),
            Person(employeeNo: "E1004", name: "刘志强", unitCode: "TECH", partyMember: true),
            Person(employeeNo: "E1005", name: "陈静", unitCode: "TECH", partyMember: false),
            Person(employeeNo: "E1006", name: "杨帆", unitCode: "CC1", partyMember: true),
            Person(employeeNo: "E1007", name: "赵磊", unitCode: "CC1", partyMember: false),
            Person(employeeNo: "E1008", name: "黄海涛", unitCode: "CC3", partyMember: true),
            Person(employeeNo: "E1009", name: "周明", unitCode: "CC3", partyMember: false),
            Person(employeeNo: "E1010", name: "吴刚", unitCode: "BOF", partyMember: true),
            Person(employeeNo: "E1011", name: "孙立军", unitCode: "CC1", partyMember: true),
            Person(employeeNo: "E1012", name: "马红梅", unitCode: "PB-CC", partyMember: true),
            Person(employeeNo: "E1013", name: "朱国庆", unitCode: "BOF", partyMember: false),
            Person(employeeNo: "E1014", name: "胡晓燕", unitCode: "TECH", partyMember: true),
            Person(employeeNo: "E1015", name: "郭强", unitCode: "CC3", partyMember: false),
            Person(employeeNo: "E1016", name: "何振华", unitCode: "PLANT2", partyMember: true),
            Person(employeeNo: "E1017", name: "林涛", unitCode: "PB-BOF", partyMember: true),
            Person(employeeNo: "E1018", name: "宋建军", unitCode: "CC1", partyMember: false, active: false),
        ]
    }
}
