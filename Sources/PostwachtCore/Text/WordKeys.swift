/// The matching key of every word and number token of one document, computed once and shared by all
/// rules, in one flat buffer: no array per word, so the scan retains and releases nothing per token.
///
/// Reused from document to document by one `Checker`; a key buffer handed out is valid until the next
/// `rebuild`. Not thread-safe. Its fields skip Swift's dynamic exclusivity check
/// (`@exclusivity(unchecked)`): every rule reads keys and facets per word, and only `rebuild` writes them.
final class WordKeys {
    private let folder: KeyFolder
    @exclusivity(unchecked) private var buffer = KeyBuffer(capacity: 4096)
    /// Per token: where its key lies in `buffer` (start < 0: no key) and what it holds. Raw storage:
    /// `Array.append` checks uniqueness for every token.
    @exclusivity(unchecked) private var slots: UnsafeMutablePointer<Slot>
    @exclusivity(unchecked) private var slotCapacity = 1024
    /// What the whole document holds, so rarer passes can be skipped.
    @exclusivity(unchecked) public private(set) var documentTraits = DocumentTraits()
    @exclusivity(unchecked) private var scratch: [UInt8] = []
    /// Shared by every checker of a linter: made once, read-only.
    private let tables: KeyTables
    private let asciiKeys: UnsafePointer<UInt16>
    private let twoByteKeys: UnsafePointer<UInt32>
    /// Which word lists each key is in, found while keying: every rule then reads a bit per word.
    private let facetTable: LexiconFacets

    /// Longest token worth keying; longer ones are URLs or spam, and no lexicon entry is near this long.
    static let maximumWordBytes = 128

    private struct Slot {
        var start: Int32
        var end: Int32
        var traits: KeyFolder.Traits
        var facet: LexiconFacets.Facet
        var hash: UInt64
        static let none = Slot(start: -1, end: -1, traits: [], facet: [], hash: 0)
    }

    struct DocumentTraits: OptionSet, Sendable {
        let rawValue: UInt8
        init(rawValue: UInt8) { self.rawValue = rawValue }
        /// Two single-character words at most one token apart (k a n k e r, k-u-t).
        static let singleCharacterRun = DocumentTraits(rawValue: 1)
        /// A punctuation or symbol token glued between two tokens (k@nk€r, kan-ker, kl*te).
        static let gluedSymbol = DocumentTraits(rawValue: 2)
    }

    init(folder: KeyFolder, tables: KeyTables, facets: LexiconFacets) {
        self.folder = folder
        self.tables = tables
        facetTable = facets
        asciiKeys = tables.ascii
        twoByteKeys = tables.twoByte
        slots = .allocate(capacity: slotCapacity)
    }

    deinit {
        slots.deallocate()
        buffer.deallocate()
    }

    // Works on local copies of the stored properties, which the loop then keeps in registers.
    func rebuild(for document: Document) {
        let tokens = document.tokens
        if tokens.count > slotCapacity {
            slots.deallocate()
            slotCapacity = max(tokens.count, 2 * slotCapacity)
            slots = .allocate(capacity: slotCapacity)
        }
        let slots = self.slots
        var buffer = self.buffer
        buffer.used = 0
        var traits = DocumentTraits()
        var lastSingleWord = Int.min / 2
        var previousEnd: Int32 = -1
        var previousWasGluedSymbol = false
        let facetTable = self.facetTable
        document.bytes.withUnsafeBufferPointer { bytes in
            for (index, token) in tokens.enumerated() {
                let length = token.byteCount
                if token.isWordLike, length == 1 || (length <= 4 && Self.isOneScalar(bytes, token)) {
                    if index - lastSingleWord <= 2 { traits.insert(.singleCharacterRun) }
                    lastSingleWord = index
                }
                let glued = token.start == previousEnd
                if glued, previousWasGluedSymbol { traits.insert(.gluedSymbol) }
                previousWasGluedSymbol = glued && token.kind == .other
                previousEnd = token.end
                guard token.isWordLike, length <= Self.maximumWordBytes else {
                    (slots + index).initialize(to: .none)
                    continue
                }
                let start = buffer.used
                let wordTraits = appendKey(of: UnsafeBufferPointer(rebasing: bytes[token.byteRange]), to: &buffer)
                let key = UnsafeBufferPointer(start: buffer.storage + start, count: buffer.used - start)
                let hash = ByteHash.of(key)
                let facet = facetTable.facet(of: key, hash: hash)
                (slots + index).initialize(to: Slot(start: Int32(start), end: Int32(buffer.used), traits: wordTraits, facet: facet, hash: hash))
            }
        }
        self.buffer = buffer
        documentTraits = traits
    }

