import CPostwachtICU

/// Splits UTF-8 text into ICU word-break segments.
///
/// ICU's iterator runs at ~60 MB/s here, too slow for the 100 MB/s budget, so plain stretches take a
/// byte-level fast path that reproduces UAX #29 as ICU 72 applies it (letters and digits join; `.` and `'`
/// join letter to letter and digit to digit; `,` `;` join digit to digit; other ASCII punctuation stands
/// alone; spaces run together; CR LF is one segment). `tokens(of:)` also reads two-byte letters that ICU
/// calls ALetter (é, ĳ, ø) as letters. Everything else — other non-ASCII, `@`, `_`, control characters —
/// goes to ICU. `TokenizerEquivalenceTests` proves both paths give ICU's segments.
///
/// Why a stretch may be cut out and handed to ICU alone: the text is split into regions "white space run +
/// non-space run". ICU always breaks before an ASCII white-space byte that follows an ASCII non-space byte,
/// and no UAX #29 rule looks across such a break, so a region boundary is an ICU boundary whenever the byte
/// before it is ASCII. ICU batches therefore only end at such positions.
final class Tokenizer {
    private let breaker: WordBreaker
    /// `ASCIIClass` per byte, owned here: a static table costs a lazy-initialisation check per byte.
    private let classes: UnsafeMutablePointer<ASCIIClass>
    /// For the scalars U+0080–U+07FF (two UTF-8 bytes): whether ICU gives them Word_Break=ALetter, so they
    /// join words exactly as ASCII letters do (é, ë, ĳ, ø, ş, ł). Asked of ICU once, not hard-coded.
    private let twoByteLetters: UnsafeMutablePointer<Bool>
    /// For the four-byte scalars U+1F000–U+1FFFF: emoji that ICU leaves as a segment of their own when
    /// plain ASCII follows (😀, 📸, 🎉), asked of ICU once.
    private let lonePictographs: UnsafeMutablePointer<Bool>
    /// When false, every segment goes through ICU (for equivalence tests and benchmarks).
    var usesFastPath = true

    init() throws(TextModelError) {
        breaker = try WordBreaker()
        classes = .allocate(capacity: 256)
        for byte in 0..<256 { (classes + byte).initialize(to: ASCIIClass.of(UInt8(byte))) }
        twoByteLetters = .allocate(capacity: 0x800)
        for scalar in 0..<0x800 { (twoByteLetters + scalar).initialize(to: scalar >= 0x80 && pw_is_word_letter(UInt32(scalar)) == 1) }
        lonePictographs = .allocate(capacity: 0x1000)
        for offset in 0..<0x1000 { (lonePictographs + offset).initialize(to: pw_is_lone_pictograph(UInt32(0x1F000 + offset)) == 1) }
    }

    deinit {
        classes.deallocate()
        twoByteLetters.deallocate()
        lonePictographs.deallocate()
    }

    /// Whether a lone emoji (F0 9F xx xx) starts at `position` and ASCII (or the end) follows it, so that
    /// no joiner, variation selector or skin-tone modifier can attach to it.
    @inline(__always)
    private func isLonePictograph(_ bytes: UnsafeBufferPointer<UInt8>, _ position: Int) -> Bool {
        guard position + 3 < bytes.count, bytes[position] == 0xF0, bytes[position + 1] &- 0x9F == 0 else { return false }
        guard position + 4 == bytes.count || bytes[position + 4] < 0x80 else { return false }
        let offset = Int(bytes[position + 2] & 0x3F) << 6 | Int(bytes[position + 3] & 0x3F)
        return lonePictographs[offset]
    }

    /// Bytes taken by the letter at `position`: 1 for an ASCII letter, 2 for a two-byte ALetter, 0 otherwise.
    @inline(__always)
    private func letterLength(_ bytes: UnsafeBufferPointer<UInt8>, _ position: Int) -> Int {
        let byte = bytes[position]
        if (byte | 0x20) &- UInt8(ascii: "a") < 26 { return 1 }
        guard byte &- 0xC2 < 0x1E, position + 1 < bytes.count else { return 0 }
        let scalar = Int(byte & 0x1F) << 6 | Int(bytes[position + 1] & 0x3F)
        return twoByteLetters[scalar] ? 2 : 0
    }

    /// Word, number and other tokens of `bytes`, white space left out.
    func tokens(of bytes: UnsafeBufferPointer<UInt8>) throws(TextModelError) -> [Token] {
        if usesFastPath {
            var buffer = TokenBuffer(capacity: bytes.count / 4 + 16)
            defer { buffer.deallocate() }
            try appendTokensFast(of: bytes, to: &buffer)
            return buffer.array()
        }
        var tokens: [Token] = []
        tokens.reserveCapacity(bytes.count / 4)
        var segmentStart = 0
        try forEachSegment(of: bytes) { end, status in
            let kind = Tokenizer.kind(ofStatus: status, bytes: bytes, range: segmentStart..<end)
            if kind != .whitespace { tokens.append(Token(start: segmentStart, end: end, kind: kind)) }
            segmentStart = end
        }
        return tokens
    }

