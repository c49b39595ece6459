/// A database login for a person or a program, and the tackle groups it joins (sql/0007_roles.sql).
///
/// `tackle db roles` prints ``sql`` for an administrator to run, or runs it with
/// ``Store/createLogins(_:password:)``. Passwords never appear in the printed SQL.
public struct LoginRole: Sendable, Hashable {
    /// The NOLOGIN groups the migrations create.
    public enum Group: String, Sendable, Hashable, CaseIterable {
        /// Owns every object; runs `tackle db migrate`.
        case owner = "tackle_owner"
        /// Does what the commands need: engineers, the scheduled job, integrations.
        case writer = "tackle_writer"
        /// Reads: management, BI tools, the notice board.
        case reader = "tackle_reader"
        /// May act for others (`--actor`): the scheduler, an integration.
        case service = "tackle_service"
    }

    /// The login's name: lowercase letters, digits and `_`, starting with a letter or `_`.
    public var name: String
    /// The groups it joins.
    public var groups: [Group]

    /// A login, its name checked: it is written into SQL as an identifier, which cannot be a bound
    /// parameter, so only names that need no quoting rules of their own are accepted.
    ///
    /// - Throws: ``StoreError`` `.invalidInput` naming `field` for any other name.
    public init(name: String, groups: [Group], field: String) throws {
        let letters = Set("abcdefghijklmnopqrstuvwxyz_")
        let allowed = letters.union("0123456789")
        guard let first = name.first, letters.contains(first), name.count <= 63, name.allSatisfy(allowed.contains)
        else {
            throw StoreError(
                .invalidInput, field: field,
                "\(name) is not a login name tackle makes: 1-63 lowercase letters, digits and _, not starting with a digit"
            )
        }
        guard !name.hasPrefix("pg_"), !Group.allCases.map(\.rawValue).contains(name) else {
            throw StoreError(.invalidInput, field: field, "\(name) is reserved; choose another login name")
        }
        self.name = name
        self.groups = groups
    }

    /// SQL that creates the four groups unless they exist, as migration 0007 does: so that a
    /// migrating login can be made a member of tackle_owner before the first `tackle db migrate`.
    public static let groupsSQL = """
        DO $$
        DECLARE
            role_name text;
        BEGIN
            FOREACH role_name IN ARRAY ARRAY['tackle_owner', 'tackle_writer', 'tackle_reader', 'tackle_service'] LOOP
                IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = role_name) THEN
                    BEGIN
                        EXECUTE format('CREATE ROLE %I NOLOGIN', role_name);
                    EXCEPTION WHEN duplicate_object OR unique_violation THEN
                        NULL;
                    END;
                END IF;
            END LOOP;
        END
        $$;
        """

    /// SQL that creates the login unless it exists and grants it its groups; safe to run again.
    public var sql: String {
        var lines = [
            "-- \(name): \(groups.map(\.rawValue).joined(separator: ", "))",
            "DO $$ BEGIN CREATE ROLE \"\(name)\" LOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;",
        ]
        for group in groups {
            lines.append("GRANT \(group.rawValue) TO \"\(name)\";")
        }
        return lines.joined(separator: "\n")
    }
}
