import Testing

@testable import TackleDomain

@Suite("Reading what users type")
struct InputParsingTests {
    @Test("dates: YYYY-MM-DD only, real calendar days only")
    func dates() throws {
        #expect(try LocalDate.parse("2026-05-01").description == "2026-05-01")
        #expect(try LocalDate.parse("2024-02-29").day == 29)
        for bad in ["2026-5-1", "2026/05/01", "20260501", "2026-13-01", "2026-02-29", "2025-04-31", "", "abc"] {
            let error = try #require(throws: DomainError.self) { try LocalDate.parse(bad, field: "--due") }
            #expect(error.field == "--due")
            #expect(error.description.hasPrefix("--due: "))
        }
    }

    @Test("day arithmetic agrees with the calendar across months, leap years and centuries")
    func dayNumbers() throws {
        #expect(try LocalDate.parse("1970-01-01").dayNumber == 0)
        #expect(try LocalDate.parse("2000-03-01").dayNumber == 11_017)
        let start = try LocalDate.parse("2026-01-31")
        #expect(start.adding(days: 29).description == "2026-03-01")
        #expect(try start.days(until: LocalDate.parse("2026-12-31")) == 334)
        // Every day of 1999-2101 survives the round trip and steps by one.
        var date = try LocalDate.parse("1999-12-31")
        for _ in 0..<(365 * 102) {
            let next = date.adding(days: 1)
            #expect(LocalDate(dayNumber: next.dayNumber) == next)
            #expect(next > date)
            date = next
        }
    }

    @Test("months and periods")
    func months() throws {
        let may = try Month.parse("2026-05")
        #expect(may.firstDay.description == "2026-05-01")
        #expect(may.lastDay.description == "2026-05-31")
        #expect(try Month.parse("2024-02").lastDay.description == "2024-02-29")
        #expect(try Month.parse("2026-01").previous.description == "2025-12")
        #expect(may.adding(months: 8).description == "2027-01")
        #expect(throws: DomainError.self) { try Month.parse("2026-13") }
        #expect(throws: DomainError.self) { try Month.parse("May 2026") }

        let period = try MonthRange.parse("2026-01..2026-03")
        #expect(period.first.description == "2026-01")
        #expect(period.last.description == "2026-03")
        #expect(try MonthRange.parse("2026-02").description == "2026-02..2026-02")
        for bad in ["2026-03..2026-01", "2026-01...2026-03", "2026-01..", "Q1 2026", "2026-01..2026-13"] {
            let error = try #require(throws: DomainError.self) { try MonthRange.parse(bad, field: "--baseline-period") }
            #expect(error.field == "--baseline-period", "\(bad)")
        }
    }

    @Test("rates: percentages and fractions, 0 up to 100 % exclusive")
    func rates() throws {
        #expect(try Rate.parse("0.5%") == 0.005)
        #expect(try Rate.parse("0.5 %") == 0.005)
        #expect(try Rate.parse("0.005") == 0.005)
        #expect(try Rate.parse("0") == 0)
        for bad in ["abc", "-1%", "100%", "1.5", "", "%"] {
            let error = try #require(throws: DomainError.self) { try Rate.parse(bad, field: "--target") }
            #expect(error.field == "--target")
        }
    }

    @Test(
        "trial parameters: name=number+unit",
        arguments: [
            ("specific_water=0.62L/kg", "specific_water", 0.62, "L/kg"),
            ("casting_speed=1.2m/min", "casting_speed", 1.2, "m/min"),
            ("soft_reduction = 4.5 mm", "soft_reduction", 4.5, "mm"),
            ("superheat=25°C", "superheat", 25, "°C"),
            ("basicity=1.15", "basicity", 1.15, ""),
            ("level=-3mm", "level", -3, "mm"),
            ("rate=1e-3", "rate", 0.001, ""),
            ("width=2em", "width", 2, "em"),
        ]
    )
    func parameters(text: String, name: String, value: Double, unit: String) throws {
        let parameter = try TrialParameter.parse(text)
        #expect(parameter.name == name)
        #expect(parameter.value == value)
        #expect(parameter.unit == unit)
    }

    @Test("a parameter without a numeric value or with a bad name is refused, naming the field")
    func badParameters() throws {
        for bad in ["specific_water=abc", "specific_water", "=0.62L/kg", "2water=1", "specific water=1", "x=", "x=nan"]
        {
            let error = try #require(throws: DomainError.self) { try TrialParameter.parse(bad, field: "--param") }
            #expect(error.field == "--param", "\(bad)")
        }
        let error = try #require(throws: DomainError.self) { try TrialParameter.parse("specific_water=abc") }
        #expect(error.message.contains("numeric value"))
    }

    @Test("status lifecycle allows only sensible moves")
    func lifecycle() throws {
        try ProjectStatus.proposed.checkTransition(to: .active)
        try ProjectStatus.active.checkTransition(to: .onHold)
        try ProjectStatus.onHold.checkTransition(to: .active)
        try ProjectStatus.active.checkTransition(to: .completed)
        try ProjectStatus.completed.checkTransition(to: .active)  // reopened
        for (from, to) in [
            (ProjectStatus.completed, ProjectStatus.onHold), (.cancelled, .active), (.proposed, .completed),
            (.onHold, .completed), (.active, .proposed), (.active, .active),
        ] {
            let error = try #require(throws: DomainError.self) { try from.checkTransition(to: to) }
            #expect(error.message.contains("cannot go from \(from) to \(to)"))
        }
        #expect(try ProjectStatus.parse("On_Hold") == .onHold)
        #expect(throws: DomainError.self) { try ProjectStatus.parse("done") }
    }

    @Test("keys and choices")
    func keysAndChoices() throws {
        try Keys.checkProjectKey("SLAB-CRACK-2026")
        for bad in ["slab-crack", "S", "SLAB CRACK", "板坯", "-SLAB", String(repeating: "A", count: 41)] {
            #expect(throws: DomainError.self) { try Keys.checkProjectKey(bad) }
        }
        try Keys.checkCode("E1001", field: "employee")
        #expect(throws: DomainError.self) { try Keys.checkCode("E 1001", field: "employee") }
        #expect(throws: DomainError.self) { try Keys.checkNotBlank("  ", field: "--title") }
        #expect(try UnitKind.parse("work-area") == .workArea)
        #expect(try UnitKind.parse("Party_Branch") == .partyBranch)
        #expect(try LeaderSelection.parse("open") == .open)
        let error = try #require(throws: DomainError.self) { try MemberRole.parse("boss", field: "--role") }
        #expect(error.message.contains("leader, deputy, member, advisor"))
    }
}
