import FoundationEssentials
import LibPQ
import TackleDomain
import TackleStore

extension GlobalOptions {
    /// Runs a write command's work on a store and prints what it returns on stdout.
    ///
    /// With a request id (`--request-id`, `TACKLE_REQUEST_ID`) the work runs at most once: the id,
    /// the work and its output commit together, and running the command again with the same id
    /// writes nothing and prints the first output again, with a note on stderr.
    ///
    /// - Parameters:
    ///   - actor: The write options, for the request id.
    ///   - asNote: Print the text as a note on stderr instead (commands whose stdout stays empty).
    ///   - timeouts: The session's timeouts; nil for the usual ones (``timeouts()``).
    ///   - body: The work; it returns the text to print (rendered while the store is open, so that
    ///     it can be recorded with the request id).
    func write(
        _ actor: ActorOptions, asNote: Bool = false, timeouts: PostgresConnection.Timeouts? = nil,
        _ body: (Store) throws -> String
    ) throws {
        let requestID = try actor.requestID()
        let output = try withStore(timeouts: timeouts) { store in
            guard let requestID else { return try body(store) }
            switch try store.withRequest(requestID, command: ActorOptions.requestCommand(), body) {
            case .done(let result):
                return result
            case .replayed(let result, let at):
                Output.note("request \(requestID.uuidString.lowercased()) was already done at \(at); nothing written")
                return result
            }
        }
        if asNote {
            Output.note(output)
        } else {
            Output.text(output)
        }
    }
}
