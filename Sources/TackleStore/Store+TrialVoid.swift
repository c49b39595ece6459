import LibPQ
import TackleDomain

extension Store {
    /// Voids a trial entered by mistake (试验坯号录入错误): it stays listed (`trial list --all`,
    /// `history`) with the reason, and counts nowhere: not in statistics, reports or published sheets.
    ///
    /// - Throws: ``StoreError``: an unknown trial, or a trial already void.
    @discardableResult
    public func voidTrial(_ key: String, _ number: Int, reason: String, by actor: String) throws -> Int {
        try Keys.checkNotBlank(reason, field: "reason")
        return try write(by: actor, reason: reason) { connection in
            let (project, _) = try lockedProject(key)
            guard
                let row = try connection.query(
                    "SELECT id, voided_at IS NOT NULL AS void FROM trial WHERE project_id = $1 AND number = $2",
                    [project, number]
                ).first
            else {
                throw StoreError(.notFound, field: "trial", "\(key) has no trial T\(number)")
            }
            if try row.decode(Bool.self, "void") {
                throw StoreError(.conflict, field: "trial", "T\(number) of \(key) is already void")
            }
            try connection.execute(
                """
                UPDATE trial SET voided_at = now(), void_reason = $2, version = version + 1, updated_at = now()
                WHERE id = $1
                """, [try row.decode(Int.self, "id"), reason])
            return number
        }
    }
}
