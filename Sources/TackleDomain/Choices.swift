/// A closed set of words a user types for a field, read case-insensitively with a clear error.
public protocol Choice: RawRepresentable<String>, CaseIterable, Sendable, Hashable, Codable, CustomStringConvertible {}

extension Choice {
    /// Reads one of the words.
    ///
    /// - Throws: ``DomainError`` `.invalidValue` naming the field and listing the words.
    public static func parse(_ text: String, field: String? = nil) throws(DomainError) -> Self {
        let normalized = String(text.trimmingSpaces).lowercased().replacingUnderscores
        guard let value = Self(rawValue: normalized) else {
            throw DomainError(
                .invalidValue, field: field,
                message: "'\(text)' is not allowed; use one of \(allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return value
    }

    public var description: String { rawValue }
}

/// The kind of an organisational unit.
public enum UnitKind: String, Choice {
    case plant
    case workArea = "work-area"
    case section
    case partyBranch = "party-branch"
}

/// How a project's leader was chosen: open selection from the whole plant (公开选拔 / 揭榜挂帅), or appointment.
public enum LeaderSelection: String, Choice {
    case open
    case appointed
}

/// A member's role in a project.
public enum MemberRole: String, Choice {
    case leader
    case deputy
    case member
    case advisor
}
