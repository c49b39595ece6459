#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The rules of one IANA time zone, evaluated without the C library's notion of local time.
///
/// `localtime_r` and `mktime` only know the zone named by the `TZ` environment variable, and changing
/// that variable is not thread-safe while other threads (libpq, logging) may read the environment. This
/// type reads the compiled zone file (TZif, RFC 8536) once and answers every question in pure Swift, so
/// any number of zones can be used from any number of threads.
///
/// Leap-second records (the `right/` zones) are skipped, as Python's `zoneinfo` does: instants are POSIX
/// seconds, which do not count leap seconds.
public struct ZoneRules: Sendable, Hashable {
    /// The IANA name it was loaded for.
    public let identifier: String

    /// Transition instants (seconds since 1970 UTC), strictly ascending.
    let transitions: [Int]
    /// The offset from UTC in force from `transitions[i]` on.
    let offsets: [Int]
    /// The offset before the first transition.
    let initialOffset: Int
    /// The rule from the last transition on (or for all time when there are no transitions): the footer's
    /// TZ string, or the last offset when the footer is empty or missing.
    let tail: POSIXRule

    /// Directories searched for zone files, in the order glibc and Python's `zoneinfo` search them.
    static let searchPath = ["/usr/share/zoneinfo", "/usr/lib/zoneinfo", "/usr/share/lib/zoneinfo"]

    /// Loads the zone `identifier` (`Asia/Shanghai`, `Europe/Berlin`, `UTC`).
    ///
    /// The name is looked up relative to `/usr/share/zoneinfo`, `/usr/lib/zoneinfo` and
    /// `/usr/share/lib/zoneinfo`. "UTC" is built in, so it works even in an image without tzdata.
    ///
    /// - Throws: ``LoadError`` when the name is empty, absolute, contains "..", is not found, or the file
    ///   is not valid TZif data.
    public init(named identifier: String) throws {
        if let reason = Self.problem(withName: identifier) {
            throw LoadError(identifier: identifier, reason: reason)
        }
        if identifier == "UTC" {
            self.init(identifier: identifier, fixedOffset: 0)
            return
        }
        var failures: [String] = []
        for directory in Self.searchPath {
            switch Self.readFile(atPath: directory + "/" + identifier) {
            case .success(let bytes):
                try self.init(identifier: identifier, tzif: bytes)
                return
            case .failure(let failure):
                if !failure.isMissing { failures.append("\(directory): \(failure.reason)") }
            }
        }
        let reason =
            failures.isEmpty
            ? "no such time zone in \(Self.searchPath.joined(separator: ", "))"
            : "cannot read the zone file (\(failures.joined(separator: "; ")))"
        throw LoadError(identifier: identifier, reason: reason)
    }

    /// Parses TZif bytes (v1, v2, v3, v4) directly; for tests and for the loader.
    ///
    /// Version 2 and later files carry the same data twice, first with 32-bit and then with 64-bit
    /// times; only the 64-bit block and the footer TZ string are used.
    ///
    /// - Throws: ``LoadError`` when the data is truncated or violates RFC 8536.
    public init(identifier: String, tzif bytes: [UInt8]) throws {
        var reader = TZifReader(identifier: identifier, bytes: bytes)
        var header = try reader.header()
        // Version 1 files have only the 32-bit block and no footer.
        let isVersion1 = header.version == 0
        if !isVersion1 {
            try reader.skip(header.dataSize(timeSize: 4))
            header = try reader.header()
        }
        let block = try reader.dataBlock(header, timeSize: isVersion1 ? 4 : 8)
        let footer = isVersion1 ? "" : try reader.footer()
        self.identifier = identifier
        self.transitions = block.transitions
        self.offsets = block.offsets
        // RFC 8536 section 3.2 names type 0; older readers (and Python's zoneinfo) take the first standard
        // time type. zic writes the local mean time as type 0, so both agree for real files.
        self.initialOffset = block.types.first(where: { !$0.isDaylight })?.offset ?? block.types[0].offset
        if !footer.isEmpty {
            guard let rule = POSIXRule(footer) else {
                throw LoadError(identifier: identifier, reason: "malformed footer TZ string '\(footer)'")
            }
            self.tail = rule
        } else {
            self.tail = POSIXRule(fixedOffset: block.offsets.last ?? initialOffset)
        }
    }

