import TackleDomain

/// The language a report is printed in: Simplified Chinese or English. JSON is language-free.
public enum Language: String, Sendable, Hashable, CaseIterable {
    case zh
    case en

    /// The language to print in: `option` (`--lang`), else `TACKLE_LANG`, else Chinese when
    /// `LC_ALL` or `LANG` starts with `zh`, else English.
    ///
    /// - Parameters:
    ///   - option: The value of `--lang`, if given.
    ///   - environment: The process environment.
    /// - Throws: ``DomainError`` naming `--lang` (or `TACKLE_LANG`) for a language tackle does not print.
    public static func resolve(option: String?, environment: [String: String]) throws -> Language {
        if let option { return try parse(option, field: "--lang") }
        if let configured = environment["TACKLE_LANG"], !configured.isEmpty {
            return try parse(configured, field: "TACKLE_LANG")
        }
        let locale = [environment["LC_ALL"], environment["LANG"]].compactMap { $0 }.first { !$0.isEmpty } ?? ""
        return locale.lowercased().hasPrefix("zh") ? .zh : .en
    }

    /// The language a published sheet is printed in: `option` (`--lang`), else `TACKLE_LANG`, else
    /// Chinese, as the sheet is posted (the locale of the machine that publishes does not count).
    ///
    /// - Throws: ``DomainError`` naming `--lang` or `TACKLE_LANG` for a language tackle does not print.
    public static func forPublishing(option: String?, environment: [String: String]) throws -> Language {
        if let option { return try parse(option, field: "--lang") }
        if let configured = environment["TACKLE_LANG"], !configured.isEmpty {
            return try parse(configured, field: "TACKLE_LANG")
        }
        return .zh
    }

    /// Reads `zh` or `en` (also `zh-CN`, `zh_CN.UTF-8`, `en_US`).
    public static func parse(_ text: String, field: String) throws -> Language {
        let lowered = text.lowercased()
        if lowered.hasPrefix("zh") { return .zh }
        if lowered.hasPrefix("en") { return .en }
        throw DomainError(
            .invalidValue, field: field, message: "'\(text)' is not a language tackle prints; use zh or en")
    }
}