    /// `forEachSegment`'s fast path in one pass, appending tokens directly: a non-space run is tokenized
    /// as it is read, and only if it turns out to hold a byte for ICU are its tokens taken back.
    private func appendTokensFast(of bytes: UnsafeBufferPointer<UInt8>, to tokens: inout TokenBuffer) throws(TextModelError) {
        let classes = self.classes
        let count = bytes.count
        var position = 0
        var pendingICUStart = -1
        while position < count {
            let regionStart = position
            while position < count, classes[Int(bytes[position])] == .space { position += 1 }
            let tokensBefore = tokens.count
            var isSimple = true
            while position < count {
                var byteClass = classes[Int(bytes[position])]
                if byteClass == .space { break }
                let leadingLetter = byteClass == .complex ? letterLength(bytes, position) : 0
                if leadingLetter == 2 {
                    byteClass = .letter
                } else if byteClass == .complex {
                    guard isLonePictograph(bytes, position) else { isSimple = false; break }
                    tokens.append(Token(start: position, end: position + 4, kind: .other))
                    position += 4
                    continue
                }
                if byteClass != .letter && byteClass != .digit {
                    position += 1
                    tokens.append(Token(start: position - 1, end: position, kind: .other))
                    continue
                }
                let start = position
                var last = byteClass
                position += max(leadingLetter, 1)
                while position < count {
                    // Letters and digits by arithmetic: the class table is a dependent load per byte.
                    let byte = bytes[position]
                    if (byte | 0x20) &- UInt8(ascii: "a") < 26 {
                        last = .letter
                        position += 1
                        continue
                    }
                    if byte &- UInt8(ascii: "0") < 10 {
                        last = .digit
                        position += 1
                        continue
                    }
                    if byte >= 0x80 {
                        guard letterLength(bytes, position) == 2 else { break }
                        last = .letter
                        position += 2
                        continue
                    }
                    let next = classes[Int(byte)]
                    guard position + 1 < count else { break }
                    let after = letterLength(bytes, position + 1) > 0 ? ASCIIClass.letter : classes[Int(bytes[position + 1])]
                    // WB6/WB7: letter (. ') letter; WB11/WB12: digit (. ' , ;) digit.
                    let joins = (next == .midNumLet && after == last) || (next == .midNum && last == .digit && after == .digit)
                    guard joins else { break }
                    position += 1 // the letter or digit after it is read by the next round
                }
                tokens.append(Token(start: start, end: position, kind: last == .letter ? .word : .number))
            }
            if !isSimple {
                tokens.count = tokensBefore
                while position < count, classes[Int(bytes[position])] != .space { position += 1 }
            }
            if pendingICUStart >= 0 {
                let previousIsASCII = bytes[regionStart - 1] < 0x80
                if isSimple && previousIsASCII {
                    let simpleTokens = tokens.array(from: tokensBefore)
                    tokens.count = tokensBefore
                    try appendICUTokens(bytes, pendingICUStart..<regionStart, to: &tokens)
                    for token in simpleTokens { tokens.append(token) }
                    pendingICUStart = -1
                } else {
                    tokens.count = tokensBefore
                }
                continue
            }
            if !isSimple { pendingICUStart = regionStart }
        }
        if pendingICUStart >= 0 { try appendICUTokens(bytes, pendingICUStart..<count, to: &tokens) }
    }

    private func appendICUTokens(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, to tokens: inout TokenBuffer) throws(TextModelError) {
        var segmentStart = range.lowerBound
        try flushICU(bytes, range) { end, status in
            let kind = Tokenizer.kind(ofStatus: status, bytes: bytes, range: segmentStart..<end)
            if kind != .whitespace { tokens.append(Token(start: segmentStart, end: end, kind: kind)) }
            segmentStart = end
        }
    }

    /// Every segment end with its ICU rule status, exactly as `ubrk_next` / `ubrk_getRuleStatus` report them.
    func segments(of bytes: UnsafeBufferPointer<UInt8>) throws(TextModelError) -> [(end: Int, status: Int32)] {
        var result: [(end: Int, status: Int32)] = []
        try forEachSegment(of: bytes) { end, status in result.append((end, status)) }
        return result
    }

    static func kind(ofStatus status: Int32, bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>) -> TokenKind {
        switch status {
        case 100..<200: return .number
        case 200..<500: return .word
        default: return isWhitespace(bytes, range) ? .whitespace : .other
        }
    }

    private static func isWhitespace(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        let first = bytes[range.lowerBound]
        if first < 0x80 { return ASCIIClass.of(first) == .space }
        var iterator = UnsafeBufferPointer(rebasing: bytes[range]).makeIterator()
        var decoder = UTF8()
        while case .scalarValue(let scalar) = decoder.decode(&iterator) {
            if !scalar.properties.isWhitespace { return false }
        }
        return true
    }