    /// A zone with one offset for all time.
    init(identifier: String, fixedOffset offset: Int) {
        self.identifier = identifier
        self.transitions = []
        self.offsets = []
        self.initialOffset = offset
        self.tail = POSIXRule(fixedOffset: offset)
    }

    /// Offset from UTC in seconds at an instant (seconds since 1970 UTC), e.g. 28800 for Asia/Shanghai.
    ///
    /// An instant exactly at a transition already has the new offset.
    public func utcOffset(at instant: Int) -> Int {
        guard let first = transitions.first, let last = transitions.last, instant < last else {
            return tail.offset(at: instant)
        }
        if instant < first { return initialOffset }
        return offsets[Self.countOfElements(in: transitions, notAbove: instant) - 1]
    }

    /// The local wall-clock time at an instant.
    ///
    /// Seconds are floored, so instants before 1970 give the same wall clock as `datetime.fromtimestamp`.
    public func localTime(at instant: Int) -> LocalDateTime {
        let wall = instant + utcOffset(at: instant)
        let days = Self.floorDivide(wall, 86_400)
        let seconds = wall - days * 86_400
        let date = Self.civil(fromDays: days)
        return LocalDateTime(
            year: date.year, month: date.month, day: date.day,
            hour: seconds / 3600, minute: seconds % 3600 / 60, second: seconds % 60)
    }

    /// The instant of a local wall-clock time.
    ///
    /// A time skipped by a DST gap resolves to the first instant after the gap (i.e. interpret with the
    /// offset in force before the gap: 02:30 on a spring-forward day in New York -> 07:30 UTC); a time that
    /// occurs twice resolves to its FIRST occurrence (the earlier instant). This is what Python gives for
    /// `fold=0`. Fields out of range are carried like `mktime` does: month 13 is January of the next
    /// year, day 0 the last day of the previous month, hour 24 midnight of the next day.
    public func instant(of local: LocalDateTime) -> Int {
        let wall = local.wallSeconds
        // Offsets stay within -25 h...+26 h (checked when loading), so every instant whose wall clock can
        // read `wall` lies within two days of it.
        let window = 2 * 86_400
        let lower = wall - window
        var segments = [(start: lower, offset: utcOffset(at: lower))]
        for change in changes(in: (lower + 1)...(wall + window)) {
            let offset = utcOffset(at: change)
            // A change of abbreviation or DST flag alone does not move the wall clock.
            if offset != segments[segments.count - 1].offset { segments.append((change, offset)) }
        }
        for index in segments.indices {
            let candidate = wall - segments[index].offset
            if candidate < segments[index].start, index > 0 {
                // The wall clock jumped over `wall` at this segment's start: a gap.
                return wall - segments[index - 1].offset
            }
            if index == segments.count - 1 || candidate < segments[index + 1].start {
                return candidate
            }
        }
        return wall - segments[0].offset
    }

    /// The instants in `range` at which the rules may change the offset, ascending.
    func changes(in range: ClosedRange<Int>) -> [Int] {
        let startIndex = Self.countOfElements(in: transitions, notAbove: range.lowerBound - 1)
        let endIndex = Self.countOfElements(in: transitions, notAbove: range.upperBound)
        var result = Array(transitions[startIndex..<endIndex])
        let tailStart = transitions.last.map { $0 + 1 } ?? range.lowerBound
        if tailStart <= range.upperBound {
            result += tail.changes(in: max(tailStart, range.lowerBound)...range.upperBound)
        }
        return result
    }

    /// The number of leading elements of the ascending `values` that are at most `limit`.
    static func countOfElements(in values: [Int], notAbove limit: Int) -> Int {
        var low = 0
        var high = values.count
        while low < high {
            let middle = (low + high) / 2
            if values[middle] <= limit { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Why `name` cannot be a zone name, or nil when it can.
    ///
    /// The name becomes a path below the zone directories, so it must not escape them.
    static func problem(withName name: String) -> String? {
        if name.isEmpty { return "the name is empty" }
        if name.hasPrefix("/") { return "the name is absolute; expected an IANA name like Asia/Shanghai" }
        if name.contains("..") { return "the name contains '..'" }
        let allowed = name.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "/"), UInt8(ascii: "_"), UInt8(ascii: "-"),
                UInt8(ascii: "+"), UInt8(ascii: "."):
                return true
            default:
                return false
            }
        }
        return allowed ? nil : "the name contains characters no IANA time zone name has"
    }
}

