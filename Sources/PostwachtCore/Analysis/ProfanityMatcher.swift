/// A stretch of a document that the profanity lexicon matched.
struct ProfanityMatch: Sendable {
    /// UTF-8 byte range in the document, covering the original (possibly obfuscated) characters.
    var range: Range<Int>
    var entry: ProfanityEntry
    /// The key that matched: casefolded, de-obfuscated.
    var normalized: String
    var isCompound: Bool
    /// Written otherwise than the plain term: leet, look-alike letters, spelled out, stretched (k4nker).
    var isDisguised: Bool
    /// For a word that insults only when aimed at someone (eikel, sukkel: sureness 1 in the lexicon),
    /// whether a word before it aims it ("die eikel", "jij sukkel", "een ongelofelijke idioot"); nil for
    /// every other word. The insult rule decides what an unaimed one means.
    var isAimed: Bool?

    /// The entry's sureness, one higher for compounds and disguises: nobody writes "k4nker" or
    /// "kankerschool" about the disease, so the innocent sense that kept the word's sureness low is gone.
    var sureness: Int {
        isCompound || isDisguised ? min(entry.sureness + 1, 2) : entry.sureness
    }
}

/// Finds profanity in a document's tokens: whole words and compounds (via their keys, with leet and
/// squeezed variants), multi-word phrases, letters spelled out with spaces or separators (k a n k e r,
/// k-u-t) and words cut up by symbols (k@nk€r). Shared by the three profanity rules.
/// One per checker (it keeps scratch buffers between documents, unchecked for exclusivity: only this
/// checker's thread touches them); not thread-safe.
final class ProfanityMatcher {
    let lexicon: ProfanityLexicon
    let context: ProfanityContext
    let folder: KeyFolder
    @exclusivity(unchecked) private var scratch = Scratch()
    /// The lexicon's whole-word keys as a trie, for spelled-out runs: one walk per start letter finds
    /// the longest term starting there, ending as soon as no term goes on with the next letter.
    private let terms: TermTrie

    /// `terms`: the lexicon's whole-word keys as a trie, made once with the lexicons, not per checker.
    init(lexicon: ProfanityLexicon, terms: TermTrie, context: ProfanityContext, folder: KeyFolder) {
        self.lexicon = lexicon
        self.terms = terms
        self.context = context
        self.folder = folder
    }

    func matches(in document: Document, keys: WordKeys) -> [ProfanityMatch] {
        var found: [ProfanityMatch] = []
        let tokens = document.tokens
        // Whether the post is about illness: looked up once, at the first bare disease word, not at each.
        var aboutIllness: Bool?
        for index in tokens.indices {
            let traits = keys.traits(index)
            guard traits.contains(.letters) else { continue }
            let key = keys.key(index)
            let facet = keys.facet(index)
            if let hit = lexicon.match(key, hash: keys.hash(index), isTerm: facet.contains(.profanityWord)) {
                var candidate = match(hit, range: tokens[index].byteRange, key: key, document: document)
                candidate.isAimed = aim(of: candidate, at: index, in: document, keys: keys)
                if !isInnocentInContext(candidate, key: key, at: index, in: document, keys: keys, aboutIllness: &aboutIllness) { found.append(candidate) }
            } else if !traits.isDisjoint(with: [.digits, .leetSymbols, .longRun]),
                      let (hit, variant) = disguisedHit(key, traits: traits) {
                var candidate = match(hit, range: tokens[index].byteRange, key: variant, document: document)
                candidate.isAimed = aim(of: candidate, at: index, in: document, keys: keys)
                if !isInnocentInContext(candidate, key: variant, at: index, in: document, keys: keys, aboutIllness: &aboutIllness) { found.append(candidate) }
            }
            guard facet.contains(.profanityPhrase) else { continue }
            lexicon.phrases.forEachMatch(anchoredAt: index, in: document, keys: keys) { entryIndex, first, _ in
                let entry = lexicon.entries[entryIndex]
                // An insulting phrase addresses someone by itself ("rot op", "hou je bek").
                found.append(ProfanityMatch(range: Int(tokens[first].start)..<Int(tokens[index].end), entry: entry,
                                            normalized: entry.keys.map { String(decoding: $0, as: UTF8.self) }.joined(separator: " "),
                                            isCompound: false, isDisguised: false, isAimed: entry.wordClass == .insult ? true : nil))
            }
        }
        if keys.documentTraits.contains(.singleCharacterRun) || keys.documentTraits.contains(.gluedSymbol) {
            document.bytes.withUnsafeBufferPointer { bytes in
                if keys.documentTraits.contains(.singleCharacterRun) {
                    found.append(contentsOf: spelledOutMatches(in: document, bytes: bytes))
                }
                if keys.documentTraits.contains(.gluedSymbol) {
                    found = clusterMatches(in: document, bytes: bytes, existing: found)
                }
            }
        }
        return found.count > 1 ? Self.removingContained(found) : found
    }

