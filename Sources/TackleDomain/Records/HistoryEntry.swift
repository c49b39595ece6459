/// One recorded change: who changed what, when, from what to what, and why.
public struct HistoryEntry: Sendable, Hashable, Codable {
    public var id: Int
    /// When, in whole seconds since 1970-01-01 00:00 UTC.
    ///
    /// An instant, not a wall-clock time: the command line shows it on the plant's clock, with the
    /// offset (`2026-11-05 14:03 +08:00`).
    public var instant: Int
    /// Who the change was made for: the person the login acts as, or whom a service login named.
    public var actor: String
    /// The database login that made the change (`session_user`); empty for changes recorded before
    /// logins were kept (migration 0007).
    public var login: String
    /// What kind of record: `project`, `trial`, `milestone`, ...
    public var entity: String
    /// Which record, as users name it: `T3`, `milestone 2`, `2026-05`.
    public var record: String
    /// `insert`, `update` or `delete`.
    public var action: String
    /// The changed fields' old values (nil for an insert), as JSON text.
    public var oldValues: String?
    /// The changed fields' new values (nil for a delete), as JSON text.
    public var newValues: String?
    public var reason: String?

    /// Creates an entry as recorded; the store builds these from the history table.
    public init(
        id: Int, instant: Int, actor: String, login: String = "", entity: String, record: String, action: String,
        oldValues: String?, newValues: String?, reason: String?
    ) {
        self.id = id
        self.instant = instant
        self.actor = actor
        self.login = login
        self.entity = entity
        self.record = record
        self.action = action
        self.oldValues = oldValues
        self.newValues = newValues
        self.reason = reason
    }
}
