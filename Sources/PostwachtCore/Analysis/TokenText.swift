/// Small questions rules ask about tokens and the bytes between them.
extension Document {
    @inline(__always)
    func firstByte(_ index: Int) -> UInt8 { bytes[Int(tokens[index].start)] }

    /// The ASCII digits of a token, separators left out ("12.345" → "12345").
    func digits(of index: Int) -> [UInt8] {
        bytes[tokens[index].byteRange].filter { $0 &- UInt8(ascii: "0") < 10 }
    }

    /// How many digits token `index` holds and, up to 18 of them, the number they make — without an
    /// array: most number tokens (times, counts) are looked at and let go.
    func digitValue(of index: Int) -> (count: Int, value: Int) {
        var count = 0, value = 0
        for byte in bytes[tokens[index].byteRange] where byte &- UInt8(ascii: "0") < 10 {
            count += 1
            if count <= 18 { value = value * 10 + Int(byte &- UInt8(ascii: "0")) }
        }
        return (count, value)
    }

    /// Whether token `index` is all ASCII digits (no separators, no letters).
    func isPlainNumber(_ index: Int) -> Bool {
        tokens[index].kind == .number && bytes[tokens[index].byteRange].allSatisfy { $0 &- UInt8(ascii: "0") < 10 }
    }

    /// Whether the token is the one-byte character `character`.
    @inline(__always)
    func isCharacter(_ index: Int, _ character: Unicode.Scalar) -> Bool {
        index >= 0 && index < tokens.count && tokens[index].byteCount == 1 && firstByte(index) == UInt8(ascii: character)
    }

    /// Whether the word starts with an upper-case letter (Sanne, Émile, Özil).
    func isCapitalized(_ index: Int) -> Bool {
        guard tokens[index].kind == .word else { return false }
        let first = firstByte(index)
        if first < 0x80 { return first &- UInt8(ascii: "A") < 26 }
        var iterator = bytes[tokens[index].byteRange].makeIterator()
        var decoder = UTF8()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return false }
        return scalar.properties.isUppercase
    }

    /// Whether the word is written in upper-case ASCII letters only (AB, NL).
    func isUppercaseASCII(_ index: Int) -> Bool {
        tokens[index].kind == .word && bytes[tokens[index].byteRange].allSatisfy { $0 &- UInt8(ascii: "A") < 26 }
    }

    /// Whether tokens `left` and `right` (left before right) are separated by at most `limit` spaces or tabs,
    /// with no line break.
    func isSpaced(_ left: Int, _ right: Int, limit: Int = 2) -> Bool {
        let start = Int(tokens[left].end), end = Int(tokens[right].start)
        guard end > start, end - start <= 3 * limit, let spaces = spaceCount(from: start, to: end, allowingNewline: false) else { return false }
        return spaces <= limit
    }

    @inline(__always)
    func isGlued(_ left: Int, _ right: Int) -> Bool { tokens[left].end == tokens[right].start }

    /// Whether a sentence starts at token `index`: first in the text, after . ! ? or a line break.
    func startsSentence(_ index: Int) -> Bool {
        var previous = index - 1
        while previous >= 0 {
            let token = tokens[previous]
            if token.isWordLike { break }
            let byte = bytes[Int(token.start)]
            if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: ":") { return true }
            if token.byteCount > 1 || byte >= 0x80 { return true } // emoji and other symbols end a thought
            if byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "'") && byte != UInt8(ascii: "(") { return false }
            previous -= 1
        }
        guard previous >= 0 else { return true }
        let between = bytes[Int(tokens[previous].end)..<Int(tokens[index].start)]
        return between.contains(0x0A)
    }

    /// Whether token `index` ends a sentence: . ! or ?, but not the dot of an abbreviation.
    func endsSentence(_ index: Int) -> Bool {
        guard tokens[index].kind == .other else { return false }
        let byte = firstByte(index)
        if byte == UInt8(ascii: ".") { return !isAbbreviationDot(index) }
        return byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?")
    }

    /// "Sanne (geb. 2015) heeft", "o.a. groep 5", "ca. 20 kinderen": a dot glued to a short word and
    /// followed by a lowercase word or a number, where a new sentence would start with a capital.
    private func isAbbreviationDot(_ index: Int) -> Bool {
        guard index > 0, index + 1 < tokens.count, tokens[index].byteCount == 1, isGlued(index - 1, index),
              tokens[index - 1].kind == .word, tokens[index - 1].byteCount <= 5,
              isWhitespaceGap(from: Int(tokens[index].end), to: Int(tokens[index + 1].start), allowingNewline: false) else { return false }
        let next = firstByte(index + 1)
        return byte(next, isIn: "a"..."z") || byte(next, isIn: "0"..."9")
    }

    private func byte(_ byte: UInt8, isIn range: ClosedRange<Unicode.Scalar>) -> Bool {
        byte >= UInt8(range.lowerBound.value) && byte <= UInt8(range.upperBound.value)
    }

    /// Whether an odd number of quotation marks (" “ ” „ « » and ' ‘ ’ standing alone) precede token
    /// `index` on its line: the words are quoted, perhaps to report or discuss them.
    func isQuoted(_ index: Int) -> Bool { quotedTokens[index] }

    /// For each token whether it stands inside quotation marks on its line, counted in one pass: rules ask
    /// for many tokens, and counting back each time would read a long line once per question.
    func quotedTokenTable() -> [Bool] {
        var quoted = [Bool](repeating: false, count: tokens.count)
        var inside = false
        for index in tokens.indices {
            if index > 0 {
                if bytes[Int(tokens[index - 1].end)..<Int(tokens[index].start)].contains(0x0A) {
                    inside = false
                } else if isQuotationMark(index - 1) {
                    inside.toggle()
                }
            }
            quoted[index] = inside
        }
        return quoted
    }

    func isQuotationMark(_ index: Int) -> Bool {
        let token = tokens[index]
        return token.kind == .other && Self.quotationMarks.contains(Array(bytes[token.byteRange]))
    }

    private static let quotationMarks: Set<[UInt8]> = [[0x22], [0x27], [0xE2, 0x80, 0x9C], [0xE2, 0x80, 0x9D], [0xE2, 0x80, 0x9E],
                                                       [0xE2, 0x80, 0x98], [0xE2, 0x80, 0x99], [0xC2, 0xAB], [0xC2, 0xBB]]
}