    /// ASCII words, nearly all of them, are keyed here byte by byte; others go through `KeyFolder`.
    @inline(__always)
    private func appendKey(of word: UnsafeBufferPointer<UInt8>, to buffer: inout KeyBuffer) -> KeyFolder.Traits {
        buffer.reserve(2 * word.count)
        let asciiKeys = self.asciiKeys
        let start = buffer.storage + buffer.used
        var output = start
        var traits: UInt8 = 0
        var isSimple = true
        var position = 0
        let count = word.count
        while position < count {
            let byte = word[position]
            let entry = asciiKeys[Int(byte)]
            if entry > 1 {
                output.pointee = UInt8(truncatingIfNeeded: entry)
                output += 1
                traits |= UInt8(truncatingIfNeeded: entry >> 8)
                position += 1
                continue
            }
            if entry == 1 { position += 1; continue }
            // Two-byte letters (é, ĳ, ø, Cyrillic а) fold through a table made with KeyFolder itself.
            guard byte &- 0xC2 < 0x1E, position + 1 < count else { isSimple = false; break }
            var packed = twoByteKeys[Int(byte & 0x1F) << 6 | Int(word[position + 1] & 0x3F)]
            guard packed != 0 else { isSimple = false; break }
            while packed != 0 {
                output.pointee = UInt8(truncatingIfNeeded: packed)
                output += 1
                packed >>= 8
            }
            traits |= KeyFolder.Traits.letters.rawValue
            position += 2
        }
        if isSimple {
            let written = output - start
            var keyTraits = KeyFolder.Traits(rawValue: traits)
            if written >= 3, KeyFolder.hasLongRun(UnsafeBufferPointer(start: start, count: written)) { keyTraits.insert(.longRun) }
            buffer.used += written
            return keyTraits
        }
        scratch.removeAll(keepingCapacity: true)
        let keyTraits = folder.appendKey(of: word, to: &scratch)
        scratch.withUnsafeBufferPointer { buffer.append($0) }
        return keyTraits
    }

    @inline(__always)
    private static func isOneScalar(_ bytes: UnsafeBufferPointer<UInt8>, _ token: Token) -> Bool {
        let first = bytes[Int(token.start)]
        let expected = first < 0x80 ? 1 : first < 0xE0 ? 2 : first < 0xF0 ? 3 : 4
        return token.byteCount == expected
    }

    /// The key of token `index`; empty for punctuation, symbols and over-long tokens.
    @inline(__always)
    func key(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        let slot = slots[index]
        guard slot.start >= 0 else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: buffer.storage + Int(slot.start), count: Int(slot.end - slot.start))
    }

    @inline(__always)
    func traits(_ index: Int) -> KeyFolder.Traits { slots[index].traits }

    /// The word lists token `index` is in (empty for tokens without a key).
    @inline(__always)
    func facet(_ index: Int) -> LexiconFacets.Facet { slots[index].facet }

    /// `ByteHash` of the key of token `index`, for table lookups.
    @inline(__always)
    func hash(_ index: Int) -> UInt64 { slots[index].hash }

    func keyString(_ index: Int) -> String { String(decoding: key(index), as: UTF8.self) }
}

/// A growable byte buffer with a stable address between growths, freed by its owner.
struct KeyBuffer {
    private(set) var storage: UnsafeMutablePointer<UInt8>
    private(set) var capacity: Int
    var used = 0

    init(capacity: Int) {
        self.capacity = capacity
        storage = .allocate(capacity: capacity)
    }

    func deallocate() { storage.deallocate() }

    @inline(__always)
    mutating func reserve(_ extra: Int) {
        if used + extra > capacity { grow(to: used + extra) }
    }

    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        reserve(bytes.count)
        if let base = bytes.baseAddress { (storage + used).update(from: base, count: bytes.count) }
        used += bytes.count
    }

    private mutating func grow(to needed: Int) {
        let newCapacity = max(needed, capacity * 2)
        let newStorage = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newStorage.update(from: storage, count: used)
        storage.deallocate()
        storage = newStorage
        capacity = newCapacity
    }
}

/// The byte tables `WordKeys` keys words with, made once per set of lexicons (folding 2,048 letters
/// through ICU is start-up work, not per-checker work). Immutable after `init`, hence Sendable.
final class KeyTables: @unchecked Sendable {
    /// Per ASCII byte: 0 = not ASCII (fold with ICU instead), 1 = dropped from keys, else key byte | traits << 8.
    let ascii: UnsafePointer<UInt16>
    /// Per two-byte scalar (U+0080–U+07FF) that is a letter: its key (up to 4 bytes, zero-padded) as
    /// `KeyFolder` makes it for that letter alone; 0 when the word must go through `KeyFolder` whole.
    let twoByte: UnsafePointer<UInt32>

    init(folder: KeyFolder) {
        let ascii = UnsafeMutablePointer<UInt16>.allocate(capacity: 256)
        for byte in 0..<256 {
            var key: [UInt8] = []
            var traits = KeyFolder.Traits()
            if byte < 0x80 { KeyFolder.appendASCII(UInt8(byte), to: &key, traits: &traits) }
            (ascii + byte).initialize(to: byte >= 0x80 ? 0 : key.isEmpty ? 1 : UInt16(key[0]) | UInt16(traits.rawValue) << 8)
        }
        let twoByte = UnsafeMutablePointer<UInt32>.allocate(capacity: 0x800)
        for scalar in 0..<0x800 {
            var packed: UInt32 = 0
            if scalar >= 0x80, let character = Unicode.Scalar(scalar), character.properties.isAlphabetic {
                let key = folder.key(of: String(Character(character)))
                // Only single letters folding to 1–4 ASCII letters: their key does not depend on neighbours.
                if (1...4).contains(key.count), key.allSatisfy({ $0 &- UInt8(ascii: "a") < 26 }) {
                    for (offset, byte) in key.enumerated() { packed |= UInt32(byte) << (8 * offset) }
                }
            }
            (twoByte + scalar).initialize(to: packed)
        }
        self.ascii = UnsafePointer(ascii)
        self.twoByte = UnsafePointer(twoByte)
    }

    deinit {
        UnsafeMutablePointer(mutating: ascii).deallocate()
        UnsafeMutablePointer(mutating: twoByte).deallocate()
    }
}
