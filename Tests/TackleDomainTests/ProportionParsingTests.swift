import Testing

@testable import TackleDomain

@Suite("Proportion.parse")
struct ProportionParsingTests {
    @Test(
        "reads defective/inspected",
        arguments: [
            ("48/1500", 48, 1500),
            ("  48/1500\n", 48, 1500),
            ("48 / 1500", 48, 1500),
            ("0/0", 0, 0),
            ("0/650", 0, 650),
            ("650/650", 650, 650),
            ("007/10", 7, 10),
        ]
    )
    func reads(text: String, defective: Int, inspected: Int) throws {
        let proportion = try Proportion.parse(text)
        #expect(proportion.defective == defective)
        #expect(proportion.inspected == inspected)
    }

    @Test(
        "refuses text that is not two counts, naming the rule",
        arguments: [
            ("abc", DomainError.Code.invalidFormat, "expected defective/inspected"),
            ("", .invalidFormat, "expected defective/inspected"),
            ("48", .invalidFormat, "expected defective/inspected"),
            ("1/2/3", .invalidFormat, "expected defective/inspected"),
            ("3/", .invalidFormat, "inspected count is missing"),
            ("/5", .invalidFormat, "defective count is missing"),
            ("1.5/10", .invalidFormat, "defective \"1.5\" is not a whole number"),
            ("3%/100", .invalidFormat, "defective \"3%\" is not a whole number"),
            ("+3/100", .invalidFormat, "defective \"+3\" is not a whole number"),
            ("3/1e3", .invalidFormat, "inspected \"1e3\" is not a whole number"),
            ("-/5", .invalidFormat, "defective \"-\" is not a whole number"),
            ("３/５", .invalidFormat, "is not a whole number"),
            ("-1/5", .outOfRange, "defective (-1) must not be negative"),
            ("1/-5", .outOfRange, "inspected (-5) must not be negative"),
            ("99999999999999999999/1", .outOfRange, "too large"),
            ("6/5", .invalidValue, "defective (6) must not exceed inspected (5)"),
        ]
    )
    func refuses(text: String, code: DomainError.Code, rule: String) throws {
        let error = try #require(throws: DomainError.self) { try Proportion.parse(text) }
        #expect(error.code == code)
        #expect(error.message.contains(rule), "\(error.message)")
        #expect(error.field == nil)
    }

    @Test("the field given appears in the description")
    func field() throws {
        let error = try #require(throws: DomainError.self) { try Proportion.parse("6/5", field: "baseline") }
        #expect(error.description == "baseline: defective (6) must not exceed inspected (5)")
        let format = try #require(throws: DomainError.self) { try Proportion.parse("abc", field: "trial") }
        #expect(format.field == "trial")
        #expect(format.description.hasPrefix("trial: expected defective/inspected"))
    }
}
