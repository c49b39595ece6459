import FoundationEssentials
import Testing

@testable import TackleDomain

@Suite("Proportion")
struct ProportionTests {
    @Test("valid counts are kept", arguments: [(0, 0), (0, 10), (48, 1500), (10, 10)])
    func validCounts(defective: Int, inspected: Int) throws {
        let proportion = try Proportion(defective: defective, inspected: inspected)
        #expect(proportion.defective == defective)
        #expect(proportion.inspected == inspected)
    }

    @Test(
        "invalid counts are refused with the rule they break",
        arguments: [
            (-1, 5, DomainError.Code.outOfRange, "defective (-1) must not be negative"),
            (0, -5, .outOfRange, "inspected (-5) must not be negative"),
            (6, 5, .invalidValue, "defective (6) must not exceed inspected (5)"),
        ]
    )
    func invalidCounts(defective: Int, inspected: Int, code: DomainError.Code, message: String) {
        #expect(throws: DomainError(code, message: message)) {
            try Proportion(defective: defective, inspected: inspected)
        }
    }

    @Test("rate is defective over inspected")
    func rate() throws {
        #expect(try Proportion(defective: 48, inspected: 1500).rate == 0.032)
        #expect(try Proportion(defective: 0, inspected: 7).rate == 0)
        #expect(try Proportion(defective: 7, inspected: 7).rate == 1)
    }

    @Test("rate of nothing inspected is nil, not NaN")
    func rateOfNothing() throws {
        let empty = try Proportion(defective: 0, inspected: 0)
        #expect(empty.rate == nil)
        #expect(empty.wilsonInterval() == nil)
    }

    @Test("description is the notation users type")
    func description() throws {
        #expect(try Proportion(defective: 48, inspected: 1500).description == "48/1500")
    }

    @Test("pooled adds the counts")
    func pooled() throws {
        let trials = [
            try Proportion(defective: 2, inspected: 40),
            try Proportion(defective: 0, inspected: 35),
            try Proportion(defective: 1, inspected: 60),
        ]
        #expect(Proportion.pooled(trials) == (try Proportion(defective: 3, inspected: 135)))
        #expect(Proportion.pooled([]) == (try Proportion(defective: 0, inspected: 0)))
    }

    @Test("Codable round-trips")
    func codableRoundTrip() throws {
        let original = try Proportion(defective: 48, inspected: 1500)
        let data = try JSONEncoder().encode(original)
        #expect(try JSONDecoder().decode(Proportion.self, from: data) == original)
    }

    @Test(
        "decoding refuses counts that break the rules",
        arguments: [#"{"defective":6,"inspected":5}"#, #"{"defective":-1,"inspected":5}"#]
    )
    func decodingChecks(json: String) {
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(Proportion.self, from: Data(json.utf8))
        }
    }
}
