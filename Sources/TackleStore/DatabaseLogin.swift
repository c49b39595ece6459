/// The database login a store is connected as, and what the schema's roles let it do.
///
/// Read with the schema check at the start of every command (one query, no extra round trip), so
/// the command line can warn when it runs with more power than it needs.
public struct DatabaseLogin: Sendable, Hashable {
    /// The login (`session_user`), which no setting changes.
    public var name: String
    /// A superuser: every check of the schema's roles passes.
    public var isSuperuser: Bool
    /// A member of `tackle_owner`: owns the tables, so may alter them or disable their triggers.
    public var ownsSchema: Bool
    /// Explicitly a member of `tackle_service` (a superuser's implicit membership does not count):
    /// a login set up on purpose to act for others, such as the scheduler or a private local cluster.
    public var actsForOthers: Bool

    /// Creates a description of a login.
    public init(name: String, isSuperuser: Bool, ownsSchema: Bool, actsForOthers: Bool) {
        self.name = name
        self.isSuperuser = isSuperuser
        self.ownsSchema = ownsSchema
        self.actsForOthers = actsForOthers
    }

    /// True when the login can change or silence the record (a superuser or the owner) and was not
    /// set up on purpose to act for others: everyday commands should run as a writer login.
    public var holdsMoreThanItNeeds: Bool {
        (isSuperuser || ownsSchema) && !actsForOthers
    }
}
