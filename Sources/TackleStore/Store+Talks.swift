import LibPQ
import TackleDomain

extension Store {
    /// Records the talk with a project called in for `month` (末位约谈) and the actions agreed.
    ///
    /// Only a project the posted sheet called in can have a talk: the month must be published, and
    /// the project must be among the called-in projects of its latest revision. One talk per
    /// project and month.
    ///
    /// - Throws: ``StoreError`` naming the field: the month not published, the project not called
    ///   in, the talk held before the month ended, a talk already recorded, an unknown person.
    @discardableResult
    public func recordTalk(_ talk: Talk, by actor: String) throws -> Talk {
        try Keys.checkNotBlank(talk.heldByNo, field: "by")
        for action in talk.actions { try Keys.checkNotBlank(action, field: "action") }
        return try write(by: actor) { connection in
            let project = try projectID(talk.projectKey, lock: true)
            let heldBy = try personID(talk.heldByNo, field: "by")
            guard
                let published = try connection.query(
                    "SELECT to_jsonb(called_in) AS called_in FROM published_report WHERE period = $1 ORDER BY revision DESC LIMIT 1",
                    [talk.month.firstDay]
                ).first
            else {
                throw StoreError(
                    .invalidInput, field: "month",
                    "\(talk.month) has not been published, so nobody was called in for it yet")
            }
            let calledIn = try published.decode(PostgresJSON.self, "called_in").decode([String].self)
            guard calledIn.contains(talk.projectKey) else {
                let who = calledIn.isEmpty ? "nobody" : calledIn.joined(separator: ", ")
                throw StoreError(
                    .invalidInput, field: "project",
                    "\(talk.projectKey) was not called in for \(talk.month) (called in: \(who)); "
                        + "a talk is recorded only for a project called in")
            }
            guard talk.heldOn > talk.month.lastDay else {
                throw StoreError(
                    .invalidInput, field: "on",
                    "a talk about \(talk.month) is held after the month ends, not on \(talk.heldOn)")
            }
            if try !connection.query(
                "SELECT 1 FROM talk WHERE project_id = $1 AND period = $2", [project, talk.month.firstDay]
            ).isEmpty {
                throw StoreError(
                    .alreadyExists, field: "month",
                    "a talk with \(talk.projectKey) about \(talk.month) is already recorded")
            }
            try connection.execute(
                """
                INSERT INTO talk (project_id, period, held_on, held_by, notes, actions)
                VALUES ($1, $2, $3, $4, $5, ARRAY(SELECT jsonb_array_elements_text($6::jsonb)))
                """,
                [
                    project, talk.month.firstDay, talk.heldOn, heldBy, talk.notes,
                    try PostgresJSON(encoding: talk.actions),
                ]
            )
            return talk
        }
    }

    /// The talks about `month`, or about every month when nil, by month then project.
    public func talks(for month: Month? = nil) throws -> [Talk] {
        try translatingErrors {
            try connection.query(Self.talkSelect, [month?.firstDay]).map(Self.talk(from:))
        }
    }

    /// The talks about the month starting on `$1`, or about every month when NULL, by month then
    /// project, as ``talk(from:)`` reads them.
    static let talkSelect = """
        SELECT p.key, to_char(t.period, 'YYYY-MM') AS month, t.held_on, pe.employee_no, pe.name, t.notes,
               to_jsonb(t.actions) AS actions
        FROM talk t JOIN project p ON p.id = t.project_id JOIN person pe ON pe.id = t.held_by
        WHERE $1::date IS NULL OR t.period = $1
        ORDER BY t.period, p.key
        """

    /// A talk from a row of ``talkSelect``.
    static func talk(from row: PostgresRow) throws -> Talk {
        Talk(
            projectKey: try row.decode(String.self, "key"),
            month: try Month.parse(try row.decode(String.self, "month")),
            heldOn: try row.decode(LocalDate.self, "held_on"),
            heldByNo: try row.decode(String.self, "employee_no"),
            heldByName: try row.decode(String.self, "name"),
            notes: try row.decode(String.self, "notes"),
            actions: try row.decode(PostgresJSON.self, "actions").decode([String].self))
    }
}
