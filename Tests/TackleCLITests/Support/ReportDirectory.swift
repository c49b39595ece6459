import Foundation
import Testing

/// A fresh output directory for the scheduled job, and what is in it.
struct ReportDirectory {
    let path: String

    /// Makes an empty directory under the system's temporary directory.
    static func create(_ label: String) throws -> ReportDirectory {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("tackle-reports-\(label)-\(UInt32.random(in: .min ... .max))").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return ReportDirectory(path: path)
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Every name in the directory, hidden ones included, sorted.
    func names() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: path).sorted()
    }

    /// Names of temporary files (`.tackle-status-*.tmp`) in the directory.
    func temporaryNames() throws -> [String] {
        try names().filter { $0.hasPrefix(".") && $0.hasSuffix(".tmp") }
    }

    /// The file of a month in a format (`txt` or `json`), or nil when missing.
    func contents(_ month: String, _ fileExtension: String) -> String? {
        FileManager.default.contents(atPath: file(month, fileExtension)).map { String(decoding: $0, as: UTF8.self) }
    }

    func file(_ month: String, _ fileExtension: String) -> String {
        "\(path)/tackle-status-\(month).\(fileExtension)"
    }
}

/// The months `first`, `first`+1, ... (`count` of them), as `YYYY-MM`.
func months(from first: String, count: Int) -> [String] {
    let year = Int(first.prefix(4))!
    let month = Int(first.suffix(2))!
    return (0..<count).map { offset in
        let index = year * 12 + (month - 1) + offset
        let m = index % 12 + 1
        return "\(index / 12)-\(m < 10 ? "0" : "")\(m)"
    }
}

/// Waits until `condition` holds, checking every 50 ms, for at most `seconds`.
///
/// - Returns: Whether it held in time.
func eventually(within seconds: Double, _ condition: () throws -> Bool) rethrows -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if try condition() { return true }
        usleep(50_000)
    }
    return try condition()
}
