internal import CLibPQ

extension PostgresError {
    /// libpq's `PG_DIAG_*` field codes, which are C character macros Swift does not import.
    enum DiagnosticField {
        static let severity = Int32(UInt8(ascii: "V"))  // PG_DIAG_SEVERITY_NONLOCALIZED
        static let sqlState = Int32(UInt8(ascii: "C"))
        static let messagePrimary = Int32(UInt8(ascii: "M"))
        static let messageDetail = Int32(UInt8(ascii: "D"))
        static let messageHint = Int32(UInt8(ascii: "H"))
        static let statementPosition = Int32(UInt8(ascii: "P"))
        static let schemaName = Int32(UInt8(ascii: "s"))
        static let tableName = Int32(UInt8(ascii: "t"))
        static let columnName = Int32(UInt8(ascii: "c"))
        static let dataTypeName = Int32(UInt8(ascii: "d"))
        static let constraintName = Int32(UInt8(ascii: "n"))
    }

    /// One diagnostic field of a libpq result, if present.
    static func field(_ code: Int32, of result: OpaquePointer) -> String? {
        PQresultErrorField(result, code).map { String(cString: $0) }
    }

    /// The server's error report in a libpq result; `nil` when the result carries none.
    init?(serverResult result: OpaquePointer) {
        func field(_ code: Int32) -> String? { Self.field(code, of: result) }
        guard let primary = field(DiagnosticField.messagePrimary) else { return nil }
        self.init(
            code: .server, message: primary, sqlState: field(DiagnosticField.sqlState),
            severity: field(DiagnosticField.severity), detail: field(DiagnosticField.messageDetail),
            hint: field(DiagnosticField.messageHint), constraint: field(DiagnosticField.constraintName),
            column: field(DiagnosticField.columnName), table: field(DiagnosticField.tableName),
            schema: field(DiagnosticField.schemaName), dataType: field(DiagnosticField.dataTypeName),
            position: field(DiagnosticField.statementPosition).flatMap { Int($0) })
    }
}