extension ZoneRules {
    /// A wall-clock date and time, without a zone.
    ///
    /// Months and days count from 1, hours, minutes and seconds from 0.
    public struct LocalDateTime: Sendable, Hashable {
        public var year: Int
        public var month: Int
        public var day: Int
        public var hour: Int
        public var minute: Int
        public var second: Int

        /// A wall-clock time; fields are stored as given, without validation.
        public init(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
            self.year = year
            self.month = month
            self.day = day
            self.hour = hour
            self.minute = minute
            self.second = second
        }

        /// Seconds since 1970-01-01 00:00 of the same wall clock, carrying fields that are out of range.
        var wallSeconds: Int {
            let carriedYears = ZoneRules.floorDivide(month - 1, 12)
            let days = ZoneRules.days(fromCivil: year + carriedYears, month - 1 - carriedYears * 12 + 1, 1)
            return (days + day - 1) * 86_400 + hour * 3600 + minute * 60 + second
        }
    }

    /// Why a zone could not be loaded.
    ///
    /// The description names the zone and the reason, ready for an error message.
    public struct LoadError: Error, Sendable, Hashable, CustomStringConvertible {
        public var identifier: String
        public var reason: String

        public var description: String { "time zone '\(identifier)': \(reason)" }
    }
}

// MARK: - Calendar arithmetic

