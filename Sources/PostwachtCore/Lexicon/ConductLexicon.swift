/// The data the conduct rules read (`Lexicons/nl/*.tsv`, formats in their headers): disclaimers, school
/// topics and personal voice, confidential terms and their innocent uses, befriending calls,
/// the words that tie a term to a person, and which channels are public.
package struct ConductLexicon: Sendable {
    var disclaimers = TermList<Bool>(gap: .clausePunctuation)
    var schoolTopics = TermList<TopicKind>()
    /// Emoji that show a feeling (😩, 🙄): a personal voice. Tokens without a key, so matched on the bytes.
    var voiceEmoji = ByteSequences()
    /// Hyphens may join a term's words: burn-out, PDD-NOS, non-actief.
    var confidentialWords = TermList<ConfidentialTerm>(gap: .clausePunctuation)
    var confidentialPrefixes = StemIndex(fromEnd: false)
    var confidentialPrefixTerms: [ConfidentialTerm] = []
    var confidentialAllowed = TermList<Bool>(gap: .clausePunctuation)
    var befriending = TermList<Bool>(gap: .clausePunctuation)
    var personReferences = ByteStringTable<Bool>()
    var publicChannels: Set<String> = []
    var closedChannels: Set<String> = []
    /// Every channel name channels.tsv knows, public or closed, sorted: what a `channel` field may say.
    package var channels: [String] { publicChannels.union(closedChannels).sorted() }

    enum TopicKind: String, Sendable { case topic, voice, `self`, practical, policy, stance, sarcasm, news }

    struct ConfidentialTerm: Sendable {
        var kind: String
        var needsPerson: Bool
    }

    init() {}

    static let files = ["nl/disclaimer-phrases.tsv", "nl/school-topic.tsv", "nl/confidential-terms.tsv", "nl/confidential-allow.tsv",
                        "nl/befriending-phrases.tsv", "nl/person-references.tsv", "channels.tsv"]

    /// A school's own confidential terms (confidential on their own), allowed phrases and disclaimers.
    mutating func add(_ additions: LexiconAdditions, folder: KeyFolder) {
        for term in additions.confidential { confidentialWords.insert(term, value: ConfidentialTerm(kind: "marker", needsPerson: false), folder: folder) }
        for term in additions.confidentialAllowed { confidentialAllowed.insert(term, value: true, folder: folder) }
        for term in additions.disclaimers { disclaimers.insert(term, value: true, folder: folder) }
    }

    init(reading read: (String) throws(LexiconError) -> LexiconFile, folder: KeyFolder) throws(LexiconError) {
        disclaimers = try read("nl/disclaimer-phrases.tsv").termList(columns: 1, gap: .clausePunctuation, folder: folder) { _ in true }
        let topics = try read("nl/school-topic.tsv")
        for row in topics.rows where row.fields.count >= 2 && row.fields[1] == "voice"
            && !row.fields[0].unicodeScalars.contains(where: { $0.properties.isAlphabetic || $0.properties.numericType != nil }) {
            voiceEmoji.insert(Array(row.fields[0].utf8))
        }
        schoolTopics = try topics.termList(columns: 2, folder: folder) { fields in TopicKind(rawValue: fields[1]) }
        let confidential = try read("nl/confidential-terms.tsv")
        for row in confidential.rows {
            guard row.fields.count == 4, ["yes", "no"].contains(row.fields[2]), ["word", "prefix", "phrase"].contains(row.fields[3]) else {
                throw confidential.error(row, "expected term<TAB>kind<TAB>needs_person (yes|no)<TAB>mode (word|prefix|phrase)")
            }
            let term = ConfidentialTerm(kind: row.fields[1], needsPerson: row.fields[2] == "yes")
            if row.fields[3] == "prefix" {
                confidentialPrefixes.insert(folder.key(of: row.fields[0]), value: confidentialPrefixTerms.count)
                confidentialPrefixTerms.append(term)
            } else if !confidentialWords.insert(row.fields[0], value: term, folder: folder) {
                throw confidential.error(row, "'\(row.fields[0])' has nothing to match on")
            }
        }
        confidentialAllowed = try read("nl/confidential-allow.tsv").termList(columns: 1, gap: .clausePunctuation, folder: folder) { _ in true }
        befriending = try read("nl/befriending-phrases.tsv").termList(columns: 1, gap: .clausePunctuation, folder: folder) { _ in true }
        for row in try read("nl/person-references.tsv").rows { personReferences.set(true, for: folder.key(of: row.fields[0])) }
        let channels = try read("channels.tsv")
        for row in channels.rows {
            switch row.fields.count == 2 ? row.fields[1] : "" {
            case "public": publicChannels.insert(row.fields[0].lowercased())
            case "closed": closedChannels.insert(row.fields[0].lowercased())
            default: throw channels.error(row, "expected channel<TAB>public|closed")
            }
        }
    }
}
