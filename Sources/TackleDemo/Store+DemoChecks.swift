import LibPQ
import TackleDomain
import TackleStore

/// The demo's units and people that the database already holds exactly as the demo has them.
struct DemoRecordsToKeep: Sendable {
    var unitCodes: Set<String> = []
    var employeeNumbers: Set<String> = []

    var count: Int { unitCodes.count + employeeNumbers.count }
}

extension Store {
    /// True when the demo's marker project exists and was created by the demo actor.
    func demoIsLoaded() throws -> Bool {
        let row = try connection.query(
            """
            SELECT EXISTS (
                SELECT 1 FROM history h
                WHERE h.table_name = 'project' AND h.row_id = p.id AND h.action = 'insert' AND h.actor = $2
            ) AS by_demo
            FROM project p WHERE p.key = $1
            """, [DemoPlant.markerKey, DemoPlant.actor]
        ).first
        return try row?.decode(Bool.self, "by_demo") ?? false
    }

    /// Checks that the demo can be written without changing anything already there.
    ///
    /// - Returns: The units and people that exist exactly as the demo has them, to keep.
    /// - Throws: ``StoreError`` `.conflict` listing every unit and person that exists with other
    ///   content and every demo project key that is taken.
    func demoRecordsToKeep(_ plant: DemoPlant) throws -> DemoRecordsToKeep {
        var kept = DemoRecordsToKeep()
        var clashes: [String] = []
        let units = Dictionary(uniqueKeysWithValues: try self.units().map { ($0.code, $0) })
        for unit in plant.units {
            guard let existing = units[unit.code] else { continue }
            if existing == unit {
                kept.unitCodes.insert(unit.code)
            } else {
                clashes.append("unit \(unit.code) is \(Self.describe(existing)), the demo's is \(Self.describe(unit))")
            }
        }
        let people = Dictionary(uniqueKeysWithValues: try self.people().map { ($0.employeeNo, $0) })
        for person in plant.people {
            guard let existing = people[person.employeeNo] else { continue }
            if existing == person {
                kept.employeeNumbers.insert(person.employeeNo)
            } else {
                clashes.append(
                    "person \(person.employeeNo) is \(Self.describe(existing)), the demo's is \(Self.describe(person))")
            }
        }
        for project in plant.projects {
            let key = project.project.key
            if try !connection.query("SELECT 1 FROM project WHERE key = $1", [key]).isEmpty {
                clashes.append("project \(key) already exists")
            }
        }
        guard clashes.isEmpty else {
            let shown = clashes.prefix(5).joined(separator: "; ")
            let more = clashes.count > 5 ? "; and \(clashes.count - 5) more" : ""
            throw StoreError(
                .conflict, field: "demo",
                "the demo was not loaded, because the database already holds records it would change: \(shown)\(more). "
                    + "Nothing was written; load the demo into a new, empty database.")
        }
        return kept
    }

    /// `'连铸三作业区' (work-area, in PLANT2)`.
    private static func describe(_ unit: TackleDomain.Unit) -> String {
        "'\(unit.name)' (\(unit.kind)\(unit.parentCode.map { ", in \($0)" } ?? ""))"
    }

    /// `'王建国' (CC3, party member)`.
    private static func describe(_ person: Person) -> String {
        let party = person.partyMember ? ", party member" : ""
        let active = person.active ? "" : ", inactive"
        return "'\(person.name)' (\(person.unitCode)\(party)\(active))"
    }
}
