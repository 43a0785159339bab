/// How serious a finding is. Scripts decide with `--fail-on`.
public enum Severity: String, Codable, CaseIterable, Comparable, Sendable {
    case info, warning, error

    private var rank: Int {
        switch self {
        case .info: return 0
        case .warning: return 1
        case .error: return 2
        }
    }

    /// Info below warning below error.
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// The finding vocabulary shared by every front end. New concepts may add categories.
public struct FindingCategory: RawRepresentable, Codable, Hashable, Sendable, CustomStringConvertible {
    /// The category's name in outputs ("threat", "name-with-photo").
    public var rawValue: String
    /// A category by its name; rules of the clause categories make their own ("arguing").
    public init(rawValue: String) { self.rawValue = rawValue }
    /// The name, as in outputs.
    public var description: String { rawValue }

    /// Coarse language, insults and slurs (profanity.*).
    public static let profanity = FindingCategory(rawValue: "profanity")
    /// Threats and aimed insults (conduct.threat).
    public static let threat = FindingCategory(rawValue: "threat")
    /// Phone numbers (privacy.phone).
    public static let phone = FindingCategory(rawValue: "phone")
    /// E-mail addresses (privacy.email).
    public static let email = FindingCategory(rawValue: "email")
    /// Postal addresses (privacy.address).
    public static let address = FindingCategory(rawValue: "address")
    /// Citizen service numbers (privacy.bsn).
    public static let bsn = FindingCategory(rawValue: "bsn")
    /// Bank account numbers (privacy.iban).
    public static let iban = FindingCategory(rawValue: "iban")
    /// Dates of birth (privacy.birthdate).
    public static let birthdate = FindingCategory(rawValue: "birthdate")
    /// Names with photos (privacy.name-with-photo).
    public static let nameWithPhoto = FindingCategory(rawValue: "name-with-photo")
    /// A staff opinion without a disclaimer (conduct.missing-disclaimer).
    public static let missingDisclaimer = FindingCategory(rawValue: "missing-disclaimer")
    /// Confidential matters (conduct.confidential).
    public static let confidential = FindingCategory(rawValue: "confidential")
}

/// The languages postwacht speaks to users in.
public enum Language: String, CaseIterable, Codable, Sendable {
    case nl, en
}

/// A text in Dutch and English.
public struct LocalizedText: Equatable, Sendable {
    /// The Dutch text.
    public var nl: String
    /// The English text.
    public var en: String
    /// A text in both languages.
    public init(nl: String, en: String) { self.nl = nl; self.en = en }
    /// The text in `language`.
    public func text(in language: Language) -> String { language == .nl ? nl : en }
}

/// A sentence of a school's protocol that a rule enforces, as its policy pack quotes it.
public struct ProtocolClause: Codable, Equatable, Sendable {
    /// Stable reference, `<policy>/<section code>.<number>` ("svok/III.A.6", "regenboog/leerlingen-sociale-media.1"):
    /// findings cite clauses by it, and each output carries each clause's text once.
    public var id: String
    /// Policy pack id: kits-primair, montessori-flevoland, regenboog, svok, konot.
    public var policy: String
    /// The organisation whose protocol it is, for people reading a finding.
    public var organisation: String
    /// Headings as they stand in the protocol.
    public var section: String
    /// The item number under the section, when the protocol numbers it.
    public var number: String?
    /// The sentence, verbatim.
    public var quote: String

    /// A clause as a policy pack quotes it.
    public init(id: String, policy: String, organisation: String, section: String, number: String? = nil, quote: String) {
        self.id = id
        self.policy = policy
        self.organisation = organisation
        self.section = section
        self.number = number
        self.quote = quote
    }

    /// "III.A Voor alle gebruikers, 6": section and number for one-line citations.
    public var citation: String { number.map { "\(section), \($0)" } ?? section }
}

/// A post that a rule must (or must not) flag. In `text`, ⟦ and ⟧ mark each span that must be found.
public struct RuleExample: Sendable {
    /// The example's text, with ⟦ ⟧ around each span the rule must find (triggering examples).
    public var text: String
    /// What the example record says of itself: author role, attachments, school, channel, kind.
    public var metadata: RecordMetadata
    /// Where the example is written, so a failing example points at its line.
    public var file: StaticString
    /// The line of the example.
    public var line: UInt

    /// An example of a rule, at the place it is written.
    public init(_ text: String, metadata: RecordMetadata = RecordMetadata(), file: StaticString = #filePath, line: UInt = #line) {
        self.text = text
        self.metadata = metadata
        self.file = file
        self.line = line
    }

    /// Opens a span an example must be found at.
    public static let openMarker: Character = "⟦"
    /// Closes a span an example must be found at.
    public static let closeMarker: Character = "⟧"

    /// The text without markers and the marked spans in Unicode scalar offsets.
    public var unmarked: (text: String, spans: [OffsetRange]) {
        var output = String.UnicodeScalarView()
        var spans: [OffsetRange] = []
        var openedAt: Int?
        for scalar in text.unicodeScalars {
            if Character(scalar) == Self.openMarker { openedAt = output.count; continue }
            if Character(scalar) == Self.closeMarker, let start = openedAt {
                spans.append(OffsetRange(start: start, end: output.count))
                openedAt = nil
                continue
            }
            output.append(scalar)
        }
        return (String(output), spans)
    }
}

/// Everything about a rule that is not its detection logic: docs, `rules` listing, SARIF metadata and the
/// example test all read this one value.
public struct RuleDescription: Sendable {
    /// Stable id, e.g. `profanity.curse`.
    public var id: String
    /// The rule's short name ("Bedreiging of gerichte belediging").
    public var name: LocalizedText
    /// What kind of finding the rule makes.
    public var category: FindingCategory
    /// The severity of a sure finding when no policy pack or setting says otherwise.
    public var defaultSeverity: Severity
    /// What the rule finds and why it matters, for `postwacht explain`.
    public var rationale: LocalizedText
    /// The finding's message; `{match}` and `{detail}` are filled in per finding.
    public var message: LocalizedText
    /// What to do instead, shown with each finding.
    public var suggestion: LocalizedText
    /// Texts the rule must find, at the marked spans; one test runs them all.
    public var triggeringExamples: [RuleExample]
    /// Texts the rule must leave alone.
    public var nonTriggeringExamples: [RuleExample]
    /// The rule judges the post as a whole (its finding spans all of it), not words in it.
    public var judgesWholePost = false
    /// The configuration the examples assume, as postwacht.yaml would say it (nil: none), for
    /// `postwacht explain`; `RuleRegistry.exampleOptions` holds the same settings for the tests.
    public var exampleConfiguration: String?
}
