import CPostwachtICU

/// Builds the matching key of a word: the form lexicon entries are stored under.
///
/// Key = NFKC casefold, then each non-ASCII letter replaced by its ICU confusable skeleton with accents
/// dropped (Cyrillic а → a, é → e, ø → o), then `.` `'` `’` `_` removed (t.y.f.u.s, z'n). Leet digits and
/// repeated letters are separate variants (`leetVariant`, `squeezed`), tried only when the plain key
/// finds nothing. ASCII words — nearly all of them — never leave the byte loop.
/// Not thread-safe (it caches skeletons): one per scanner.
package final class KeyFolder {
    private var confusableCache: [UInt32: [UInt8]] = [:]
    private var folded = [UInt8](repeating: 0, count: 512)
    /// Look-alikes the skeleton leaves non-Latin (Cyrillic к → ĸ): Lexicons/letter-lookalikes.tsv.
    private let lookalikes: [UInt32: [UInt8]]

    package init(lookalikes: [UInt32: [UInt8]] = [:]) {
        self.lookalikes = lookalikes
    }

    struct Traits: OptionSet, Sendable {
        let rawValue: UInt8
        init(rawValue: UInt8) { self.rawValue = rawValue }
        static let letters = Traits(rawValue: 1)
        static let digits = Traits(rawValue: 2)
        /// `@` or `$`, which stand for letters in leetspeak.
        static let leetSymbols = Traits(rawValue: 4)
        /// Three or more of the same character in a row (kuuuut).
        static let longRun = Traits(rawValue: 8)
    }

    /// Appends the key of `bytes` to `key` and reports what kinds of characters it holds.
    @discardableResult
    func appendKey(of bytes: UnsafeBufferPointer<UInt8>, to key: inout [UInt8]) -> Traits {
        var traits: Traits = []
        var isASCII = true
        for byte in bytes where byte >= 0x80 { isASCII = false; break }
        if isASCII {
            for byte in bytes { KeyFolder.appendASCII(byte, to: &key, traits: &traits) }
        } else {
            appendFoldedUnicode(bytes, to: &key, traits: &traits)
        }
        if KeyFolder.hasLongRun(key) { traits.insert(.longRun) }
        return traits
    }

    package func key(of text: String) -> [UInt8] {
        var bytes = Array(text.utf8)
        var key: [UInt8] = []
        bytes.withUnsafeMutableBufferPointer { buffer in
            _ = appendKey(of: UnsafeBufferPointer(buffer), to: &key)
        }
        return key
    }

    @inline(__always)
    static func appendASCII(_ byte: UInt8, to key: inout [UInt8], traits: inout Traits) {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"):
            key.append(byte); traits.insert(.letters)
        case UInt8(ascii: "A")...UInt8(ascii: "Z"):
            key.append(byte | 0x20); traits.insert(.letters)
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            key.append(byte); traits.insert(.digits)
        case UInt8(ascii: "@"), UInt8(ascii: "$"):
            key.append(byte); traits.insert(.leetSymbols)
        default:
            break // . ' _ , ; and other joiners are not part of a key
        }
    }

    private func appendFoldedUnicode(_ bytes: UnsafeBufferPointer<UInt8>, to key: inout [UInt8], traits: inout Traits) {
        var length = foldCase(bytes)
        if length < 0 { length = 0 }
        var iterator = folded[0..<length].makeIterator()
        var decoder = UTF8()
        while case .scalarValue(let scalar) = decoder.decode(&iterator) {
            if scalar.value < 0x80 {
                KeyFolder.appendASCII(UInt8(scalar.value), to: &key, traits: &traits)
                continue
            }
            if scalar.value == 0x2019 || scalar.value == 0x2018 { continue } // typographic apostrophes
            let replacement = confusableFold(scalar)
            if !replacement.isEmpty { traits.insert(.letters) }
            key.append(contentsOf: replacement)
        }
    }

    private func foldCase(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let needed = folded.withUnsafeMutableBufferPointer { out in
            Int(pw_casefold(bytes.baseAddress, Int32(bytes.count), out.baseAddress, Int32(out.count)))
        }
        guard needed > folded.count else { return needed }
        folded = [UInt8](repeating: 0, count: needed)
        return folded.withUnsafeMutableBufferPointer { out in
            Int(pw_casefold(bytes.baseAddress, Int32(bytes.count), out.baseAddress, Int32(out.count)))
        }
    }

    /// A casefolded non-ASCII scalar as key bytes: the ASCII letters its skeleton stands for, or the scalar
    /// itself without combining marks when the skeleton is not plain ASCII; nothing for a lone mark.
    private func confusableFold(_ scalar: Unicode.Scalar) -> [UInt8] {
        if let cached = confusableCache[scalar.value] { return cached }
        let result = computeConfusableFold(scalar)
        confusableCache[scalar.value] = result
        return result
    }

    private func computeConfusableFold(_ scalar: Unicode.Scalar) -> [UInt8] {
        if pw_is_combining_mark(scalar.value) == 1 { return [] }
        if let latin = lookalikes[scalar.value] { return latin }
        let input = Array(String(Character(scalar)).utf8)
        var output = [UInt8](repeating: 0, count: 64)
        let length = input.withUnsafeBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                Int(pw_skeleton(inBuffer.baseAddress, Int32(inBuffer.count), outBuffer.baseAddress, Int32(outBuffer.count)))
            }
        }
        guard length > 0, length <= output.count else { return input }
        var letters: [UInt8] = []
        var onlyASCIILetters = true
        var decoder = UTF8()
        var iterator = output[0..<length].makeIterator()
        while case .scalarValue(let part) = decoder.decode(&iterator) {
            if pw_is_combining_mark(part.value) == 1 { continue }
            guard part.value < 0x80, let ascii = Optional(UInt8(part.value)),
                  ASCIIClass.of(ascii) == .letter || ASCIIClass.of(ascii) == .digit else {
                onlyASCIILetters = false
                break
            }
            letters.append(ascii | (ASCIIClass.of(ascii) == .letter ? 0x20 : 0))
        }
        if !onlyASCIILetters, let skeleton = String(validating: output[0..<length], as: UTF8.self),
           skeleton.unicodeScalars.count == 1, let latin = lookalikes[skeleton.unicodeScalars.first!.value] {
            return latin
        }
        guard onlyASCIILetters, !letters.isEmpty else { return Array(String(Character(scalar)).utf8) }
        // The skeleton of m is "rn"; a single scalar that looks like "rn" looks like m.
        if letters == Array("rn".utf8) { return [UInt8(ascii: "m")] }
        return letters
    }

    static func hasLongRun(_ key: [UInt8]) -> Bool {
        key.withUnsafeBufferPointer { hasLongRun($0) }
    }

    static func hasLongRun(_ key: UnsafeBufferPointer<UInt8>) -> Bool {
        guard key.count >= 3 else { return false }
        for index in 2..<key.count where key[index] == key[index - 1] && key[index] == key[index - 2] {
            return true
        }
        return false
    }

    /// The key with leetspeak undone: 4→a 3→e 0→o 5→s 7→t 8→b 9→g @→a $→s, and 1 → `one` (i or l).
    static func leetVariant(of key: [UInt8], one: UInt8, into output: inout [UInt8]) {
        output.removeAll(keepingCapacity: true)
        for byte in key {
            switch byte {
            case UInt8(ascii: "4"), UInt8(ascii: "@"): output.append(UInt8(ascii: "a"))
            case UInt8(ascii: "3"): output.append(UInt8(ascii: "e"))
            case UInt8(ascii: "1"): output.append(one)
            case UInt8(ascii: "0"): output.append(UInt8(ascii: "o"))
            case UInt8(ascii: "5"), UInt8(ascii: "$"): output.append(UInt8(ascii: "s"))
            case UInt8(ascii: "7"): output.append(UInt8(ascii: "t"))
            case UInt8(ascii: "8"): output.append(UInt8(ascii: "b"))
            case UInt8(ascii: "9"): output.append(UInt8(ascii: "g"))
            default: output.append(byte)
            }
        }
    }

    /// The key with every run of three or more equal characters cut to `keep` (1 or 2).
    static func squeezed(_ key: [UInt8], keep: Int, into output: inout [UInt8]) {
        output.removeAll(keepingCapacity: true)
        var index = 0
        while index < key.count {
            var runEnd = index + 1
            while runEnd < key.count, key[runEnd] == key[index] { runEnd += 1 }
            let runLength = runEnd - index
            let kept = runLength >= 3 ? keep : runLength
            for _ in 0..<kept { output.append(key[index]) }
            index = runEnd
        }
    }
}