    private func match<Key: Collection<UInt8>>(_ hit: ProfanityHit, range: Range<Int>, key: Key, document: Document) -> ProfanityMatch {
        let entry = lexicon.entries[hit.entry]
        let written = document.bytes[range]
        let plainlyWritten = written.count == key.count && zip(written, key).allSatisfy { $0 | 0x20 == $1 }
        return ProfanityMatch(range: range, entry: entry, normalized: String(decoding: key, as: UTF8.self),
                              isCompound: hit.isCompound, isDisguised: !plainlyWritten)
    }

    struct Scratch {
        var key: [UInt8] = []
        var leet: [UInt8] = []
        var squeezed: [UInt8] = []
        /// One word's key, before it joins `key`.
        var word: [UInt8] = []
        init() {
            key.reserveCapacity(Self.capacity)
            word.reserveCapacity(Self.capacity)
            leet.reserveCapacity(Self.capacity)
            squeezed.reserveCapacity(Self.capacity)
        }
        static let capacity = 256
    }

    /// The plain key, then leet readings for keys with digits or symbols, then squeezed runs.
    private func bestHit(_ key: [UInt8], traits: KeyFolder.Traits) -> (ProfanityHit, [UInt8])? {
        if let hit = lookup(key) { return (hit, key) }
        return disguisedHit(key, traits: traits)
    }

    private func disguisedHit<Key: Collection<UInt8>>(_ key: Key, traits: KeyFolder.Traits) -> (ProfanityHit, [UInt8])? {
        let hasLeet = !traits.isDisjoint(with: [.digits, .leetSymbols])
        guard hasLeet || traits.contains(.longRun) else { return nil }
        let plain = Array(key)
        var bases: [[UInt8]] = [plain]
        if hasLeet {
            for one in [UInt8(ascii: "i"), UInt8(ascii: "l")] {
                KeyFolder.leetVariant(of: plain, one: one, into: &scratch.leet)
                if let hit = lookup(scratch.leet) { return (hit, scratch.leet) }
                if traits.contains(.longRun) || KeyFolder.hasLongRun(scratch.leet) { bases.append(scratch.leet) }
            }
        }
        guard traits.contains(.longRun) || bases.count > 1 else { return nil }
        for base in bases {
            for keep in [2, 1] {
                KeyFolder.squeezed(base, keep: keep, into: &scratch.squeezed)
                if let hit = lookup(scratch.squeezed) { return (hit, scratch.squeezed) }
            }
        }
        return nil
    }

    private func lookup(_ key: [UInt8]) -> ProfanityHit? {
        key.withUnsafeBufferPointer { lexicon.match($0) }
    }

