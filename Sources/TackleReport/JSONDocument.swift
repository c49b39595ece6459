import FoundationEssentials

/// The JSON that tackle prints and archives: snake_case field names, sorted keys, pretty-printed.
///
/// One encoder configuration for every `--json` output and every archived report, so that a
/// published report and `tackle report monthly --format json` are byte for byte the same.
public enum JSONDocument {
    /// Encodes `value` as tackle's JSON text, ending with a newline.
    public static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }
}
