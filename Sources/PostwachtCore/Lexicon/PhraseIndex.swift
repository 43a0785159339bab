/// Multi-word terms, matched word by word against a document's keys and found through their last literal
/// word (the anchor), so a document costs one table lookup per word however many phrases there are.
///
/// A phrase word is a key, `*` (any one word) or a named slot `{insult}` that the caller decides; words
/// after the anchor ("volg me op *", "jij bent een {insult}") are matched forwards from it.
/// Words stay in one flat byte array, so matching retains nothing. A class, because matching calls back
/// into its caller: a struct held by a class would be copied for every such call. Phrases are only
/// inserted while lexicons load; afterwards it is read-only (hence the unchecked `Sendable`, and fields
/// without the dynamic exclusivity check that every read from every thread would otherwise pay).
final class PhraseIndex: @unchecked Sendable {
    enum Gap: Sendable {
        /// Only white space between the words: "krijg de tering".
        case whitespace
        /// Also commas, semicolons, colons and dashes: "dit is, op persoonlijke titel".
        case clausePunctuation
    }

    private enum Word: Sendable {
        case key(offset: Int32, length: Int32)
        case any
        case slot(Int)
    }

    private struct Phrase: Sendable {
        var firstWord: Int32
        var wordCount: Int32
        /// Position of the anchor among the phrase's words.
        var anchor: Int32
        var value: Int32
        /// The next phrase with the same last word, or -1.
        var next: Int32
    }

    @exclusivity(unchecked) private var storage: [UInt8] = []
    @exclusivity(unchecked) private var words: [Word] = []
    @exclusivity(unchecked) private var phrases: [Phrase] = []
    /// Phrases with no literal word right before their anchor, by anchor key.
    @exclusivity(unchecked) private var byLastWord = ByteStringTable<Int32>()
    /// Phrases with a literal word right before the anchor, by "previous word 0x00 anchor": common anchors
    /// (een, je, op) then cost one probe, not a walk per phrase.
    @exclusivity(unchecked) private var byPair = ByteStringTable<Int32>()
    @exclusivity(unchecked) private var anchors = ByteStringTable<Bool>()
    let gap: Gap
    let slotNames: [String]

    init(gap: Gap = .whitespace, slotNames: [String] = []) {
        self.gap = gap
        self.slotNames = slotNames
    }

    var isEmpty: Bool { phrases.isEmpty }

    /// The anchor key of every phrase.
    func forEachAnchor(_ body: ([UInt8]) -> Void) { anchors.forEachKey(body) }
    var count: Int { phrases.count }

    enum InsertError: Error, Equatable {
        case empty
        case noLiteralWord
        case unknownSlot(String)
    }

    /// Adds a phrase of space-separated words; `value` comes back with every match.
    func insert(_ phrase: String, value: Int, folder: KeyFolder) throws(InsertError) {
        var parsed: [Word] = []
        var lastKey: [UInt8] = []
        var previousKey: [UInt8] = []
        var anchor = -1
        for word in phrase.split(separator: " ") {
            if word == "*" {
                parsed.append(.any)
            } else if word.hasPrefix("{"), word.hasSuffix("}") {
                let name = String(word.dropFirst().dropLast())
                guard let slot = slotNames.firstIndex(of: name) else { throw .unknownSlot(name) }
                parsed.append(.slot(slot))
            } else {
                let key = folder.key(of: String(word))
                guard !key.isEmpty else { continue }
                previousKey = anchor == parsed.count - 1 && anchor >= 0 ? lastKey : []
                parsed.append(.key(offset: Int32(storage.count), length: Int32(key.count)))
                storage.append(contentsOf: key)
                lastKey = key
                anchor = parsed.count - 1
            }
        }
        guard !parsed.isEmpty else { throw .empty }
        guard anchor >= 0 else { throw .noLiteralWord }
        let chainKey = previousKey.isEmpty ? lastKey : previousKey + [0] + lastKey
        let head = (previousKey.isEmpty ? byLastWord : byPair).value(for: chainKey) ?? -1
        phrases.append(Phrase(firstWord: Int32(words.count), wordCount: Int32(parsed.count), anchor: Int32(anchor),
                              value: Int32(value), next: head))
        if previousKey.isEmpty {
            byLastWord.set(Int32(phrases.count - 1), for: chainKey)
        } else {
            byPair.set(Int32(phrases.count - 1), for: chainKey)
        }
        anchors.set(true, for: lastKey)
        words.append(contentsOf: parsed)
    }

