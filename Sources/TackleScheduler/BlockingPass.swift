import Dispatch
import ServiceLifecycle
import Synchronization

/// Runs blocking work (libpq calls, file writes) on a thread of its own, and stops waiting for it
/// when the service is asked to shut down.
///
/// A publishing pass blocks in libpq: connecting (up to the connect timeout), waiting for a lock,
/// reading rows. Run on the cooperative pool it would hold a thread of the pool, and a shutdown
/// would wait for it. Here the pass runs on a Dispatch queue; on graceful shutdown or cancellation
/// the caller waits at most `grace` more seconds and then gets ``Outcome/abandoned`` while the work
/// goes on. Abandoning is safe by construction: the database rolls back the transaction of a
/// connection that goes away, and report files are only ever renamed into place complete.
enum BlockingPass {
    /// How the wait ended.
    enum Outcome<Value: Sendable>: Sendable {
        /// The work returned or threw.
        case finished(Result<Value, any Error>)
        /// Shutdown was asked for and the work had not finished within the grace period.
        case abandoned
    }

    /// Runs `work` on `queue` and waits for it, or for shutdown plus `grace` seconds.
    static func run<Value: Sendable>(
        on queue: DispatchQueue, grace: Double, _ work: @escaping @Sendable () throws -> Value
    ) async -> Outcome<Value> {
        let slot = Slot<Value>()
        return await withTaskCancellationOrGracefulShutdownHandler {
            await withCheckedContinuation { continuation in
                slot.attach(continuation)
                queue.async { slot.deliver(.finished(Result { try work() })) }
            }
        } onCancelOrGracefulShutdown: {
            DispatchQueue.global().asyncAfter(deadline: .now() + grace) { slot.deliver(.abandoned) }
        }
    }

    /// Hands the first outcome to the waiting continuation exactly once, whichever comes first.
    private final class Slot<Value: Sendable>: Sendable {
        private struct State {
            var continuation: CheckedContinuation<Outcome<Value>, Never>?
            var pending: Outcome<Value>?
            var delivered = false
        }

        private let state = Mutex(State())

        func attach(_ continuation: CheckedContinuation<Outcome<Value>, Never>) {
            let pending = state.withLock { state -> Outcome<Value>? in
                guard let pending = state.pending else {
                    state.continuation = continuation
                    return nil
                }
                state.pending = nil
                return pending
            }
            if let pending { continuation.resume(returning: pending) }
        }

        func deliver(_ outcome: Outcome<Value>) {
            let continuation = state.withLock { state -> CheckedContinuation<Outcome<Value>, Never>? in
                guard !state.delivered else { return nil }
                state.delivered = true
                guard let continuation = state.continuation else {
                    state.pending = outcome
                    return nil
                }
                state.continuation = nil
                return continuation
            }
            continuation?.resume(returning: outcome)
        }
    }
}
