import TackleDomain
import TackleReport
import TackleStore

/// Reading an ISO 8601 date-time into seconds since 1970, for the `--now` option.
public enum Instant {
    /// Reads `2027-11-01T07:00:00+08:00`, `2027-11-01T07:00Z`, `2027-11-01 07:00:00.5-05:00`; without
    /// an offset the time is read on the plant's clock.
    ///
    /// - Throws: ``StoreError`` `.invalidInput` naming the field.
    public static func parse(_ text: String, clock: PlantClock, field: String = "--now") throws -> Int {
        let invalid = StoreError(
            .invalidInput, field: field, "\(field): '\(text)' is not an ISO 8601 time like 2027-11-01T07:00:00+08:00")
        let scalars = Array(text.unicodeScalars)
        guard scalars.count >= 16, scalars[10] == "T" || scalars[10] == " " || scalars[10] == "t" else { throw invalid }
        let datePart = String(String.UnicodeScalarView(scalars[0..<10]))
        guard let date = try? LocalDate.parse(datePart) else { throw invalid }
        var index = 11
        func number(_ count: Int) -> Int? {
            guard index + count <= scalars.count else { return nil }
            let digits = scalars[index..<(index + count)]
            guard digits.allSatisfy({ ("0"..."9").contains($0) }) else { return nil }
            index += count
            return Int(String(String.UnicodeScalarView(digits)))
        }
        guard let hour = number(2), hour < 24, index < scalars.count, scalars[index] == ":" else { throw invalid }
        index += 1
        guard let minute = number(2), minute < 60 else { throw invalid }
        var second = 0
        if index < scalars.count, scalars[index] == ":" {
            index += 1
            guard let value = number(2), value < 61 else { throw invalid }
            second = value
            if index < scalars.count, scalars[index] == "." || scalars[index] == "," {
                index += 1
                while index < scalars.count, ("0"..."9").contains(scalars[index]) { index += 1 }
            }
        }
        if index == scalars.count {
            return clock.instant(of: date, hour: hour, minute: minute) + second
        }
        let offsetSeconds: Int
        switch scalars[index] {
        case "Z", "z":
            guard index + 1 == scalars.count else { throw invalid }
            offsetSeconds = 0
        case "+", "-":
            let sign = scalars[index] == "-" ? -1 : 1
            index += 1
            guard let offsetHours = number(2) else { throw invalid }
            var offsetMinutes = 0
            if index < scalars.count {
                if scalars[index] == ":" { index += 1 }
                guard let value = number(2) else { throw invalid }
                offsetMinutes = value
            }
            guard index == scalars.count else { throw invalid }
            offsetSeconds = sign * (offsetHours * 3600 + offsetMinutes * 60)
        default:
            throw invalid
        }
        return date.dayNumber * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds
    }
}