    /// Ambiguous words read in context: "mijn oma heeft kanker" and "kankerlotgenoten" name the disease,
    /// "eikels verzamelen" is about acorns; "krijg de kanker", "kankerschool" and "die eikel" are not.
    private func isInnocentInContext<Key: Collection<UInt8>>(_ match: ProfanityMatch, key: Key, at index: Int,
                                                             in document: Document, keys: WordKeys, aboutIllness: inout Bool?) -> Bool {
        let entry = match.entry
        if entry.wordClass == .disease, match.isCompound, let stem = entry.keys.last, key.starts(with: stem) {
            let rest = Array(key.dropFirst(stem.count))
            return rest.withUnsafeBufferPointer { context.medicalTails.longestStem(in: $0, minimumRest: 0) != nil }
        }
        guard !match.isCompound, !match.isDisguised else { return false }
        // Only a bare, ambiguous disease name (kanker, tering) can be the disease; teringzooi cannot.
        if entry.wordClass == .disease, entry.sureness <= 1 {
            var before = index - 1
            if let article = wordKey(at: before, before: index, in: document, keys: keys),
               ProfanityContext.articles.contains(Array(article)) { before -= 1 }
            let beforeMatches = wordKey(at: before, before: before + 1, in: document, keys: keys).map {
                context.medicalBefore.value(for: $0) != nil
            } ?? false
            let afterMatches = wordKey(at: index + 1, after: index, in: document, keys: keys).map {
                context.medicalAfter.value(for: $0) != nil
            } ?? false
            // In a post about illness (KWF, chemo, cholera) an ambiguous bare disease name is the disease.
            // Not the sure ones: "vaccinatie tegen buiktyfus … tyfus veel prikken" still curses.
            if beforeMatches || afterMatches { return true }
            if aboutIllness == nil { aboutIllness = isAboutIllness(document, keys: keys) }
            return aboutIllness!
        }
        return false
    }

    /// Whether a word that insults only when aimed has an aiming word before it (nil for other words).
    private func aim(of match: ProfanityMatch, at index: Int, in document: Document, keys: WordKeys) -> Bool? {
        guard match.entry.wordClass == .insult, match.entry.sureness == 1, !match.isCompound, !match.isDisguised else { return nil }
        func aims(_ key: UnsafeBufferPointer<UInt8>?) -> Bool {
            key.map { context.insultBefore.value(for: $0) != nil } ?? false
        }
        let previous = wordKey(at: index - 1, before: index, in: document, keys: keys)
        // One inflected adjective may stand between: "een ongelofelijke idioot".
        let throughAdjective = previous?.last == UInt8(ascii: "e")
            && aims(wordKey(at: index - 2, before: index - 1, in: document, keys: keys))
        return aims(previous) || throughAdjective
    }

    /// Whether the post mentions the illness elsewhere (KWF, chemo, ziekenhuis): then a bare "kanker" names it.
    private func isAboutIllness(_ document: Document, keys: WordKeys) -> Bool {
        document.tokens.indices.contains { index in
            document.tokens[index].kind == .word && context.medicalPost.value(for: keys.key(index), hash: keys.hash(index)) != nil
        }
    }

    /// The key of word token `index` when only white space separates it from its neighbour token.
    private func wordKey(at index: Int, before neighbour: Int? = nil, after previous: Int? = nil,
                         in document: Document, keys: WordKeys) -> UnsafeBufferPointer<UInt8>? {
        let tokens = document.tokens
        guard index >= 0, index < tokens.count, tokens[index].isWordLike else { return nil }
        if let neighbour, neighbour < tokens.count,
           !document.isWhitespaceGap(from: Int(tokens[index].end), to: Int(tokens[neighbour].start)) { return nil }
        if let previous, previous >= 0,
           !document.isWhitespaceGap(from: Int(tokens[previous].end), to: Int(tokens[index].start)) { return nil }
        let key = keys.key(index)
        return key.isEmpty ? nil : key
    }

    /// Single letters spelled out with white space or separators: k a n k e r, k-u-t, k.u.t.
    /// A run is cut after `maximumSpelledRun` letters.
    private func spelledOutMatches(in document: Document, bytes: UnsafeBufferPointer<UInt8>) -> [ProfanityMatch] {
        var result: [ProfanityMatch] = []
        var ranges: [Range<Int>] = []
        var letters: [UInt8] = []
        ranges.reserveCapacity(Self.maximumSpelledRun)
        letters.reserveCapacity(Self.maximumSpelledRun)
        func flush() {
            if letters.count >= 3 { matchesInSpelledRun(ranges, letters, document: document, into: &result) }
            ranges.removeAll(keepingCapacity: true)
            letters.removeAll(keepingCapacity: true)
        }
        var index = 0
        let tokens = document.tokens
        while index < tokens.count {
            let token = tokens[index]
            guard let letter = spelledLetter(token, bytes: bytes) else { flush(); index += 1; continue }
            if let previous = ranges.last {
                let continues = continuesSpelling(from: previous.upperBound, to: token, tokenIndex: index, document: document)
                if !continues { flush() }
            }
            ranges.append(token.byteRange)
            letters.append(letter)
            if letters.count >= Self.maximumSpelledRun { flush() }
            index += 1
        }
        flush()
        return result
    }

