import Foundation

/// Who wrote a post, as the protocols distinguish them.
public enum AuthorRole: String, Codable, CaseIterable, Sendable {
    case staff, parent, pupil, school

    /// The role from an export or a form, also in Dutch (docent, leerkracht, medewerker, ouder, verzorger,
    /// leerling), any case.
    public init?(named name: String) {
        if let role = AuthorRole(rawValue: name) { self = role; return }
        let lowered = name.lowercased().trimmingCharacters(in: .whitespaces)
        if let role = AuthorRole(rawValue: lowered) { self = role; return }
        switch lowered {
        case "docent", "docente", "leerkracht", "leraar", "lerares", "medewerker", "medewerkster", "personeel", "mentor", "directeur",
             "juf", "meester", "teacher", "employee": self = .staff
        case "ouder", "verzorger", "ouders", "moeder", "vader", "guardian": self = .parent
        case "leerling", "leerlinge", "scholier", "student": self = .pupil
        case "organisatie", "schoolaccount", "organisation": self = .school
        default: return nil
        }
    }

    /// The Dutch names most often given, for messages that say which names are taken.
    package static let dutchNames = ["docent", "ouder", "leerling", "schoolaccount"]
}

/// What a record is in its conversation: a post of its own, a comment under a post, or a reply to a
/// comment. The discussion rules (staff say they work there, no arguing) read replies and comments.
public enum PostKind: String, Codable, CaseIterable, Sendable {
    case post, comment, reply

    /// The kind from an export or a form, also in Dutch (bericht, reactie, antwoord), any case.
    public init?(named name: String) {
        let lowered = name.lowercased().trimmingCharacters(in: .whitespaces)
        if let kind = PostKind(rawValue: lowered) { self = kind; return }
        switch lowered {
        case "bericht", "post", "status", "tweet", "toot": self = .post
        case "reactie", "opmerking", "commentaar": self = .comment
        case "antwoord", "beantwoording": self = .reply
        default: return nil
        }
    }

    /// The Dutch names the parsers take besides the English ones, for messages.
    package static let dutchNames = ["bericht", "reactie", "antwoord"]
}

/// A file, image or other medium that travels with a post.
public struct Attachment: Codable, Equatable, Sendable {
    /// What kind of medium.
    public enum Kind: String, Codable, CaseIterable, Sendable {
        case image, video, audio, file

        /// The kind from a file, a form or the command line, also in Dutch (foto, film, geluid, bestand), any case.
        public init?(named name: String) {
            let lowered = name.lowercased().trimmingCharacters(in: .whitespaces)
            if let kind = Kind(rawValue: lowered) { self = kind; return }
            switch lowered {
            case "foto", "afbeelding", "plaatje", "photo", "picture", "img": self = .image
            case "film", "filmpje", "movie": self = .video
            case "geluid", "geluidsopname", "sound", "spraakbericht": self = .audio
            case "bestand", "document", "bijlage": self = .file
            default: return nil
            }
        }

        /// The Dutch names the parsers take besides the English ones, for messages.
        package static let dutchNames = ["foto", "film", "geluid", "bestand"]
    }
    /// What kind of medium it is.
    public var type: Kind
    /// Its alt text, if any.
    public var alt: String?
    /// Its file name, if known.
    public var name: String?

    /// An attachment of this kind.
    public init(type: Kind, alt: String? = nil, name: String? = nil) {
        self.type = type
        self.alt = alt
        self.name = name
    }
}

/// What is known about a post besides its text.
public struct RecordMetadata: Equatable, Sendable {
    /// Who wrote the post: staff, parent, pupil or the school's account; nil when unknown.
    public var authorRole: AuthorRole?
    /// Photos, videos and files with the post.
    public var attachments: [Attachment]
    /// The school (policy pack id, name or alias) the post belongs to (`org`).
    public var organisation: String?
    /// Where it is posted (`facebook`, `schoolapp`, …), lower-case.
    public var channel: String?
    /// When the post was published, if the source says (exports do; drafts do not).
    public var createdAt: Date?
    /// Who wrote it, as the source names them (for reports and `account_posters:`; rules use `authorRole`).
    public var author: String?
    /// A post, a comment under one, or a reply to a comment; nil when the source does not say.
    public var kind: PostKind?
    /// The id of the post or comment this one answers, when the source gives it.
    public var inReplyTo: String?
    /// Who wrote the post or comment this one answers, when known (a parent, a pupil).
    public var replyToRole: AuthorRole?
    /// Whether the holder of the account the export (or draft) belongs to wrote it. False for what
    /// others wrote on the account's pages (visitors' comments on a school website): the default
    /// author role (`--role`, `role:`) is the account holder's, so it never applies to those.
    public var byAccountHolder: Bool

