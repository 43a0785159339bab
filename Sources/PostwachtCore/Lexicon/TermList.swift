/// Terms of one lexicon, one word or several, each with a value; looked up by a document's word keys.
/// Single words sit in a hash table (one probe per word, with the hash `WordKeys` already made);
/// multi-word terms in a `PhraseIndex` found through their last word.
///
/// A class so that rules share it instead of copying its tables (a copy retains each of them). Terms are
/// only inserted while the lexicons load, before any checker runs; after that it is read-only, which is
/// what makes the unchecked `Sendable` sound, and the unchecked exclusivity of its fields.
final class TermList<Value: Sendable>: @unchecked Sendable {
    @exclusivity(unchecked) private(set) var words = ByteStringTable<Value>()
    private let phrases: PhraseIndex
    @exclusivity(unchecked) private var phraseValues: [Value] = []

    init(gap: PhraseIndex.Gap = .whitespace, slotNames: [String] = []) {
        phrases = PhraseIndex(gap: gap, slotNames: slotNames)
    }

    var count: Int { words.count + phrases.count }

    /// Every key a term of this list can be found through: single words and phrase anchors.
    func forEachLookupKey(_ body: ([UInt8]) -> Void) {
        words.forEachKey(body)
        phrases.forEachAnchor(body)
    }

    /// Adds a term; a term made of several words (separated by spaces) becomes a phrase.
    /// Returns false when the term has no letters or digits to match on.
    @discardableResult
    func insert(_ term: String, value: Value, folder: KeyFolder) -> Bool {
        let parts = term.split(separator: " ")
        if parts.count == 1, parts[0] != "*", !parts[0].hasPrefix("{") {
            let key = folder.key(of: term)
            guard !key.isEmpty else { return false }
            words.set(value, for: key)
            return true
        }
        do {
            try phrases.insert(term, value: phraseValues.count, folder: folder)
        } catch {
            return false
        }
        phraseValues.append(value)
        return true
    }

    /// The value of the single-word term equal to token `index`'s key.
    @inline(__always)
    func value(at index: Int, keys: WordKeys) -> Value? {
        let key = keys.key(index)
        guard !key.isEmpty else { return nil }
        return words.value(for: key, hash: keys.hash(index))
    }

    /// Calls `body(value, firstTokenIndex, lastTokenIndex)` for every term, one word or several, anchored at
    /// token `index` (its last literal word; slots after it reach further).
    func forEachTerm(anchoredAt index: Int, in document: Document, keys: WordKeys,
                     slot isFilled: (Int, Int) -> Bool = { _, _ in false }, _ body: (Value, Int, Int) -> Void) {
        if let value = value(at: index, keys: keys) { body(value, index, index) }
        guard !phrases.isEmpty else { return }
        phrases.forEachMatch(anchoredAt: index, in: document, keys: keys, slot: isFilled) { valueIndex, first, last in
            body(phraseValues[valueIndex], first, last)
        }
    }

    /// Calls `body(value, firstTokenIndex)` for every term that ends at token `index`.
    func forEachTerm(endingAt index: Int, in document: Document, keys: WordKeys, _ body: (Value, Int) -> Void) {
        forEachTerm(anchoredAt: index, in: document, keys: keys) { value, first, last in
            if last == index { body(value, first) }
        }
    }

    /// The first token of the longest term ending at token `index`, with its value.
    func longestTerm(endingAt index: Int, in document: Document, keys: WordKeys) -> (value: Value, first: Int)? {
        var best: (value: Value, first: Int)?
        forEachTerm(endingAt: index, in: document, keys: keys) { value, first in
            if best == nil || first < best!.first { best = (value, first) }
        }
        return best
    }
}

extension LexiconFile {
    /// Reads rows as term<TAB>value, the value parsed by `parse` (which names what it expected when it fails).
    func termList<Value: Sendable>(columns: Int, gap: PhraseIndex.Gap = .whitespace, slotNames: [String] = [], folder: KeyFolder,
                                   _ parse: ([String]) -> Value?) throws(LexiconError) -> TermList<Value> {
        let list = TermList<Value>(gap: gap, slotNames: slotNames)
        for row in rows {
            guard row.fields.count >= columns, !row.fields[0].isEmpty, let value = parse(row.fields) else {
                throw error(row, "expected \(columns) tab-separated fields as the header describes, found '\(row.fields.joined(separator: "<TAB>"))'")
            }
            guard list.insert(row.fields[0], value: value, folder: folder) else {
                throw error(row, "'\(row.fields[0])' has nothing to match on")
            }
        }
        return list
    }
}
