import Dispatch

extension RandomAccessCollection where Self: Sendable, Index == Int {
    /// The elements transformed, in order, computed on every core at once.
    ///
    /// For a report's costly parts (a verdict family per project, a trial plan per baseline),
    /// whose elements are independent: `transform` must not touch shared mutable state.
    ///
    /// - Parameter transform: The transformation, run concurrently for different elements.
    /// - Returns: The transformed elements, in the collection's order.
    package func concurrentMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        let count = self.count
        guard count > 1 else { return map(transform) }
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            let results = UnsafeSendableBuffer(base: buffer.baseAddress!)
            DispatchQueue.concurrentPerform(iterations: count) { offset in
                (results.base + offset).initialize(to: transform(self[startIndex + offset]))
            }
            initialized = count
        }
    }
}

/// The results buffer of ``Swift/RandomAccessCollection/concurrentMap(_:)``: each iteration
/// initializes its own element, so the threads never touch the same memory.
private struct UnsafeSendableBuffer<T>: @unchecked Sendable {
    let base: UnsafeMutablePointer<T>
}
