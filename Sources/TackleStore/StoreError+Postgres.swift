import LibPQ

extension StoreError {
    /// Translates a driver error that no store method turned into something more specific.
    ///
    /// A connection lost during `COMMIT` becomes `.outcomeUnknown`; other lost and failed
    /// connections become `.databaseUnavailable`; constraint violations name the
    /// constraint (whose names in `sql/` say the rule); anything else keeps the server's message.
    init(translating error: PostgresError) {
        switch error.code {
        case .commitOutcomeUnknown:
            self.init(
                .outcomeUnknown,
                "the database connection was lost while committing: the change may or may not have been saved",
                underlying: error)
        case .connectionFailed, .connectionLost, .connectionClosed:
            self.init(.databaseUnavailable, "the database is unavailable: \(error.message)", underlying: error)
        default:
            // Rules whose server message carries the values (raised by a trigger): shown as they are.
            if let name = error.constraint, let field = ConstraintRules.detailed[name] {
                self.init(.invalidInput, field: field, "\(error.message)", underlying: error)
                return
            }
            if let name = error.constraint, let rule = ConstraintRules.rules[name] {
                let code: Code =
                    error.sqlState == PostgresError.SQLState.uniqueViolation ? .alreadyExists : .invalidInput
                self.init(code, field: rule.field, rule.rule, underlying: error)
                return
            }
            switch error.sqlState {
            case PostgresError.SQLState.checkViolation?, PostgresError.SQLState.notNullViolation?,
                PostgresError.SQLState.foreignKeyViolation?:
                let rule = error.constraint.map { " (rule \($0))" } ?? ""
                self.init(.invalidInput, "the database refused the change\(rule): \(error.message)", underlying: error)
            case PostgresError.SQLState.uniqueViolation?:
                self.init(.alreadyExists, "already exists: \(error.detail ?? error.message)", underlying: error)
            case PostgresError.SQLState.insufficientPrivilege?:
                self.init(
                    .invalidInput,
                    "the database login may not do this (\(error.message)); "
                        + "see the README's \"Roles and least privilege\"", underlying: error)
            case PostgresError.SQLState.serializationFailure?, PostgresError.SQLState.deadlockDetected?:
                self.init(.conflict, "the record changed at the same time; try again", underlying: error)
            case PostgresError.SQLState.queryCanceled?:
                // Most likely statement_timeout: the server is overloaded or the work too large.
                self.init(
                    .databaseUnavailable,
                    "the database did not finish in time (\(error.message)); nothing was written; try again later",
                    underlying: error)
            default:
                self.init(.database, "database error: \(error.message)", underlying: error)
            }
        }
    }
}
