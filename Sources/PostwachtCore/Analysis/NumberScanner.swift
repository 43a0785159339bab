/// Finds the personal data written with digits: IBANs, dates, phone numbers, postcodes and street
/// addresses, BSNs. Each kind claims its tokens in that order, so an IBAN's digit groups are not also
/// a phone number and a date is never a 0906 number. Works only where the document has digits.
struct NumberScanner {
    let document: Document
    let keys: WordKeys
    let resources: LinterResources
    /// Borrowed, not copied: a copy would retain every table.
    var lexicon: PersonalDataLexicon { _read { yield resources.personalData } }
    var claimed: [Bool]
    private(set) var items: [PersonalDataCandidate] = []
    /// Dates found on the way, for the birth-date check.
    var dates: [DateMention] = []

    init(document: Document, keys: WordKeys, resources: LinterResources) {
        self.document = document
        self.keys = keys
        self.resources = resources
        claimed = []
    }

    mutating func scan() {
        let tokens = document.tokens
        var numberTokens: [Int] = []
        for index in tokens.indices where tokens[index].kind == .number || keys.traits(index).contains(.digits) {
            numberTokens.append(index)
        }
        guard !numberTokens.isEmpty else { return }
        claimed = Array(repeating: false, count: tokens.count)
        for index in numberTokens where !claimed[index] { scanIBAN(at: index) }
        for index in numberTokens where !claimed[index] { scanDate(at: index) }
        for index in numberTokens where !claimed[index] { scanPhone(at: index) }
        for index in numberTokens where !claimed[index] { scanAddress(at: index) }
        for index in numberTokens where !claimed[index] { scanBSN(at: index) }
    }

    mutating func claim(_ range: ClosedRange<Int>) {
        for index in range { claimed[index] = true }
    }

    mutating func report(_ kind: PersonalDataCandidate.Kind, tokens range: ClosedRange<Int>, normalized: String, namedByContextWord: Bool = false) {
        claim(range)
        let bytes = Int(document.tokens[range.lowerBound].start)..<Int(document.tokens[range.upperBound].end)
        var candidate = PersonalDataCandidate(kind: kind, range: bytes, normalized: normalized)
        candidate.namedByContextWord = namedByContextWord
        items.append(candidate)
    }


    /// NL91ABNA0417164300 or grouped NL91 ABNA 0417 1643 00; any country, checked with mod 97.
    mutating func scanIBAN(at index: Int) {
        let tokens = document.tokens
        guard tokens[index].byteCount >= 4, document.firstByte(index) | 0x20 &- UInt8(ascii: "a") < 26 else { return }
        let first = Array(document.bytes[tokens[index].byteRange])
        guard first.count >= 4, first[0] | 0x20 &- UInt8(ascii: "a") < 26, first[1] | 0x20 &- UInt8(ascii: "a") < 26,
              first[2] &- UInt8(ascii: "0") < 10, first[3] &- UInt8(ascii: "0") < 10 else { return }
        let country = String(decoding: first[0..<2], as: UTF8.self).uppercased()
        guard let length = lexicon.ibanLengths[country] else { return }
        var characters = first.filter { Self.isAlphanumeric($0) }
        var last = index
        while characters.count < length, last + 1 < tokens.count, tokens[last + 1].isWordLike,
              document.isSpaced(last, last + 1, limit: 1) {
            last += 1
            characters += document.bytes[tokens[last].byteRange].filter { Self.isAlphanumeric($0) }
        }
        guard characters.count == length, Self.passesMod97(characters) else { return }
        report(.iban, tokens: index...last, normalized: String(decoding: characters, as: UTF8.self).uppercased())
    }

