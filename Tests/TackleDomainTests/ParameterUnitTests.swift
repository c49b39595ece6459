import Testing

@testable import TackleDomain

/// Trial parameters as engineers type them: names in any script, one spelling per unit, and a
/// decimal comma refused rather than misread.
@Suite("Trial parameters: names, units, decimal commas")
struct ParameterUnitTests {
    @Test(
        "names in any script: a letter first, then letters, digits or _",
        arguments: [
            ("比水量=0.62L/kg", "比水量", 0.62, "L/kg"),
            ("拉速=1.2m/min", "拉速", 1.2, "m/min"),
            ("过热度=25℃", "过热度", 25, "°C"),
            ("二冷_比水量2=0.55l/kg", "二冷_比水量2", 0.55, "L/kg"),
            ("скорость=1.1m/min", "скорость", 1.1, "m/min"),
            ("गति=1.2m/min", "गति", 1.2, "m/min"),
            ("ソフトリダクション=4.5mm", "ソフトリダクション", 4.5, "mm"),
            (" 比水量 = 0.62 L/kg ", "比水量", 0.62, "L/kg"),
        ]
    )
    func unicodeNames(text: String, name: String, value: Double, unit: String) throws {
        let parameter = try TrialParameter.parse(text, field: "--param")
        #expect(parameter.name == name)
        #expect(parameter.value == value)
        #expect(parameter.unit == unit)
    }

    @Test("a name of 40 characters is accepted, 41 are refused")
    func nameLength() throws {
        let forty = String(repeating: "水", count: 40)
        #expect(try TrialParameter.parse("\(forty)=1mm").name == forty)
        let error = try #require(throws: DomainError.self) {
            try TrialParameter.parse("\(forty)量=1mm", field: "--param")
        }
        #expect(error.field == "--param")
        #expect(error.message.contains("at most 40"))
    }

    @Test(
        "names that do not start with a letter or hold other characters are refused, naming the field",
        arguments: ["1比水量=1", "_speed=1", "比 水量=1", "比-水量=1", "比水量！=1", "speed.max=1", "=0.62L/kg", "°C=1"]
    )
    func badNames(text: String) throws {
        let error = try #require(throws: DomainError.self) { try TrialParameter.parse(text, field: "--param") }
        #expect(error.field == "--param")
        #expect(error.message.contains("must start with a letter"), "\(error)")
    }

    @Test(
        "a decimal comma is refused with a message naming the parameter and suggesting the point",
        arguments: [
            ("speed=1,1m/min", "speed: 1,1 uses a decimal comma; write 1.1"),
            ("比水量=0,62L/kg", "比水量: 0,62 uses a decimal comma; write 0.62"),
            ("speed=1，15m/min", "speed: 1，15 uses a decimal comma; write 1.15"),
            ("level=-3,5mm", "level: -3,5 uses a decimal comma; write -3.5"),
        ]
    )
    func decimalComma(text: String, message: String) throws {
        let error = try #require(throws: DomainError.self) { try TrialParameter.parse(text, field: "--param") }
        #expect(error.field == "--param")
        #expect(error.message == message)
        #expect(error.description == "--param: \(message)")
    }

    @Test("three digits after a comma may separate thousands: both readings are offered")
    func thousandsComma() throws {
        let error = try #require(throws: DomainError.self) {
            try TrialParameter.parse("flow=1,200L/min", field: "--param")
        }
        #expect(error.message.hasPrefix("flow: 1,200 uses a comma"), "\(error)")
        #expect(error.message.contains("1.200"), "\(error)")
        #expect(error.message.contains("1200"), "\(error)")
    }

    @Test(
        "units are stored in one spelling",
        arguments: [
            ("25℃", "°C"), ("25°C", "°C"), ("25°c", "°C"), ("25 °C", "°C"), ("25ºC", "°C"), ("25˚C", "°C"),
            ("25oC", "°C"), ("25degC", "°C"), ("0.62L/kg", "L/kg"), ("0.62l/kg", "L/kg"), ("0.62L/KG", "L/kg"),
            ("0.62 L / kg", "L/kg"), ("1.2m/min", "m/min"), ("1.2M/min", "m/min"), ("1.2M/MIN", "m/min"),
            ("4.5mm", "mm"), ("4.5MM", "mm"), ("4.5 Mm", "mm"), ("1.1mm/m", "mm/m"), ("1.1mm/M", "mm/m"),
            ("1.1MM/M", "mm/m"), ("3%", "%"), ("3 %", "%"),
        ]
    )
    func normalisedUnits(typed: String, stored: String) throws {
        let parameter = try TrialParameter.parse("x=\(typed)")
        #expect(parameter.unit == stored)
    }

    @Test(
        "units outside the table, or ambiguous ones, are kept as typed",
        arguments: [("2em", "em"), ("25OC", "OC"), ("25oc", "oc"), ("25C", "C"), ("1.15", ""), ("3t/h", "t/h")]
    )
    func unitsKept(typed: String, stored: String) throws {
        #expect(try TrialParameter.parse("x=\(typed)").unit == stored)
    }

    @Test("the initialiser normalises the unit too, so every way in stores one spelling")
    func initialiserNormalises() throws {
        let parameter = try TrialParameter(name: "过热度", value: 25, unit: "℃")
        #expect(parameter.unit == "°C")
        #expect(parameter.description == "过热度=25°C")
        #expect(try TrialParameter(name: "比水量", value: 0.62, unit: "l/kg").description == "比水量=0.62L/kg")
    }

    @Test("the same setting typed two ways is the same parameter")
    func sameSettingPools() throws {
        #expect(try TrialParameter.parse("superheat=25℃") == TrialParameter.parse("superheat=25 °C"))
        #expect(try TrialParameter.parse("casting_speed=1.2M/min") == TrialParameter.parse("casting_speed=1.2m/min"))
    }
}
