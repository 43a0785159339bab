import PostwachtCore

/// Why a session cannot run, in the words a person is shown: the CLI prints each message on a line
/// of its own (exit 2); the server answers a request's unknown pack from `kind` as its other invalid
/// fields (400 `request.invalid-field`, with the valid values). The messages are written here once.
public struct SessionError: Error, Sendable {
    public enum Kind: Sendable, Equatable {
        /// The configuration file, or the fingerprint key it names, cannot be read or is invalid.
        case configuration
        /// The lexicons or a policy pack cannot be read or are invalid.
        case resources
        /// A policy or organisation names no loaded pack: what named it (the CLI's "policy" or
        /// "organisation", a request's "policy" or "org"), the id given and the ids there are, so that
        /// a front end can answer with the valid values.
        case unknownPack(setting: String, id: String, known: [String])
        /// A baseline file is missing, is not a baseline, or cannot be written.
        case baseline
        /// The consent register cannot be read.
        case consent
    }

    public var kind: Kind
    /// One or more messages (a policy pack with three problems has three), without the program's name.
    public var messages: [LocalizedText]

    public init(_ kind: Kind, _ messages: [LocalizedText]) {
        self.kind = kind
        self.messages = messages
    }

    public init(_ kind: Kind, _ message: LocalizedText) { self.init(kind, [message]) }

    /// The message in `language`, one line each.
    public func lines(in language: Language) -> [String] { messages.map { $0.text(in: language) } }

    /// A policy or organisation id that names no pack.
    static func unknownPack(setting: String, id: String, known: [String]) -> SessionError {
        let list = known.joined(separator: ", ")
        let dutch = setting == "policy" ? "onbekend beleid '\(id)'; kies een van \(list)" : "onbekende school '\(id)'; kies een van \(list)"
        return SessionError(.unknownPack(setting: setting, id: id, known: known),
                            LocalizedText(nl: dutch, en: "unknown \(setting) '\(id)'; choose one of \(list)"))
    }
}

extension LocalizedText {
    /// A message the CLI has always given in English whatever `--lang` says: scripts and the golden
    /// tests in Fixtures/cli/ read it so. Giving it a Dutch wording is a change of behaviour, for later.
    static func english(_ text: String) -> LocalizedText { LocalizedText(nl: text, en: text) }
}