    @inline(__always)
    func forEachSegment(of bytes: UnsafeBufferPointer<UInt8>, _ emit: (Int, Int32) -> Void) throws(TextModelError) {
        let count = bytes.count
        if !usesFastPath {
            try breaker.forEachSegment(in: bytes) { end, status in emit(end, status) }
            return
        }
        let classes = self.classes
        var position = 0
        var pendingICUStart = -1
        while position < count {
            let regionStart = position
            var spaceEnd = position
            while spaceEnd < count, classes[Int(bytes[spaceEnd])] == .space { spaceEnd += 1 }
            var segmentEnd = spaceEnd
            var isSimple = true
            while segmentEnd < count {
                let byteClass = classes[Int(bytes[segmentEnd])]
                if byteClass == .space { break }
                if byteClass == .complex { isSimple = false }
                segmentEnd += 1
            }
            position = segmentEnd
            if pendingICUStart >= 0 {
                let previousIsASCII = bytes[regionStart - 1] < 0x80
                if !(isSimple && previousIsASCII) { continue }
                try flushICU(bytes, pendingICUStart..<regionStart, emit)
                pendingICUStart = -1
            }
            if !isSimple {
                pendingICUStart = regionStart
                continue
            }
            Tokenizer.emitSpaces(bytes, regionStart..<spaceEnd, emit)
            Tokenizer.emitSimpleSegment(bytes, spaceEnd..<segmentEnd, classes, emit)
        }
        if pendingICUStart >= 0 { try flushICU(bytes, pendingICUStart..<count, emit) }
    }

    private func flushICU(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ emit: (Int, Int32) -> Void) throws(TextModelError) {
        let offset = range.lowerBound
        try breaker.forEachSegment(in: UnsafeBufferPointer(rebasing: bytes[range])) { end, status in
            emit(offset + end, status)
        }
    }

    /// Spaces run together (WB3d); tab, LF and a lone CR stand alone; CR LF is one segment (WB3).
    @inline(__always)
    private static func emitSpaces(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ emit: (Int, Int32) -> Void) {
        var index = range.lowerBound
        while index < range.upperBound {
            let byte = bytes[index]
            if byte == 0x20 {
                while index < range.upperBound, bytes[index] == 0x20 { index += 1 }
            } else if byte == 0x0D, index + 1 < range.upperBound, bytes[index + 1] == 0x0A {
                index += 2
            } else {
                index += 1
            }
            emit(index, 0)
        }
    }

    @inline(__always)
    private static func emitSimpleSegment(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ classes: UnsafeMutablePointer<ASCIIClass>, _ emit: (Int, Int32) -> Void) {
        var index = range.lowerBound
        let end = range.upperBound
        while index < end {
            let byteClass = classes[Int(bytes[index])]
            guard byteClass == .letter || byteClass == .digit else {
                index += 1
                emit(index, 0)
                continue
            }
            var last = byteClass
            index += 1
            while index < end {
                let next = classes[Int(bytes[index])]
                if next == .letter || next == .digit {
                    last = next
                    index += 1
                    continue
                }
                guard index + 1 < end else { break }
                let after = classes[Int(bytes[index + 1])]
                // WB6/WB7: letter (. ') letter; WB11/WB12: digit (. ' , ;) digit.
                let joins = (next == .midNumLet && after == last) || (next == .midNum && last == .digit && after == .digit)
                guard joins else { break }
                index += 2
            }
            emit(index, last == .letter ? 200 : 100)
        }
    }
}

/// How the fast path sees an ASCII byte.
enum ASCIIClass: UInt8 {
    case letter, digit
    /// `.` and `'`: join letters to letters and digits to digits.
    case midNumLet
    /// `,` and `;`: join digits to digits.
    case midNum
    /// Punctuation that is always a segment of its own.
    case alone
    /// Space, tab, CR, LF.
    case space
    /// Anything the fast path leaves to ICU: non-ASCII bytes, `@` and `_` (ICU joins them into words),
    /// and control characters.
    case complex

    static func of(_ byte: UInt8) -> ASCIIClass {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): return .letter
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return .digit
        case UInt8(ascii: "."), UInt8(ascii: "'"): return .midNumLet
        case UInt8(ascii: ","), UInt8(ascii: ";"): return .midNum
        case 0x20, 0x09, 0x0A, 0x0D: return .space
        case UInt8(ascii: "@"), UInt8(ascii: "_"): return .complex
        case 0x21...0x7E: return .alone
        default: return .complex
        }
    }
}

/// Tokens being collected, without the uniqueness check `Array.append` makes per element.
struct TokenBuffer {
    private var storage: UnsafeMutablePointer<Token>
    private var capacity: Int
    var count = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        storage = .allocate(capacity: self.capacity)
    }

    func deallocate() { storage.deallocate() }

    @inline(__always)
    mutating func append(_ token: Token) {
        if count == capacity { grow() }
        (storage + count).initialize(to: token)
        count += 1
    }

    private mutating func grow() {
        let bigger = UnsafeMutablePointer<Token>.allocate(capacity: capacity * 2)
        bigger.moveInitialize(from: storage, count: count)
        storage.deallocate()
        storage = bigger
        capacity *= 2
    }

    func array(from start: Int = 0) -> [Token] {
        Array(UnsafeBufferPointer(start: storage + start, count: count - start))
    }
}
