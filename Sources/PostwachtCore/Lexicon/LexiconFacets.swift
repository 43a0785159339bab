/// Which word lists a key occurs in (as a word or a phrase anchor), as bits: one table probe per word of
/// a document tells every rule where to look, instead of each list probing every word.
struct LexiconFacets: Sendable {
    struct Facet: OptionSet, Sendable {
        let rawValue: UInt32
        static let photoCue = Facet(rawValue: 1 << 0)
        static let birthCue = Facet(rawValue: 1 << 1)
        static let childNear = Facet(rawValue: 1 << 2)
        static let childBefore = Facet(rawValue: 1 << 3)
        static let title = Facet(rawValue: 1 << 4)
        static let disclaimer = Facet(rawValue: 1 << 5)
        static let schoolTopic = Facet(rawValue: 1 << 6)
        static let confidential = Facet(rawValue: 1 << 7)
        static let confidentialAllowed = Facet(rawValue: 1 << 8)
        /// A word a construction (Lexicons/nl/constructions) anchors on, or a verb a particle may make one.
        static let constructionAnchor = Facet(rawValue: 1 << 9)
        static let befriending = Facet(rawValue: 1 << 10)
        static let personReference = Facet(rawValue: 1 << 11)
        static let givenName = Facet(rawValue: 1 << 12)
        static let closedChannel = Facet(rawValue: 1 << 13)
        /// A whole profanity term (any mode but phrase).
        static let profanityWord = Facet(rawValue: 1 << 14)
        /// The anchor of a profanity phrase (krijg de ⟦tering⟧).
        static let profanityPhrase = Facet(rawValue: 1 << 15)
        /// A word of a public name (Anne Frank, Albert Heijn) or its anchor.
        static let publicName = Facet(rawValue: 1 << 16)
        /// A word a disclaimer or befriending construction anchors on.
        static let disclaimerAnchor = Facet(rawValue: 1 << 17)
        static let befriendingAnchor = Facet(rawValue: 1 << 18)
        /// A verb form that a particle makes a verb of harm ("maak" … "af"), and the particle's last word:
        /// a sentence with both may hold a threat.
        static let particleVerb = Facet(rawValue: 1 << 19)
        static let verbParticle = Facet(rawValue: 1 << 20)
    }

    private var table = ByteStringTable<Facet>()

    init(profanity: ProfanityLexicon, personalData: PersonalDataLexicon, conduct: ConductLexicon, grammar: Grammar,
         constructionAnchors: WordClassSet, disclaimerAnchors: WordClassSet, befriendingAnchors: WordClassSet) {
        add(.profanityWord, profanity.forEachWordKey)
        add(.profanityPhrase, profanity.phrases.forEachAnchor)
        let names = personalData.names
        add(.photoCue, personalData.photoCues.forEachLookupKey)
        add(.birthCue, personalData.birthCues.forEachLookupKey)
        add(.childNear, names.childNear.forEachLookupKey)
        add(.childBefore, names.childBefore.forEachLookupKey)
        add(.title, names.titles.forEachLookupKey)
        add(.givenName, names.firstNames.forEachKey)
        add(.publicName, names.publicNames.forEachLookupKey)
        add(.disclaimer, conduct.disclaimers.forEachLookupKey)
        add(.schoolTopic, conduct.schoolTopics.forEachLookupKey)
        add(.confidential, conduct.confidentialWords.forEachLookupKey)
        add(.confidentialAllowed, conduct.confidentialAllowed.forEachLookupKey)
        add(.constructionAnchor) { body in grammar.book.forEachWord(in: constructionAnchors, body) }
        add(.particleVerb, grammar.verbs.forEachVerbWithParticle)
        add(.verbParticle, grammar.verbs.forEachParticle)
        add(.disclaimerAnchor) { body in grammar.book.forEachWord(in: disclaimerAnchors, body) }
        add(.befriendingAnchor) { body in grammar.book.forEachWord(in: befriendingAnchors, body) }
        add(.befriending, conduct.befriending.forEachLookupKey)
        add(.personReference, conduct.personReferences.forEachKey)
        let folder = KeyFolder()
        let closedChannels = conduct.closedChannels.sorted().map { folder.key(of: $0) }
        add(.closedChannel) { body in closedChannels.forEach(body) }
    }

    private mutating func add(_ facet: Facet, _ keys: (([UInt8]) -> Void) -> Void) {
        var collected: [[UInt8]] = []
        keys { collected.append($0) }
        for key in collected { table.set((table.value(for: key) ?? []).union(facet), for: key) }
    }

    /// The facets of one key (`WordKeys` asks once per word, with the hash it made).
    @inline(__always)
    func facet(of key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Facet {
        table.value(for: key, hash: hash) ?? []
    }
}