    /// Metadata with these fields; every one is optional.
    public init(authorRole: AuthorRole? = nil, attachments: [Attachment] = [], organisation: String? = nil, channel: String? = nil,
                createdAt: Date? = nil, author: String? = nil, kind: PostKind? = nil, inReplyTo: String? = nil,
                replyToRole: AuthorRole? = nil, byAccountHolder: Bool = true) {
        self.authorRole = authorRole
        self.attachments = attachments
        self.organisation = organisation
        self.channel = channel
        self.createdAt = createdAt
        self.author = author
        self.kind = kind
        self.inReplyTo = inReplyTo
        self.replyToRole = replyToRole
        self.byAccountHolder = byAccountHolder
    }

    /// Whether the record answers someone: a comment or reply, or a record naming what it replies to.
    public var isInDiscussion: Bool { kind == .comment || kind == .reply || kind == nil && inReplyTo != nil }
}

/// One post to check: an id (a path, `<stdin>`, or the id field of a JSONL line), raw text bytes, metadata.
public struct Record: Sendable {
    /// The record's id: a path, `<stdin>`, or a JSONL line's `id`.
    public var id: String
    /// The text as bytes; invalid UTF-8 is repaired (with a warning) when checked.
    public var bytes: [UInt8]
    /// What is known about the post besides its text.
    public var metadata: RecordMetadata

    /// A record of raw bytes.
    public init(id: String, bytes: [UInt8], metadata: RecordMetadata = RecordMetadata()) {
        self.id = id
        self.bytes = bytes
        self.metadata = metadata
    }

    /// A record of a string's UTF-8.
    public init(id: String, text: String, metadata: RecordMetadata = RecordMetadata()) {
        self.init(id: id, bytes: Array(text.utf8), metadata: metadata)
    }
}

/// A problem with a record's input that did not stop it from being checked. Its text is in both
/// languages: the renderer (`FindingRenderer.message(of:)`) picks the one the user asked for.
public struct RecordWarning: Equatable, Sendable {
    /// A stable code (`input.invalid-utf8`, `findings.truncated`).
    public var code: String
    /// The warning in Dutch and English.
    public var text: LocalizedText

    /// A warning with this code and text.
    public init(code: String, text: LocalizedText) {
        self.code = code
        self.text = text
    }

    /// The warning in one language.
    public func message(in language: Language) -> String { text.text(in: language) }

    /// The input was not valid UTF-8 and was repaired.
    public static let invalidUTF8 = RecordWarning(code: "input.invalid-utf8", text: LocalizedText(
        nl: "de invoer is geen geldige UTF-8; ongeldige bytes zijn vervangen door U+FFFD en posities gelden voor de herstelde tekst",
        en: "the input is not valid UTF-8; invalid bytes were replaced by U+FFFD and offsets refer to the repaired text"))

    /// A record with more findings than are worth reporting (a megabyte of insults): the first ones
    /// in text order are reported, so the output and its memory stay bounded.
    public static func findingsTruncated(found: Int, reported: Int) -> RecordWarning {
        RecordWarning(code: "findings.truncated", text: LocalizedText(
            nl: "het bericht heeft \(found) bevindingen; alleen de eerste \(reported) in tekstvolgorde worden gemeld (de laatste daarvan de eerste van de hoogste ernst, als geen eerdere die had)",
            en: "the record has \(found) findings; only the first \(reported) in text order are reported (the last of them the first of the highest severity, if none before had it)"))
    }
}

/// Why a record could not be checked at all.
public struct RecordError: Error, Codable, Equatable, Sendable {
    /// A stable code (`input.too-large`, `input.invalid-json`).
    public var code: String
    /// What is wrong, in the user's language.
    public var message: String

    /// An error with this code and message.
    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }
}
