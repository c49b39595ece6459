import FoundationEssentials

/// A `json` or `jsonb` value, kept as the JSON text the server sent or will receive.
///
/// Decode it into your own `Decodable` type with ``decode(_:)``, or build one from an `Encodable`
/// value with ``init(encoding:)``.
///
/// ```swift
/// let settings = try row.decode(PostgresJSON.self, "settings").decode(Settings.self)
/// try connection.execute("UPDATE project SET settings = $1 WHERE id = $2", [PostgresJSON(encoding: settings), id])
/// ```
public struct PostgresJSON: Hashable, Sendable, CustomStringConvertible {
    /// The JSON text.
    public var rawValue: String

    /// Wraps JSON text as it is; it is not validated here (the server validates it on insert).
    ///
    /// - Parameter rawValue: The JSON text.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// Encodes a value as JSON with `JSONEncoder` (keys sorted, so equal values give equal text).
    ///
    /// - Parameter value: The value to encode.
    /// - Throws: ``PostgresError`` with code ``PostgresError/Code/invalidArgument`` when the value
    ///   cannot be encoded (for example a `Double.nan`).
    public init(encoding value: some Encodable) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            self.rawValue = String(decoding: try encoder.encode(value), as: UTF8.self)
        } catch {
            var failure = PostgresError(
                code: .invalidArgument, message: "cannot encode \(type(of: value)) as JSON")
            failure.underlying = String(describing: error)
            throw failure
        }
    }

    /// Decodes the JSON text with `JSONDecoder`.
    ///
    /// - Parameter type: The type to decode.
    /// - Returns: The decoded value.
    /// - Throws: ``PostgresError`` with code ``PostgresError/Code/decoding`` when the JSON does not
    ///   match `type`; the `DecodingError` is in its `debugDescription`.
    public func decode<T: Decodable>(_ type: T.Type) throws -> T {
        do {
            return try JSONDecoder().decode(type, from: Data(rawValue.utf8))
        } catch {
            var failure = PostgresError(
                code: .decoding, message: "JSON value cannot be decoded as \(T.self): \(Self.summary(of: error))")
            failure.underlying = String(describing: error)
            throw failure
        }
    }

    public var description: String { rawValue }

    /// A short, one-line account of a JSON decoding failure.
    private static func summary(of error: any Error) -> String {
        guard let decodingError = error as? DecodingError else { return String(describing: error) }
        let context: DecodingError.Context
        switch decodingError {
        case .typeMismatch(_, let c), .valueNotFound(_, let c), .keyNotFound(_, let c), .dataCorrupted(let c):
            context = c
        @unknown default:
            return String(describing: error)
        }
        let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        return path.isEmpty ? context.debugDescription : "\(context.debugDescription) (at \(path))"
    }
}

extension PostgresJSON: PostgresDecodable {
    /// Decodes a `json` or `jsonb` column.
    public init(postgresText text: String, column: PostgresColumn) throws {
        try column.requireType([PostgresColumn.TypeOID.json, PostgresColumn.TypeOID.jsonb], decoding: "PostgresJSON")
        self.rawValue = text
    }
}

extension PostgresJSON: PostgresEncodable {
    /// The JSON text. The type is left to the server, so it fills `json` and `jsonb` columns alike.
    public var postgresText: String { rawValue }
}