    /// Letters in a spelled-out run before it is cut: longer runs are looked at in pieces this long.
    private static let maximumSpelledRun = 41

    private func continuesSpelling(from previousEnd: Int, to token: Token, tokenIndex: Int, document: Document) -> Bool {
        let gap = Int(token.start) - previousEnd
        if gap >= 1, gap <= 3, document.isWhitespaceGap(from: previousEnd, to: Int(token.start), allowingNewline: false) {
            return true
        }
        // One separator glued on both sides: k-u-t, k*u*t
        guard tokenIndex >= 1 else { return false }
        let separator = document.tokens[tokenIndex - 1]
        return Int(separator.start) == previousEnd && separator.end == token.start && Self.isJoiner(separator, document.bytes)
    }

    /// Characters put between letters to break up a word: k-u-t, k*t, kan\u{200B}ker (zero-width space).
    private static let joiners: Set<[UInt8]> = Set(["-", ".", "_", "*", "/", "+", "~", "\u{200B}", "\u{200C}", "\u{2060}",
                                                     "\u{FEFF}", "\u{00B7}", "\u{2022}", "\u{2027}"].map { Array($0.utf8) })

    static func isJoiner(_ token: Token, _ bytes: [UInt8]) -> Bool {
        guard token.kind == .other, token.byteCount <= 3 else { return false }
        let first = bytes[Int(token.start)]
        if token.byteCount == 1 { return asciiJoiners[Int(first)] }
        return first >= 0xC2 && joiners.contains(Array(bytes[token.byteRange]))
    }

    private static let asciiJoiners: [Bool] = (0..<256).map { joiners.contains([UInt8($0)]) }

    /// The leet letter a one-symbol token stands for ($ → s), without allocating for ordinary tokens.
    static func leetLetter(_ token: Token, _ bytes: UnsafeBufferPointer<UInt8>) -> UInt8? {
        guard token.kind == .other, token.byteCount <= 3 else { return nil }
        let first = bytes[Int(token.start)]
        if token.byteCount == 1 { return asciiLeet[Int(first)] }
        return first >= 0xC2 ? leetSymbols[Array(bytes[token.byteRange])] : nil
    }

    private static let asciiLeet: [UInt8?] = (0..<256).map { leetSymbols[[UInt8($0)]] }

    /// The key letter of a one-character token: a letter, a leet digit, or a leet symbol.
    private func spelledLetter(_ token: Token, bytes: UnsafeBufferPointer<UInt8>) -> UInt8? {
        let raw = UnsafeBufferPointer(rebasing: bytes[token.byteRange])
        guard let first = raw.first else { return nil }
        let expectedLength = first < 0x80 ? 1 : first < 0xE0 ? 2 : first < 0xF0 ? 3 : 4
        guard raw.count == expectedLength else { return nil }
        if token.kind == .other { return Self.leetLetter(token, bytes) }
        // Scratch buffers: a document of single letters would otherwise allocate twice per letter.
        scratch.key.removeAll(keepingCapacity: true)
        folder.appendKey(of: raw, to: &scratch.key)
        KeyFolder.leetVariant(of: scratch.key, one: UInt8(ascii: "i"), into: &scratch.leet)
        return scratch.leet.count == 1 ? scratch.leet[0] : nil
    }

    private static let leetSymbols: [[UInt8]: UInt8] = [
        Array("$".utf8): UInt8(ascii: "s"), Array("€".utf8): UInt8(ascii: "e"),
        Array("!".utf8): UInt8(ascii: "i"), Array("|".utf8): UInt8(ascii: "l"), Array("@".utf8): UInt8(ascii: "a"),
    ]

