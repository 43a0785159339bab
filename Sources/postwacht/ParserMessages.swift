import Foundation
import PostwachtCore

/// swift-argument-parser writes its usage errors in English and has no hook for other languages, so
/// in Dutch (the default) its known sentences are put into Dutch here, on the finished message. A
/// sentence it adds in a later version and that is not listed stays English: understandable, not wrong.
enum ParserMessages {
    /// The language the user asked for with `--lang`, read from the raw arguments: a parse error can
    /// come before the options are parsed.
    static func language(of arguments: [String]) -> Language {
        for (index, argument) in arguments.enumerated() {
            if argument.hasPrefix("--lang=") { return Language(rawValue: String(argument.dropFirst(7))) ?? .nl }
            if argument == "--lang", index + 1 < arguments.count { return Language(rawValue: arguments[index + 1]) ?? .nl }
        }
        return .nl
    }

    static func localized(_ message: String, in language: Language) -> String {
        guard language == .nl else { return message }
        var text = message
        for (pattern, template) in dutch {
            text = text.replacingOccurrences(of: pattern, with: template, options: .regularExpression)
        }
        return text
    }

    /// English sentence (as a regular expression) → Dutch, in the order they are tried.
    private static let dutch: [(String, String)] = [
        (#"^Error: "#, "fout: "),
        (#"(?m)^Usage: "#, "Gebruik: "),
        (#"See '([^']+)' for more information\."#, "Zie '$1' voor uitleg."),
        (#"Unknown option '([^']+)'"#, "onbekende optie '$1'"),
        (#"Missing value for '([^']+)'"#, "waarde ontbreekt bij '$1'"),
        (#"Missing expected argument '([^']+)'"#, "argument '$1' ontbreekt"),
        (#"Missing one of: "#, "een van deze ontbreekt: "),
        (#"Missing required subcommand\."#, "opdracht ontbreekt."),
        (#"Unexpected argument '([^']+)'"#, "onverwacht argument '$1'"),
        (#"([0-9]+) unexpected arguments: "#, "$1 onverwachte argumenten: "),
        (#"The option '([^']+)' does not take any value, but '([^']*)' was specified\."#, "optie '$1' neemt geen waarde, maar '$2' is opgegeven."),
        (#"The value '([^']*)' is invalid for '([^']+)'"#, "waarde '$1' is ongeldig voor '$2'"),
        (#"The value '([^']*)' is invalid\."#, "waarde '$1' is ongeldig."),
        (#"\. Please provide one of the following:"#, ". Kies een van:"),
        (#"\. Please provide one of "#, ". Kies een van "),
        (#"(Kies een van [^\n]*)' or '"#, "$1' of '"),
        (#"(?m)^Help:  "#, "Uitleg:  "),
        (#"Invalid option: "#, "ongeldige optie: "),
    ]
}
