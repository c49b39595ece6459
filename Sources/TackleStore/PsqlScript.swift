import LibPQ

/// Statements written out as psql input, for a person or a benchmark to run exactly what tackle runs.
enum PsqlScript {
    /// A statement as `PREPARE` with the parameter types tackle sends, then `EXECUTE` with its
    /// parameters as literals: the server plans the same text with the same values.
    ///
    /// - Parameters:
    ///   - statement: The statement.
    ///   - name: The prepared statement's name.
    ///   - number: Its place among the script's statements, for the comment before it.
    /// - Returns: The script's lines.
    static func prepared(_ statement: MonthlyReportReads.Statement, name: String, number: Int) -> [String] {
        let types = statement.parameters.map { parameter in
            typeName(parameter.map { type(of: $0).postgresTypeOID } ?? 0)
        }
        let values = statement.parameters.map { parameter in
            parameter.map { literal($0.postgresText) } ?? "NULL"
        }
        return [
            "-- \(number). \(name)",
            "PREPARE \(name)" + (types.isEmpty ? "" : " (\(types.joined(separator: ", ")))") + " AS",
            statement.sql + ";",
            "EXECUTE \(name)" + (values.isEmpty ? "" : " (\(values.joined(separator: ", ")))") + ";",
        ]
    }

    /// A string literal (standard-conforming: only the quote is doubled).
    static func literal(_ text: String) -> String {
        "'" + text.replacing("'", with: "''") + "'"
    }

    /// The SQL name of a parameter type OID as tackle sends it; `unknown` (0) lets the server
    /// infer the type from the statement, as it does for a parameter sent without one.
    static func typeName(_ oid: UInt32) -> String {
        switch oid {
        case 16: "boolean"
        case 20: "bigint"
        case 23: "integer"
        case 701: "double precision"
        case 1082: "date"
        case 1184: "timestamptz"
        case 2950: "uuid"
        case 3802: "jsonb"
        default: "unknown"
        }
    }
}
