/// Named classes of words — pronouns, copulas, modals, person and group nouns, insults, verbs of harm —
/// one bit each, so that a word's classes are one table probe and a mask. Constructions
/// (`Lexicons/nl/constructions/*.tsv`) are written over these names; the words of each class are data
/// (`Lexicons/nl/grammar/*.tsv`), so a class grows without touching a construction.
struct WordClassSet: SetAlgebra, Hashable, Sendable {
    /// Bits 0–127 and 128–255: two words, so a set stays a value the matcher tests with a few
    /// instructions, while the grammar has room for more classes than one word holds.
    private var low: UInt128
    private var high: UInt128
    static let capacity = 256

    init() { low = 0; high = 0 }

    init(bit: Int) {
        low = bit < 128 ? 1 << UInt128(bit) : 0
        high = bit >= 128 ? 1 << UInt128(bit - 128) : 0
    }

    private init(low: UInt128, high: UInt128) { self.low = low; self.high = high }

    var isEmpty: Bool { low == 0 && high == 0 }
    func contains(_ member: WordClassSet) -> Bool { isSuperset(of: member) }
    func union(_ other: WordClassSet) -> WordClassSet { WordClassSet(low: low | other.low, high: high | other.high) }
    func intersection(_ other: WordClassSet) -> WordClassSet { WordClassSet(low: low & other.low, high: high & other.high) }
    func symmetricDifference(_ other: WordClassSet) -> WordClassSet { WordClassSet(low: low ^ other.low, high: high ^ other.high) }
    func isDisjoint(with other: WordClassSet) -> Bool { low & other.low == 0 && high & other.high == 0 }
    func isSubset(of other: WordClassSet) -> Bool { low & ~other.low == 0 && high & ~other.high == 0 }
    func isSuperset(of other: WordClassSet) -> Bool { other.isSubset(of: self) }
    mutating func formUnion(_ other: WordClassSet) { low |= other.low; high |= other.high }
    mutating func formIntersection(_ other: WordClassSet) { low &= other.low; high &= other.high }
    mutating func formSymmetricDifference(_ other: WordClassSet) { low ^= other.low; high ^= other.high }
    mutating func subtract(_ other: WordClassSet) { low &= ~other.low; high &= ~other.high }
    func subtracting(_ other: WordClassSet) -> WordClassSet { WordClassSet(low: low & ~other.low, high: high & ~other.high) }

    @discardableResult
    mutating func insert(_ newMember: WordClassSet) -> (inserted: Bool, memberAfterInsert: WordClassSet) {
        let inserted = !isSuperset(of: newMember)
        formUnion(newMember)
        return (inserted, newMember)
    }

    @discardableResult
    mutating func remove(_ member: WordClassSet) -> WordClassSet? {
        let had = intersection(member)
        subtract(member)
        return had.isEmpty ? nil : had
    }

    @discardableResult
    mutating func update(with newMember: WordClassSet) -> WordClassSet? {
        let had = intersection(newMember)
        formUnion(newMember)
        return had.isEmpty ? nil : had
    }
}

/// The class names and the words in them. Loaded once with the lexicons; read-only afterwards.
struct WordClassBook: Sendable {
    private(set) var names: [String] = []
    private var bits: [String: Int] = [:]
    private(set) var words = ByteStringTable<WordClassSet>()
    /// Sets of classes the sentence reader needs, made once all classes are known (`finish`).
    private(set) var masks = Masks()

    struct Masks: Sendable {
        /// Words that make a word after "je", "haar", "zijn" the noun they own: "je kop", "haar fiets".
        var nouns = WordClassSet()
        /// BEZ: pronouns that may own a noun (je, haar, zijn, jullie, your).
        var possessive = WordClassSet()
        /// BEZ_ZWAK: a pronoun that owns only a noun a list knows ("jou moeder", not "jou erbij").
        var weakPossessive = WordClassSet()
        /// Nouns a list knows, for BEZ_ZWAK.
        var knownNouns = WordClassSet()
        /// Words where a clause ends or another begins (BARRIER, EN, ALS, DAT): a particle before them ends
        /// its clause.
        var clauseEnds = WordClassSet()
        /// What such a pronoun loses when it owns a noun.
        var personPronouns = WordClassSet()
        /// The classes verb tables give: a particle that makes another verb takes them away.
        var verbs = WordClassSet()
        /// Adjectives: "je domme kop" owns the noun after the adjective; "ik vind je leuk" does not.
        var adjectives = WordClassSet()
        /// DIE: demonstratives that are a determiner before a noun, a person on their own.
        var determiners = WordClassSet()
    }

