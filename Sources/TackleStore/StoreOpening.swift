import LibPQ
import Logging
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A store being opened on a thread of its own while the command line is still being parsed.
///
/// A one-shot write spends most of its time waiting: for the server to start a backend and
/// authenticate, then to answer the schema check on a backend whose catalogue caches are cold
/// (together about 6 ms on a local socket), while the process itself spends 3 to 4 ms starting the
/// Swift runtime and parsing its arguments. Opening early lets the two overlap. The opening is
/// speculative: ``Store/withStore(at:applicationName:timeouts:logger:requireCurrentSchema:opening:_:)``
/// takes it only when it was opened exactly as that call would open one (same location,
/// application name, timeouts, schema requirement); otherwise it is closed and a store is opened
/// as usual. A failure to connect or a schema that does not match is kept, not reported, and
/// thrown by `withStore` where opening the store would have thrown it, so what the user sees and
/// the exit code are the same either way.
public final class StoreOpening: @unchecked Sendable {
    /// How a store is opened: an early one is taken only by a call that would open it the same way.
    public struct Parameters: Sendable, Hashable {
        public var location: DatabaseLocation
        public var applicationName: String
        public var timeouts: PostgresConnection.Timeouts
        public var requireCurrentSchema: Bool

        public init(
            location: DatabaseLocation, applicationName: String, timeouts: PostgresConnection.Timeouts,
            requireCurrentSchema: Bool
        ) {
            self.location = location
            self.applicationName = applicationName
            self.timeouts = timeouts
            self.requireCurrentSchema = requireCurrentSchema
        }
    }

    public let parameters: Parameters
    private let logger: Logger
    /// Written by the opening thread only, read only after joining it.
    private var outcome: Result<Store, any Error>?
    private var thread: pthread_t?
    private var joined = false
    /// Set by the opening thread as its last step: joining it then does not wait.
    private let finished = Atomic<Bool>(false)

    private init(parameters: Parameters, logger: Logger) {
        self.parameters = parameters
        self.logger = logger
    }

    /// Starts opening a store on a new thread.
    ///
    /// - Returns: The opening, or nil when no thread could be started (the store is then opened
    ///   as usual, when it is needed).
    public static func start(_ parameters: Parameters, logger: Logger) -> StoreOpening? {
        let opening = StoreOpening(parameters: parameters, logger: logger)
        let context = Unmanaged.passRetained(opening).toOpaque()
        var thread = pthread_t()
        let status = pthread_create(
            &thread, nil,
            { context in
                #if canImport(Darwin)
                let opening = Unmanaged<StoreOpening>.fromOpaque(context).takeRetainedValue()
                #else
                let opening = Unmanaged<StoreOpening>.fromOpaque(context!).takeRetainedValue()
                #endif
                opening.open()
                return nil
            }, context)
        guard status == 0 else {
            Unmanaged<StoreOpening>.fromOpaque(context).release()
            return nil
        }
        opening.thread = thread
        return opening
    }

    /// Runs on the opening thread: connects and checks the schema as `withStore` would.
    private func open() {
        outcome = Result { try Store.open(parameters, logger: logger) }
        finished.store(true, ordering: .releasing)
    }

    /// Waits for the opening thread; afterwards `outcome` is settled and belongs to this thread.
    private func join() {
        guard !joined, let thread else { return }
        joined = true
        pthread_join(thread, nil)
    }

    /// The store, when it was opened as `parameters` say; nil (and the early connection closed)
    /// when it was opened some other way.
    ///
    /// - Throws: What connecting or checking the schema threw, when it was opened as asked.
    func take(_ parameters: Parameters) throws -> Store? {
        join()
        guard let outcome else { return nil }
        self.outcome = nil
        guard parameters == self.parameters else {
            if case .success(let store) = outcome { store.connection.close() }
            return nil
        }
        return try outcome.get()
    }

    /// Closes the early connection unused, as the process gives up (a usage error, say): the
    /// server then sees a client that said goodbye rather than one that vanished. An opening still
    /// under way is not waited for (a server that does not answer would hold the exit up to the
    /// connect timeout): the process's exit closes its socket.
    public func abandon() {
        guard finished.load(ordering: .acquiring) else { return }
        join()
        if case .success(let store) = outcome { store.connection.close() }
        outcome = nil
    }
}
