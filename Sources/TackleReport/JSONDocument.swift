import FoundationEssentials

/// The JSON that tackle prints and archives: snake_case field names, sorted keys, pretty-printed.
///
/// One encoder configuration for every `--json` output and every archived report, so that a
/// published report and `tackle report monthly --format json` are byte for byte the same.
public enum JSONDocument {
    /// Encodes `value` as tackle's JSON text, ending with a newline.
    ///
    /// The text is what Foundation's `JSONEncoder` writes with `keyEncodingStrategy`
    /// `.convertToSnakeCase` and `outputFormatting` `[.prettyPrinted, .sortedKeys,
    /// .withoutEscapingSlashes]`, byte for byte; it is written by ``JSONTextEncoder``, which is
    /// many times faster on a plant's monthly report.
    public static func encode(_ value: some Encodable) throws -> String {
        var text = try JSONTextEncoder.encode(value)
        text.append(UInt8(ascii: "\n"))
        return String(decoding: text, as: UTF8.self)
    }

    /// Writes what ``encode(_:)`` returns, as UTF-8, to `sink` in pieces (of about 64 KiB) as they
    /// are made, without holding the whole text.
    ///
    /// - Throws: As ``encode(_:)``, before anything is written.
    public static func write(_ value: some Encodable, to sink: (UnsafeBufferPointer<UInt8>) -> Void) throws {
        try JSONTextEncoder.write(value, to: sink)
        [UInt8(ascii: "\n")].withUnsafeBufferPointer(sink)
    }
}
