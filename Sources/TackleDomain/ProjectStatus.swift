/// Where a tackling project stands in its lifecycle.
///
/// ```
/// proposed ──> active ──> completed
///    │          │  ^
///    │          v  │
///    │        on-hold
///    └──────────┴──┴────> cancelled
/// ```
public enum ProjectStatus: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    case proposed
    case active
    case onHold = "on-hold"
    case completed
    case cancelled

    /// The statuses a project in this status may move to.
    public var allowedNext: [ProjectStatus] {
        switch self {
        case .proposed: [.active, .cancelled]
        case .active: [.onHold, .completed, .cancelled]
        case .onHold: [.active, .cancelled]
        // A completed project can be reopened (the defect came back after acceptance).
        case .completed: [.active]
        case .cancelled: []
        }
    }

    /// True for completed and cancelled projects: they have a closing date.
    public var isFinished: Bool { self == .completed || self == .cancelled }

    /// Checks a move to `next`.
    ///
    /// - Throws: ``DomainError`` `.invalidValue` naming the allowed moves.
    public func checkTransition(to next: ProjectStatus) throws(DomainError) {
        guard allowedNext.contains(next) else {
            let allowed =
                allowedNext.isEmpty ? "none: \(self) is final" : allowedNext.map(\.rawValue).joined(separator: ", ")
            throw DomainError(
                .invalidValue, field: "status",
                message: "a project cannot go from \(self) to \(next) (allowed from \(self): \(allowed))")
        }
    }

    /// Reads a status as typed.
    ///
    /// - Throws: ``DomainError`` listing the statuses.
    public static func parse(_ text: String, field: String? = nil) throws(DomainError) -> ProjectStatus {
        let normalized = text.trimmingSpaces.lowercased().replacingUnderscores
        guard let status = ProjectStatus(rawValue: normalized) ?? (normalized == "onhold" ? .onHold : nil) else {
            throw DomainError(
                .invalidValue, field: field,
                message: "'\(text)' is not a status; use one of \(allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return status
    }

    public var description: String { rawValue }
}

extension String {
    var replacingUnderscores: String { String(map { $0 == "_" ? "-" : $0 }) }
}