    /// Calls `body(value, firstTokenIndex, lastTokenIndex)` for every phrase anchored at token `index`.
    func forEachMatch(anchoredAt index: Int, in document: Document, keys: WordKeys,
                      slot isFilled: (Int, Int) -> Bool = { _, _ in false },
                      _ body: (Int, Int, Int) -> Void) {
        let anchorKey = keys.key(index)
        guard !anchorKey.isEmpty, anchors.value(for: anchorKey, hash: keys.hash(index)) != nil else { return }
        let single = byLastWord.value(for: anchorKey, hash: keys.hash(index)).map(Int.init) ?? -1
        var paired = -1
        if byPair.count > 0, let previous = previousWord(before: index, tokens: document.tokens, document: document) {
            let previousKey = keys.key(previous)
            let length = previousKey.count + 1 + anchorKey.count
            if !previousKey.isEmpty, length <= 256 {
                paired = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: length) { pair in
                    _ = pair.initialize(from: previousKey)
                    pair[previousKey.count] = 0
                    _ = UnsafeMutableBufferPointer(rebasing: pair[(previousKey.count + 1)...]).initialize(from: anchorKey)
                    return byPair.value(for: UnsafeBufferPointer(pair)).map(Int.init) ?? -1
                }
            }
        }
        guard single >= 0 || paired >= 0 else { return }
        storage.withUnsafeBufferPointer { stored in
            if single >= 0 { walkChain(from: single, anchoredAt: index, document: document, keys: keys, stored: stored, isFilled: isFilled, body) }
            if paired >= 0 { walkChain(from: paired, anchoredAt: index, document: document, keys: keys, stored: stored, isFilled: isFilled, body) }
        }
    }

    private func walkChain(from start: Int, anchoredAt index: Int, document: Document, keys: WordKeys, stored: UnsafeBufferPointer<UInt8>,
                           isFilled: (Int, Int) -> Bool, _ body: (Int, Int, Int) -> Void) {
        var phraseIndex = start
        while phraseIndex >= 0 {
            let phrase = phrases[phraseIndex]
            let anchorWord = Int(phrase.firstWord + phrase.anchor)
            if let first = walk(phrase, from: index, word: anchorWord, step: -1, document: document, keys: keys, stored: stored, isFilled: isFilled),
               let last = walk(phrase, from: index, word: anchorWord, step: 1, document: document, keys: keys, stored: stored, isFilled: isFilled) {
                body(Int(phrase.value), first, last)
            }
            phraseIndex = Int(phrase.next)
        }
    }

    /// Walks the phrase from its anchor backwards (step -1) or forwards (+1); the token where it ends if
    /// every word fits.
    private func walk(_ phrase: Phrase, from index: Int, word anchorWord: Int, step: Int, document: Document, keys: WordKeys,
                      stored: UnsafeBufferPointer<UInt8>, isFilled: (Int, Int) -> Bool) -> Int? {
        let tokens = document.tokens
        let endWord = step < 0 ? Int(phrase.firstWord) : Int(phrase.firstWord + phrase.wordCount) - 1
        var tokenIndex = index
        var wordIndex = anchorWord
        while wordIndex != endWord {
            wordIndex += step
            let neighbour = step < 0 ? previousWord(before: tokenIndex, tokens: tokens, document: document)
                                     : nextWord(after: tokenIndex, tokens: tokens, document: document)
            guard let neighbour else { return nil }
            tokenIndex = neighbour
            switch words[wordIndex] {
            case .any:
                break
            case .slot(let slot):
                guard isFilled(slot, tokenIndex) else { return nil }
            case .key(let offset, let length):
                let key = keys.key(tokenIndex)
                guard key.count == Int(length),
                      key.baseAddress!.hasSameBytes(as: stored.baseAddress! + Int(offset), count: Int(length)) else { return nil }
            }
        }
        return tokenIndex
    }

    /// The word token after `index` if only an allowed gap lies between them.
    private func nextWord(after index: Int, tokens: [Token], document: Document) -> Int? {
        var candidate = index + 1
        var gapStart = Int(tokens[index].end)
        while candidate < tokens.count {
            let token = tokens[candidate]
            if token.isWordLike {
                return document.isWhitespaceGap(from: gapStart, to: Int(token.start)) || Int(token.start) == gapStart && gap == .clausePunctuation
                    ? candidate : nil
            }
            guard gap == .clausePunctuation, token.byteCount == 1, Self.clausePunctuation(document.bytes[Int(token.start)]),
                  document.isWhitespaceGap(from: gapStart, to: Int(token.start)) || Int(token.start) == gapStart else { return nil }
            gapStart = Int(token.end)
            candidate += 1
        }
        return nil
    }

    /// The word token before `index` if only an allowed gap lies between them.
    private func previousWord(before index: Int, tokens: [Token], document: Document) -> Int? {
        var candidate = index - 1
        var gapEnd = Int(tokens[index].start)
        while candidate >= 0 {
            let token = tokens[candidate]
            if token.isWordLike {
                return document.isWhitespaceGap(from: Int(token.end), to: gapEnd) || Int(token.end) == gapEnd && gap == .clausePunctuation
                    ? candidate : nil
            }
            guard gap == .clausePunctuation, token.byteCount == 1, Self.clausePunctuation(document.bytes[Int(token.start)]),
                  document.isWhitespaceGap(from: Int(token.end), to: gapEnd) || Int(token.end) == gapEnd else { return nil }
            gapEnd = Int(token.start)
            candidate -= 1
        }
        return nil
    }

    private static func clausePunctuation(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ",") || byte == UInt8(ascii: ";") || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "-")
    }
}