extension ZoneRules {
    /// `value / divisor` rounded towards negative infinity, for instants before 1970.
    static func floorDivide(_ value: Int, _ divisor: Int) -> Int {
        let quotient = value / divisor
        return (value % divisor != 0 && (value < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant, "chrono-Compatible Low-Level
    /// Date Algorithms", `days_from_civil`).
    static func days(fromCivil year: Int, _ month: Int, _ day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = floorDivide(shiftedYear, 400)
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The proleptic Gregorian date `days` after 1970-01-01 (Hinnant's `civil_from_days`).
    static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let shifted = days + 719_468
        let era = floorDivide(shifted, 146_097)
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    static func isLeapYear(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }
}

// MARK: - Reading TZif

extension ZoneRules {
    /// A file that could not be read; `isMissing` lets the loader try the next directory.
    struct ReadFailure: Error {
        var reason: String
        var isMissing: Bool
    }

    /// The whole file at `path`, or why not.
    static func readFile(atPath path: String) -> Result<[UInt8], ReadFailure> {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            let code = errno
            return .failure(ReadFailure(reason: describe(code), isMissing: code == ENOENT || code == ENOTDIR))
        }
        defer { close(descriptor) }
        // Zone files are a few kilobytes; the cap keeps a stray large file from being read whole.
        let limit = 1 << 20
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16_384)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                let code = errno
                if code == EINTR { continue }
                return .failure(ReadFailure(reason: describe(code), isMissing: false))
            }
            if count == 0 { return .success(bytes) }
            bytes += chunk[0..<count]
            if bytes.count > limit {
                return .failure(ReadFailure(reason: "larger than \(limit) bytes, not a zone file", isMissing: false))
            }
        }
    }

    private static func describe(_ code: Int32) -> String {
        guard let message = strerror(code) else { return "error \(code)" }
        return String(cString: message)
    }

    /// One `ttinfo` record.
    struct TimeType {
        var offset: Int
        var isDaylight: Bool
    }

    /// The counts of a TZif header (RFC 8536 section 3.1).
    struct Header {
        var version: UInt8
        var isUTCCount: Int
        var isStandardCount: Int
        var leapCount: Int
        var timeCount: Int
        var typeCount: Int
        var characterCount: Int

        /// The size of the data block that follows the header.
        func dataSize(timeSize: Int) -> Int {
            timeCount * (timeSize + 1) + typeCount * 6 + characterCount + leapCount * (timeSize + 4)
                + isStandardCount + isUTCCount
        }
    }

    /// The parts of a data block this type uses.
    struct DataBlock {
        var transitions: [Int]
        /// The offset in force from each transition on.
        var offsets: [Int]
        var types: [TimeType]
    }

    /// A cursor over TZif bytes that reports truncation and RFC violations as ``LoadError``.
    struct TZifReader {
        let identifier: String
        let bytes: [UInt8]
        var position = 0

        func malformed(_ reason: String) -> LoadError {
            LoadError(identifier: identifier, reason: "malformed TZif data: \(reason)")
        }

        mutating func skip(_ count: Int) throws {
            guard count <= bytes.count - position else { throw malformed("truncated") }
            position += count
        }

        mutating func byte() throws -> UInt8 {
            try skip(1)
            return bytes[position - 1]
        }

        /// A big-endian two's-complement integer of `size` bytes.
        mutating func integer(size: Int) throws -> Int {
            try skip(size)
            var value = 0
            for byte in bytes[(position - size)..<position] { value = value << 8 | Int(byte) }
            // Sign-extend: shift the top byte to the top of `Int` and back arithmetically.
            let unused = Int.bitWidth - size * 8
            return unused > 0 ? (value << unused) >> unused : value
        }

        mutating func header() throws -> Header {
            guard bytes.count - position >= 44 else { throw malformed("truncated header") }
            guard bytes[position..<(position + 4)].elementsEqual("TZif".utf8) else {
                throw malformed("not a TZif file")
            }
            position += 4
            let version = try byte()
            guard version == 0 || version >= UInt8(ascii: "2") else { throw malformed("unknown version \(version)") }
            try skip(15)
            var counts: [Int] = []
            for _ in 0..<6 { counts.append(try integer(size: 4) & 0xFFFF_FFFF) }
            return Header(
                version: version, isUTCCount: counts[0], isStandardCount: counts[1], leapCount: counts[2],
                timeCount: counts[3], typeCount: counts[4], characterCount: counts[5])
        }

        mutating func dataBlock(_ header: Header, timeSize: Int) throws -> DataBlock {
            // Checking the whole size first refuses a truncated block before reading any of it.
            guard header.dataSize(timeSize: timeSize) <= bytes.count - position else { throw malformed("truncated") }
            guard header.typeCount > 0 else { throw malformed("no local time types") }
            guard [0, header.typeCount].contains(header.isStandardCount),
                [0, header.typeCount].contains(header.isUTCCount)
            else { throw malformed("standard/UT indicator counts differ from the type count") }
            var transitions: [Int] = []
            for _ in 0..<header.timeCount {
                let instant = try integer(size: timeSize)
                if let previous = transitions.last, instant <= previous {
                    throw malformed("transition times are not ascending")
                }
                transitions.append(instant)
            }
            var indices: [Int] = []
            for _ in 0..<header.timeCount {
                let index = Int(try byte())
                guard index < header.typeCount else { throw malformed("transition type \(index) does not exist") }
                indices.append(index)
            }
            var types: [TimeType] = []
            for _ in 0..<header.typeCount {
                let offset = try integer(size: 4)
                // RFC 8536 bounds offsets to -25 h...+26 h; `instant(of:)` relies on that.
                guard (-89_999)...93_599 ~= offset else { throw malformed("UT offset \(offset) out of range") }
                types.append(TimeType(offset: offset, isDaylight: try byte() != 0))
                try skip(1)  // The abbreviation index: abbreviations are not needed.
            }
            try skip(
                header.characterCount + header.leapCount * (timeSize + 4) + header.isStandardCount
                    + header.isUTCCount)
            return DataBlock(transitions: transitions, offsets: indices.map { types[$0].offset }, types: types)
        }

        /// The footer TZ string between two newlines (RFC 8536 section 3.3), possibly empty.
        mutating func footer() throws -> String {
            guard try byte() == UInt8(ascii: "\n") else { throw malformed("footer does not start with a newline") }
            guard let end = bytes[position...].firstIndex(of: UInt8(ascii: "\n")) else {
                throw malformed("footer does not end with a newline")
            }
            defer { position = end + 1 }
            return String(decoding: bytes[position..<end], as: UTF8.self)
        }
    }
}
