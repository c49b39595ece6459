import TackleDomain

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The process's arguments and settings as the bytes the OS passed, checked before Swift sees them.
///
/// `CommandLine.arguments` and `String(cString:)` repair invalid UTF-8 by replacing each bad byte
/// with U+FFFD, so `--name $'\xff\xfe'` would be stored as "��", not as typed. All text tackle
/// stores is UTF-8, so a value that is not is refused before argument parsing, naming the option.
/// The check is one pass over the bytes of each argument.
enum RawArguments {
    /// Refuses an argument, or a `TACKLE_*` environment variable, that is not valid UTF-8.
    ///
    /// - Throws: ``DomainError`` `.invalidFormat` whose field is the option the value belongs to
    ///   (`--name`), `argument N` for anything else, or the variable's name; the message gives the
    ///   first bad byte and its position in the value, counted from 1.
    static func checkUTF8() throws(DomainError) {
        let arguments = (1..<Int(CommandLine.argc)).map { index in
            CommandLine.unsafeArgv[index].map { UnsafeRawBufferPointer(start: $0, count: strlen($0)) }
                ?? UnsafeRawBufferPointer(start: nil, count: 0)
        }
        for (index, bytes) in arguments.enumerated() {
            guard let bad = firstInvalidByte(in: bytes[...]) else { continue }
            let (field, valueStart) = owner(of: bytes, index: index, previous: index > 0 ? arguments[index - 1] : nil)
            throw invalid(field: field, byte: bytes[bad], position: bad - valueStart + 1)
        }
        var entry = environ
        while let pointer = entry.pointee {
            entry += 1
            let bytes = UnsafeRawBufferPointer(start: pointer, count: strlen(pointer))
            guard bytes.starts(with: "TACKLE_".utf8), let equals = bytes.firstIndex(of: UInt8(ascii: "=")),
                let bad = firstInvalidByte(in: bytes[(equals + 1)...])
            else { continue }
            throw invalid(
                field: String(decoding: bytes[..<equals], as: UTF8.self), byte: bytes[bad], position: bad - equals)
        }
    }

    /// The offset in `bytes.base` of the first byte that does not belong to a valid UTF-8
    /// sequence, or nil when `bytes` is valid UTF-8.
    static func firstInvalidByte(in bytes: Slice<UnsafeRawBufferPointer>) -> Int? {
        // Almost every argument is ASCII: check that first and decode only from the first other byte.
        guard let firstNonASCII = bytes.firstIndex(where: { $0 >= 0x80 }) else { return nil }
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes[firstNonASCII...].makeIterator()
        var offset = firstNonASCII
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }

    /// Who a value belongs to, for the message: the option it is joined to (`--name=VALUE`, whose
    /// value starts after the `=`), the option before it (`--name VALUE`), else its place on the
    /// command line (`argument 3`, counted after `tackle`).
    ///
    /// The option before a value is recognised by its spelling alone (so a `--flag` followed by a
    /// bad positional argument is named too); the name is only there to find the bad value.
    private static func owner(
        of bytes: UnsafeRawBufferPointer, index: Int, previous: UnsafeRawBufferPointer?
    ) -> (field: String, valueStart: Int) {
        let dash = UInt8(ascii: "-")
        if bytes.first == dash {
            if bytes.starts(with: [dash, dash]), let equals = bytes.firstIndex(of: UInt8(ascii: "=")),
                firstInvalidByte(in: bytes[..<equals]) == nil
            {
                return (String(decoding: bytes[..<equals], as: UTF8.self), equals + 1)
            }
        } else if let previous, previous.count > 1, previous.first == dash, !previous.elementsEqual([dash, dash]),
            !previous.contains(UInt8(ascii: "=")), firstInvalidByte(in: previous[...]) == nil
        {
            return (String(decoding: previous, as: UTF8.self), 0)
        }
        return ("argument \(index + 1)", 0)
    }

    private static func invalid(field: String, byte: UInt8, position: Int) -> DomainError {
        let hex = String(byte, radix: 16, uppercase: true)
        return DomainError(
            .invalidFormat, field: field,
            message: "the value is not valid UTF-8 (byte 0x\(hex.count < 2 ? "0" + hex : hex) at position \(position))")
    }
}
