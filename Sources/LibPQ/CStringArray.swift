/// Strings laid out for a C `const char *const *` argument: one buffer of NUL-terminated UTF-8,
/// so building an array of any size costs one allocation and nothing has to be freed by hand.
struct CStringArray {
    private var buffer: [CChar] = []
    private var offsets: [Int?] = []
    /// The byte length of each string (0 for `nil`), for libpq's `paramLengths`.
    private(set) var lengths: [Int32] = []

    var count: Int { offsets.count }

    /// Appends a string, or `nil` for a NULL pointer.
    ///
    /// - Parameter what: Names the string in the error, for example `parameter $2`.
    /// - Throws: ``PostgresError/Code/invalidArgument`` when the string contains a NUL byte, which a
    ///   C string cannot carry.
    mutating func append(_ string: String?, what: @autoclosure () -> String) throws {
        guard let string else {
            offsets.append(nil)
            lengths.append(0)
            return
        }
        let start = buffer.count
        for byte in string.utf8 {
            guard byte != 0 else {
                throw PostgresError(code: .invalidArgument, message: "\(what()): text cannot contain NUL (0x00) bytes")
            }
            buffer.append(CChar(bitPattern: byte))
        }
        buffer.append(0)
        offsets.append(start)
        lengths.append(Int32(clamping: buffer.count - start - 1))
    }

    /// Calls `body` with a pointer per string (NULL for `nil`) plus a terminating NULL.
    func withPointers<Result>(_ body: ([UnsafePointer<CChar>?]) throws -> Result) rethrows -> Result {
        try buffer.withUnsafeBufferPointer { storage in
            var pointers: [UnsafePointer<CChar>?] = offsets.map { offset in
                offset.map { storage.baseAddress! + $0 }
            }
            pointers.append(nil)
            return try body(pointers)
        }
    }
}