    static func isAlphanumeric(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "0") < 10 || byte | 0x20 &- UInt8(ascii: "a") < 26
    }

    /// ISO 13616: move the first four characters to the end, letters become 10–35, the number mod 97 is 1.
    static func passesMod97(_ characters: [UInt8]) -> Bool {
        var remainder = 0
        for byte in characters[4...] + characters[..<4] {
            if byte &- UInt8(ascii: "0") < 10 {
                remainder = (remainder * 10 + Int(byte - UInt8(ascii: "0"))) % 97
            } else {
                remainder = (remainder * 100 + Int((byte | 0x20) - UInt8(ascii: "a")) + 10) % 97
            }
        }
        return remainder == 1
    }


    /// Nine digits (123456782, 123.456.782, 1234 56 782) passing the 11-proef; eight with a leading zero
    /// left off only when a word says it is a BSN. A word saying it is another number rules it out.
    mutating func scanBSN(at index: Int) {
        let tokens = document.tokens
        guard tokens[index].kind == .number, index == 0 || !(tokens[index - 1].kind == .number && document.isSpaced(index - 1, index)) else { return }
        let groupedWithNext = index + 1 < tokens.count && tokens[index + 1].kind == .number && document.isSpaced(index, index + 1, limit: 1)
        guard tokens[index].byteCount >= 8 || groupedWithNext else { return }
        var last = index
        var digits = document.digits(of: index)
        while digits.count < 9, last + 1 < tokens.count, tokens[last + 1].kind == .number, !claimed[last + 1],
              document.isSpaced(last, last + 1, limit: 1) {
            last += 1
            digits += document.digits(of: last)
        }
        if last + 1 < tokens.count, tokens[last + 1].kind == .number, document.isSpaced(last, last + 1, limit: 1) { return }
        let context = numberContext(before: index)
        guard context != .other else { return }
        if digits.count == 8, context == .bsn { digits.insert(UInt8(ascii: "0"), at: 0) }
        guard digits.count == 9, Self.passesElevenTest(digits) else { return }
        // Between the groups only spaces (checked above); inside them only digits and dots.
        let separatorsOK = (index...last).allSatisfy { group in
            document.bytes[tokens[group].byteRange].allSatisfy { $0 &- UInt8(ascii: "0") < 10 || $0 == UInt8(ascii: ".") }
        }
        guard separatorsOK else { return }
        report(.bsn, tokens: index...last, normalized: String(decoding: digits, as: UTF8.self), namedByContextWord: context == .bsn)
    }

    /// The 11-proef: 9·d1 + 8·d2 + … + 2·d8 − d9 is divisible by 11 (and the number is not zero).
    static func passesElevenTest(_ digits: [UInt8]) -> Bool {
        guard digits.count == 9, digits.contains(where: { $0 != UInt8(ascii: "0") }) else { return false }
        var sum = 0
        for (position, digit) in digits.enumerated() {
            let value = Int(digit - UInt8(ascii: "0"))
            sum += position == 8 ? -value : value * (9 - position)
        }
        return sum % 11 == 0
    }

    /// What the nearest context word within eight words before says the number is (the sentence before
    /// counts too: "ze vragen om een BSN. Is 31221762 goed?").
    func numberContext(before index: Int) -> PersonalDataLexicon.NumberContext? {
        var candidate = index - 1
        var words = 0
        var sentences = 0
        while candidate >= 0, words < 8 {
            if document.endsSentence(candidate) {
                sentences += 1
                if sentences > 1 { return nil }
            }
            if document.tokens[candidate].isWordLike {
                words += 1
                if let context = lexicon.numberContext.value(for: keys.key(candidate), hash: keys.hash(candidate)) { return context }
            }
            candidate -= 1
        }
        return nil
    }
}

/// A date written in the text, by token range.
struct DateMention {
    var tokens: ClosedRange<Int>
}

/// A piece of personal data an analysis found: its kind, where it stands, its value in normalized form
/// and the facts a rule may weigh. What it means (severity, wording, whether it counts) is the rule's.
struct PersonalDataCandidate {
    enum Kind: Sendable { case phone, email, address, bsn, iban, birthdate, name }
    var kind: Kind
    /// UTF-8 byte range in the document.
    var range: Range<Int>
    var normalized: String
    /// A BSN: a word within eight words before says it is one ("BSN", "burgerservicenummer").
    var namedByContextWord = false
    /// An e-mail address: its local part and domain, lower case.
    var localPart = "", domain = ""
    /// A name: the title before it (juf, meneer), and whether the context says it is a child's.
    var title: NameLexicon.TitleKind?
    var isChild = false

    init(kind: Kind, range: Range<Int>, normalized: String) {
        self.kind = kind
        self.range = range
        self.normalized = normalized
    }
}