    /// Classes of nouns that a possessive may own.
    static let nounClassNames = ["ZNW", "LICHAAM", "BEZITTING", "PERSOON", "MENSEN", "GROEP", "GROEPLID", "SCHELD", "ADRES", "LAND", "MENSWOORD",
                                 Dynamic.word.rawValue, Dynamic.capitalised.rawValue, Dynamic.name.rawValue]
    /// Classes whose words, as the last part of a compound, give it their class: "asielzoekerskinderen"
    /// is MENSEN, "kutbrugklassers" too, "tyfusmongool" SCHELD.
    static let compoundTailClassNames = ["PERSOON", "MENSEN", "GROEP", "SCHELD"]

    /// Classes a rule asks of the whole post ("a game is mentioned", "someone reports"), also as the end
    /// of a compound: "hockeywedstrijd", "voetbaltoernooi", "politiemelding".
    static let postTailClassNames = ["SPEL", "MELD"]

    /// The words of `postTailClassNames` of four letters or more, found at the end of a longer word.
    private(set) var postTails = StemIndex(fromEnd: true)
    private(set) var postTailClasses: [WordClassSet] = []

    /// The words of `compoundTailClassNames` of five letters or more, found at the end of a longer word.
    private(set) var compoundTails = StemIndex(fromEnd: true)
    private(set) var compoundTailClasses: [WordClassSet] = []

    /// Classes the text itself decides, not a word list: set per token when a sentence is read.
    enum Dynamic: String, CaseIterable {
        /// A given name: capitalised, or a name that is no ordinary word (sanne, noah).
        case name = "NAAM"
        /// A class or year code: 2B, 3havo, 4v, h3, groep 7 (the number after "groep").
        case classCode = "KLAS"
        /// A word with a capital first letter.
        case capitalised = "HOOFDLETTER"
        /// Any word (letters), any number.
        case word = "WOORD"
        case number = "GETAL"
        /// , ; : and dashes between words: clause punctuation, where gaps stop.
        case comma = "KOMMA"
        /// Profanity the profanity lexicon classes as an insult or slur (also disguised: k4nkerlijer).
        case insultWord = "SCHELDWOORD"
        /// Any other profanity: curses, coarse slang.
        case curseWord = "VLOEK"
    }

    /// Adjectives with a polarity (`word<TAB>negative|positive`), read as the class BN.
    static let adjectiveFile = "nl/evaluative-adjectives.tsv"

    /// Files of word classes, one concern each: `word<TAB>CLASS[ CLASS …]`.
    static let files = ["nl/grammar/pronouns.tsv", "nl/grammar/function-words.tsv", "nl/grammar/person-nouns.tsv",
                        "nl/grammar/groups.tsv", "nl/grammar/insults.tsv", "nl/grammar/insult-adjectives.tsv",
                        "nl/grammar/threat-words.tsv", "nl/grammar/context-words.tsv", "nl/grammar/disclaimer-words.tsv",
                        "nl/grammar/contact-words.tsv", "nl/grammar/discussion-words.tsv"]

    init() {
        for dynamic in Dynamic.allCases { _ = bit(named: dynamic.rawValue, create: true) }
    }