    /// Longest lexicon words inside a spelled-out run, left to right; the whole run may also be a compound.
    /// `letters` holds one key byte per letter of the run, `ranges` where each letter is written.
    /// The run is joined once; from each start letter one walk of the term trie finds the longest
    /// whole term (at least three letters), so a run costs at most its length times the longest term.
    private func matchesInSpelledRun(_ ranges: [Range<Int>], _ letters: [UInt8], document: Document,
                                     into result: inout [ProfanityMatch]) {
        if let hit = letters.withUnsafeBufferPointer({ lexicon.match($0) }) {
            result.append(match(hit, range: ranges[0].lowerBound..<ranges[ranges.count - 1].upperBound, key: letters, document: document))
            return
        }
        var start = 0
        while start + 3 <= letters.count {
            guard let end = terms.longestTerm(in: letters, from: start, minimumLength: 3) else {
                start += 1
                continue
            }
            let key = Array(letters[start..<end])
            // The trie holds exactly the lexicon's word keys, so this is a whole-word hit, never a compound.
            if let hit = key.withUnsafeBufferPointer({ lexicon.match($0) }), !hit.isCompound {
                result.append(match(hit, range: ranges[start].lowerBound..<ranges[end - 1].upperBound, key: key, document: document))
                start = end
            } else {
                start += 1
            }
        }
    }

    /// Words glued together with symbols (k@nk€r, kan-ker, kl*te): the joined key, with symbols read as
    /// leet letters or dropped. Also un-flags hyphenated innocent compounds (kanker-onderzoek).
    private func clusterMatches(in document: Document, bytes: UnsafeBufferPointer<UInt8>, existing: [ProfanityMatch]) -> [ProfanityMatch] {
        // Clusters do not overlap one another, so only the matches found before need looking at: by
        // binary search on their starts (a post may hold thousands of both), dropped by marking.
        var dropped = [Bool](repeating: false, count: existing.count)
        var added: [ProfanityMatch] = []
        let byStart = existing.indices.sorted { existing[$0].range.lowerBound < existing[$1].range.lowerBound }
        let longest = existing.lazy.map(\.range.count).max() ?? 0
        /// The matches found before that may overlap `range`: those starting less than `longest` before it.
        func near(_ range: Range<Int>) -> ArraySlice<Int> {
            func firstStarting(atOrAfter offset: Int) -> Int {
                byStart.partitioningIndex { existing[$0].range.lowerBound >= offset }
            }
            return byStart[firstStarting(atOrAfter: range.lowerBound - longest)..<firstStarting(atOrAfter: range.upperBound)]
        }
        func dropMatches(inside range: Range<Int>) {
            for index in near(range) where existing[index].range.lowerBound >= range.lowerBound && existing[index].range.upperBound <= range.upperBound {
                dropped[index] = true
            }
        }
        let tokens = document.tokens
        var start = 0
        while start < tokens.count {
            var end = start + 1
            func joinable(_ token: Token) -> Bool {
                token.isWordLike || Self.isJoiner(token, document.bytes) || Self.leetLetter(token, bytes) != nil
            }
            guard joinable(tokens[start]) else { end = start + 1; start = end; continue }
            while end < tokens.count, tokens[end].start == tokens[end - 1].end, joinable(tokens[end]) { end += 1 }
            defer { start = end }
            guard end - start >= 3 else { continue } // word, symbol, word at the least
            let cluster = tokens[start..<end]
            let words = cluster.filter(\.isWordLike)
            guard words.count >= 2 else { continue }
            let trimmed = Int(words.first!.start)..<Int(words.last!.end)
            let hasAsterisk = cluster.contains { bytes[Int($0.start)] == UInt8(ascii: "*") }
            // Symbols dropped, read as leet letters, or (an asterisk) standing for a vowel: k*tapp, f*ck.
            let readings: [UInt8?] = [nil, 0] + (hasAsterisk ? Array("aeiou".utf8).map { Optional($0) } : [])
            for reading in readings {
                scratch.key.removeAll(keepingCapacity: true)
                var traits: KeyFolder.Traits = []
                // Each word's key is folded on its own and appended: `appendKey` looks for a long run in
                // all of the key it appends to, which made a long cluster (a-b-c-…) quadratic. The long
                // run is looked for once, in the key up to the last word, as those calls together did.
                var keyThroughLastWord = 0
                for token in cluster {
                    let raw = UnsafeBufferPointer(rebasing: bytes[token.byteRange])
                    if token.isWordLike {
                        scratch.word.removeAll(keepingCapacity: true)
                        traits.formUnion(folder.appendKey(of: raw, to: &scratch.word))
                        scratch.key.append(contentsOf: scratch.word)
                        keyThroughLastWord = scratch.key.count
                    } else if let vowel = reading, vowel != 0, raw.count == 1, raw[0] == UInt8(ascii: "*") {
                        scratch.key.append(vowel)
                    } else if reading == 0, let letter = Self.leetLetter(token, bytes) {
                        scratch.key.append(letter)
                    }
                }
                traits.remove(.longRun)
                if scratch.key.withUnsafeBufferPointer({ KeyFolder.hasLongRun(UnsafeBufferPointer(rebasing: $0[..<keyThroughLastWord])) }) {
                    traits.insert(.longRun)
                }
                if scratch.key.withUnsafeBufferPointer({ lexicon.isAllowed($0) }) {
                    dropMatches(inside: trimmed)
                    break
                }
                // An asterisk standing for a vowel (tyf*s) makes the whole cluster the word, over a
                // fragment of it found alone (tyf); other clusters only count where nothing was found.
                let readsVowel = reading.map { $0 != 0 } ?? false
                let alreadyFound = !readsVowel && near(trimmed).contains { !dropped[$0] && existing[$0].range.overlaps(trimmed) }
                if !alreadyFound, let (hit, key) = bestHit(scratch.key, traits: traits) {
                    if readsVowel { dropMatches(inside: trimmed) }
                    added.append(match(hit, range: trimmed, key: key, document: document))
                    break
                }
            }
        }
        return existing.indices.compactMap { dropped[$0] ? nil : existing[$0] } + added
    }

