internal import CLibPQ
import Logging

/// Sends server notices (`NOTICE`, `WARNING`, ...) to the connection's logger.
///
/// libpq's default receiver prints them to stderr, which would mix server chatter such as
/// "table does not exist, skipping" into a command-line tool's output.
final class NoticeForwarder {
    let logger: Logger

    init(logger: Logger) {
        self.logger = logger
    }
}

/// The libpq notice receiver; `context` is an unretained ``NoticeForwarder``.
func forwardNotice(_ context: UnsafeMutableRawPointer?, _ result: OpaquePointer?) {
    guard let context, let result else { return }
    let forwarder = Unmanaged<NoticeForwarder>.fromOpaque(context).takeUnretainedValue()
    func field(_ code: Int32) -> String { PostgresError.field(code, of: result) ?? "" }
    forwarder.logger.debug(
        "postgres notice",
        metadata: [
            "db.notice.severity": "\(field(PostgresError.DiagnosticField.severity))",
            "db.notice.message": "\(field(PostgresError.DiagnosticField.messagePrimary))",
            "db.sqlstate": "\(field(PostgresError.DiagnosticField.sqlState))",
        ])
}