    init(reading read: (String) throws(LexiconError) -> LexiconFile, folder: KeyFolder) throws(LexiconError) {
        self.init()
        for name in Self.files {
            let file = try read(name)
            for row in file.rows {
                guard row.fields.count >= 2, !row.fields[0].isEmpty, !row.fields[0].contains(" ") else {
                    throw file.error(row, "expected one word<TAB>CLASS[ CLASS …] (phrases belong in a construction)")
                }
                var classes = WordClassSet()
                for name in row.fields[1].split(separator: " ") {
                    guard name.allSatisfy({ $0.isUppercase || $0.isNumber || $0 == "_" }) else {
                        throw file.error(row, "class '\(name)' must be written in capitals")
                    }
                    guard Dynamic(rawValue: String(name)) == nil else {
                        throw file.error(row, "\(name) is decided by the text itself and takes no words")
                    }
                    guard let bit = bit(named: String(name), create: true) else {
                        throw file.error(row, "more than \(WordClassSet.capacity) word classes")
                    }
                    classes.insert(WordClassSet(bit: bit))
                }
                let key = folder.key(of: row.fields[0])
                guard !key.isEmpty else { throw file.error(row, "'\(row.fields[0])' has nothing to match on") }
                words.set(classes.union(words.value(for: key) ?? []), for: key)
            }
        }
        // Adjectives with their polarity: BN, and BN_NEG or BN_POS (the stance of a staff post).
        let adjectives = try read(Self.adjectiveFile)
        let adjective = WordClassSet(bit: bit(named: "BN", create: true)!)
        let negative = WordClassSet(bit: bit(named: "BN_NEG", create: true)!), positive = WordClassSet(bit: bit(named: "BN_POS", create: true)!)
        for row in adjectives.rows where !row.fields[0].isEmpty {
            guard row.fields.count >= 2, row.fields[1] == "negative" || row.fields[1] == "positive" else {
                throw adjectives.error(row, "expected adjective<TAB>negative|positive")
            }
            add(adjective.union(row.fields[1] == "negative" ? negative : positive), to: folder.key(of: row.fields[0]))
        }
    }

    /// Makes the masks; call after every word file and verb table is read.
    mutating func finish(verbClassNames: [String]) {
        func union(_ names: [String]) -> WordClassSet { names.reduce(into: WordClassSet()) { $0.formUnion(classSet(named: $1) ?? []) } }
        masks = Masks(nouns: union(Self.nounClassNames), possessive: union(["BEZ"]), weakPossessive: union(["BEZ_ZWAK"]),
                      knownNouns: union(Self.nounClassNames.filter { ![Dynamic.word.rawValue, Dynamic.capitalised.rawValue, Dynamic.name.rawValue].contains($0) }),
                      clauseEnds: union(["BARRIER", "EN", "ALS", "DAT", "LACH"]),
                      personPronouns: union(["JOU", "HEM", "JIJ", "HIJ"]),
                      verbs: union(verbClassNames), adjectives: union(["BN", "SCHELDBN", "GROEPBN", "BODYBN"]),
                      determiners: union(["DIE"]))
        let tailClasses = union(Self.compoundTailClassNames)
        var tails = StemIndex(fromEnd: true)
        var classesOfTail: [WordClassSet] = []
        words.forEachKey { key in
            if key.count >= 5, let classes = words.value(for: key), !classes.isDisjoint(with: tailClasses) {
                tails.insert(key, value: classesOfTail.count)
                classesOfTail.append(classes.intersection(tailClasses))
            }
        }
        compoundTails = tails
        compoundTailClasses = classesOfTail
        let postClasses = union(Self.postTailClassNames)
        words.forEachKey { key in
            if key.count >= 4, let classes = words.value(for: key), !classes.isDisjoint(with: postClasses) {
                postTails.insert(key, value: postTailClasses.count)
                postTailClasses.append(classes.intersection(postClasses))
            }
        }
    }

    /// Adds classes to a word, for classes that other lexicons feed (verbs of harm from their own table).
    mutating func add(_ classes: WordClassSet, to key: [UInt8]) {
        words.set(classes.union(words.value(for: key) ?? []), for: key)
    }

    /// The class of a name, made on first use when `create` (files define classes by using them).
    mutating func bit(named name: String, create: Bool) -> Int? {
        if let bit = bits[name] { return bit }
        guard create, names.count < WordClassSet.capacity else { return nil }
        bits[name] = names.count
        names.append(name)
        return names.count - 1
    }

    func classSet(named name: String) -> WordClassSet? {
        bits[name].map { WordClassSet(bit: $0) }
    }

    subscript(dynamic: Dynamic) -> WordClassSet { classSet(named: dynamic.rawValue)! }

    /// The names of the classes in `set`, for explanations.
    func names(of set: WordClassSet) -> [String] {
        names.indices.filter { set.contains(WordClassSet(bit: $0)) }.map { names[$0] }
    }

    func forEachWord(in set: WordClassSet, _ body: ([UInt8]) -> Void) {
        words.forEachKey { key in
            if let classes = words.value(for: key), !classes.isDisjoint(with: set) { body(key) }
        }
    }
}