    /// Drops matches lying inside a longer one (the word inside its phrase), keeping text order.
    static func removingContained(_ matches: [ProfanityMatch]) -> [ProfanityMatch] {
        let sorted = matches.sorted {
            $0.range.lowerBound != $1.range.lowerBound ? $0.range.lowerBound < $1.range.lowerBound : $0.range.count > $1.range.count
        }
        var result: [ProfanityMatch] = []
        for candidate in sorted {
            if let last = result.last, last.range.lowerBound <= candidate.range.lowerBound, last.range.upperBound >= candidate.range.upperBound {
                continue
            }
            result.append(candidate)
        }
        return result
    }
}

/// Byte strings as a trie, for finding the longest stored string that starts at a position of a
/// longer one without building a key per candidate length.
struct TermTrie: Sendable {
    /// Children of node `n` are `edges[n]`, sorted by byte; node 0 is the root.
    private var edges: [[(byte: UInt8, node: Int32)]] = [[]]
    private var isTerm: [Bool] = [false]

    mutating func insert(_ key: [UInt8]) {
        var node = 0
        for byte in key {
            if let next = child(of: node, byte) {
                node = next
            } else {
                let next = edges.count
                edges.append([])
                isTerm.append(false)
                let position = edges[node].firstIndex { $0.byte > byte } ?? edges[node].count
                edges[node].insert((byte, Int32(next)), at: position)
                node = next
            }
        }
        isTerm[node] = true
    }

    private func child(of node: Int, _ byte: UInt8) -> Int? {
        for edge in edges[node] {
            if edge.byte == byte { return Int(edge.node) }
            if edge.byte > byte { return nil }
        }
        return nil
    }

    /// The end of the longest stored string equal to `bytes[start..<end]` with at least
    /// `minimumLength` bytes; the walk stops where no stored string goes on.
    func longestTerm(in bytes: [UInt8], from start: Int, minimumLength: Int) -> Int? {
        var node = 0
        var found: Int?
        var position = start
        while position < bytes.count, let next = child(of: node, bytes[position]) {
            node = next
            position += 1
            if isTerm[node], position - start >= minimumLength { found = position }
        }
        return found
    }
}
