import Testing

@testable import TackleDomain

@Suite("DomainError")
struct DomainErrorTests {
    @Test("description names the field, then the rule")
    func descriptionWithField() {
        let error = DomainError(
            .invalidValue,
            field: "baseline",
            message: "defective (6) must not exceed inspected (5)"
        )
        #expect(error.description == "baseline: defective (6) must not exceed inspected (5)")
        #expect(error.debugDescription == "[invalid_value] baseline: defective (6) must not exceed inspected (5)")
    }

    @Test("description without a field is the message")
    func descriptionWithoutField() {
        let error = DomainError(.outOfRange, message: "defective (-1) must not be negative")
        #expect(error.description == "defective (-1) must not be negative")
    }

    @Test("attributed(to:) sets the field and keeps code and message")
    func attributed() {
        let error = DomainError(.invalidFormat, message: "bad").attributed(to: "trial")
        #expect(error == DomainError(.invalidFormat, field: "trial", message: "bad"))
    }

    @Test(
        "codes are stable snake_case text",
        arguments: [
            (DomainError.Code.invalidValue, "invalid_value"),
            (.outOfRange, "out_of_range"),
            (.invalidFormat, "invalid_format"),
        ]
    )
    func stableCodes(code: DomainError.Code, text: String) {
        #expect(code.rawValue == text)
        #expect(code.description == text)
    }
}
