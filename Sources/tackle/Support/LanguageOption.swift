import ArgumentParser
import TackleReport

/// `--lang`: the language of printed reports.
struct LanguageOption: ParsableArguments {
    @Option(help: "zh or en (default: TACKLE_LANG, else zh when LC_ALL/LANG starts with zh, else en).")
    var lang: String?

    /// The language to print in.
    func language() throws -> Language {
        try Language.resolve(option: lang, environment: Environment.current)
    }
}
