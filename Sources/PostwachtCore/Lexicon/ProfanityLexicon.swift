/// The kinds of coarse language the profanity lexicon distinguishes.
enum ProfanityClass: String, CaseIterable, Sendable {
    case disease, sexual, scatological, insult, slur, blasphemy, slang
}

/// How a lexicon term may occur in a word.
enum LexiconMatchMode: String, CaseIterable, Sendable {
    /// The whole word equals the term.
    case word
    /// Also as the first part of a compound (kanker → kankerschool).
    case head
    /// Also as the last part of a compound (mongool → schoolmongool).
    case tail
    /// As head or tail.
    case both
    /// Several words in a row, separated by white space (krijg de tering).
    case phrase
}

struct ProfanityEntry: Sendable {
    var term: String
    var wordClass: ProfanityClass
    /// 0–2 as in retext's cuss lists: 2 almost always profane, 1 often, 0 rarely.
    var sureness: Int
    var mode: LexiconMatchMode
    /// Keys of the term's words (one for every mode but `phrase`).
    var keys: [[UInt8]]
}

/// What a key matched in the profanity lexicon.
struct ProfanityHit {
    var entry: Int
    /// True when only a stem of the key matched (kutschool), false for the whole key.
    var isCompound: Bool
}

/// Dutch profanity with its allowlist of innocent look-alikes, loaded once from `Lexicons/nl/`.
package struct ProfanityLexicon: Sendable {
    private(set) var entries: [ProfanityEntry] = []
    private var words = ByteStringTable<Int32>()
    private(set) var phrases = PhraseIndex()
    private var heads = StemIndex(fromEnd: false)
    private var tails = StemIndex(fromEnd: true)
    private var allowedWords = ByteStringTable<Bool>()
    private var allowedPrefixes = StemIndex(fromEnd: false)

    init() {}

    /// Parses `profanity.tsv` (term, class, sureness, mode) and `profanity-allow.tsv` (term, word|prefix).
    init(profanity: LexiconFile, allowlist: LexiconFile) throws(LexiconError) {
        let folder = KeyFolder()
        for row in profanity.rows {
            guard row.fields.count == 4 else {
                throw profanity.error(row, "expected 4 tab-separated fields (term, class, sureness, mode), found \(row.fields.count)")
            }
            guard let wordClass = ProfanityClass(rawValue: row.fields[1]) else {
                throw profanity.error(row, "unknown class '\(row.fields[1])'; use one of \(ProfanityClass.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            guard let sureness = Int(row.fields[2]), (0...2).contains(sureness) else {
                throw profanity.error(row, "sureness must be 0, 1 or 2, not '\(row.fields[2])'")
            }
            guard let mode = LexiconMatchMode(rawValue: row.fields[3]) else {
                throw profanity.error(row, "unknown mode '\(row.fields[3])'; use one of \(LexiconMatchMode.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let entry = ProfanityEntry(term: row.fields[0], wordClass: wordClass, sureness: sureness, mode: mode, keys: [])
            if mode != .phrase, let existing = words.value(for: folder.key(of: entry.term)) {
                throw profanity.error(row, "'\(entry.term)' has the same key as '\(entries[Int(existing)].term)'; keep one")
            }
            add(entry, folder: folder)
        }
        for row in allowlist.rows {
            guard row.fields.count >= 2, !row.fields[0].isEmpty else {
                throw allowlist.error(row, "expected term<TAB>mode (word or prefix)")
            }
            switch row.fields[1] {
            case "word": allow(row.fields[0], asPrefix: false, folder: folder)
            case "prefix": allow(row.fields[0], asPrefix: true, folder: folder)
            default: throw allowlist.error(row, "unknown allowlist mode '\(row.fields[1])'; use word or prefix")
            }
        }
    }

    /// Adds a term (also how a school's configured extra terms arrive).
    mutating func add(_ newEntry: ProfanityEntry, folder: KeyFolder) {
        var entry = newEntry
        let termWords = entry.mode == .phrase ? entry.term.split(separator: " ").map(String.init) : [entry.term]
        entry.keys = termWords.map { folder.key(of: $0) }.filter { !$0.isEmpty }
        guard let lastKey = entry.keys.last else { return }
        let index = entries.count
        entries.append(entry)
        if entry.mode == .phrase {
            // Phrase words are plain keys: the term was split at spaces and has no `*` or slots.
            try? phrases.insert(entry.keys.map { String(decoding: $0, as: UTF8.self) }.joined(separator: " "), value: index, folder: folder)
            return
        }
        words.set(Int32(index), for: lastKey)
        if entry.mode == .head || entry.mode == .both { heads.insert(lastKey, value: index) }
        if entry.mode == .tail || entry.mode == .both { tails.insert(lastKey, value: index) }
    }

    /// Marks a word (or every word starting with it) as innocent.
    mutating func allow(_ term: String, asPrefix: Bool, folder: KeyFolder) {
        let key = folder.key(of: term)
        guard !key.isEmpty else { return }
        if asPrefix { allowedPrefixes.insert(key, value: 0) } else { allowedWords.set(true, for: key) }
    }

    /// The whole key as a term; else the longest head or tail stem, unless the word is allowlisted.
    func match(_ key: UnsafeBufferPointer<UInt8>) -> ProfanityHit? {
        match(key, hash: ByteHash.of(key))
    }

    /// `match` with the key's hash already known.
    @inline(__always)
    func match(_ key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> ProfanityHit? {
        match(key, hash: hash, isTerm: true)
    }


    func isAllowed(_ key: UnsafeBufferPointer<UInt8>) -> Bool {
        allowedWords.value(for: key) != nil || allowedPrefixes.longestStem(in: key, minimumRest: 0) != nil
    }

    /// The key of every term but phrases, for `LexiconFacets`.
    func forEachWordKey(_ body: ([UInt8]) -> Void) { words.forEachKey(body) }

    /// `match` for a word whose facets say it is (`isTerm`) or is not a whole term: one probe fewer.
    @inline(__always)
    func match(_ key: UnsafeBufferPointer<UInt8>, hash: UInt64, isTerm: Bool) -> ProfanityHit? {
        if isTerm, let entry = words.value(for: key, hash: hash) { return ProfanityHit(entry: Int(entry), isCompound: false) }
        let stem = heads.longestStem(in: key, minimumRest: 1) ?? tails.longestStem(in: key, minimumRest: 1)
        guard let stem, !isAllowed(key) else { return nil }
        return ProfanityHit(entry: stem, isCompound: true)
    }

    /// Whether a term equal to this key is in the lexicon (in any mode but phrase).
    package func contains(key: [UInt8]) -> Bool { words.value(for: key) != nil }
}
