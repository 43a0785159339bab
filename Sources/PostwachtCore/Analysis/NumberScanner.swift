/// Finds the personal data written with digits: IBANs, dates, phone numbers, postcodes and street
/// addresses, BSNs. Each kind claims its tokens in that order, so an IBAN's digit groups are not also
/// a phone number and a date is never a 0906 number. Works only where the document has digits.
struct NumberScanner {
    let document: Document
    let keys: WordKeys
    let resources: LinterResources
    /// Borrowed, not copied: a copy would retain every table.
    var lexicon: PersonalDataLexicon { _read { yield resources.personalData } }
    private var claimed: [Bool]
    private(set) var items: [PersonalDataItem] = []
    /// Dates found on the way, for the birth-date check.
    private(set) var dates: [DateMention] = []

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

    private mutating func claim(_ range: ClosedRange<Int>) {
        for index in range { claimed[index] = true }
    }

    private mutating func report(_ category: FindingCategory, tokens range: ClosedRange<Int>, normalized: String,
                                 severity: Severity? = nil, detail: LocalizedText? = nil) {
        claim(range)
        let bytes = Int(document.tokens[range.lowerBound].start)..<Int(document.tokens[range.upperBound].end)
        items.append(PersonalDataItem(category: category, detection: Detection(range: bytes, severity: severity, normalized: normalized, detail: detail)))
    }

    // MARK: IBAN

    /// NL91ABNA0417164300 or grouped NL91 ABNA 0417 1643 00; any country, checked with mod 97.
    private mutating func scanIBAN(at index: Int) {
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

    // MARK: Dates

    /// 03-03-2015, 14/07/2016, 3.3.2015, 3 maart 2015, 12 mei.
    private mutating func scanDate(at index: Int) {
        let tokens = document.tokens
        let length = tokens[index].byteCount
        guard tokens[index].kind == .number, length <= 2 || length == 4 || (6...10).contains(length) else { return }
        let digits = document.digits(of: index)
        // One number token: 03.03.2015 (dots join digits).
        let parts = document.bytes[tokens[index].byteRange].split(separator: UInt8(ascii: "."))
        if parts.count == 3, let day = Self.number(parts[0]), let month = Self.number(parts[1]), Self.number(parts[2]) != nil,
           Self.isDayMonth(day, month), parts[2].count == 2 || parts[2].count == 4 {
            recordDate(index...index)
            return
        }
        // ISO: 2016-11-04.
        if digits.count == 4, let year = Self.number(digits[...]), (1900...2099).contains(year), index + 4 < tokens.count,
           document.isCharacter(index + 1, "-"), document.isCharacter(index + 3, "-"),
           (index..<(index + 4)).allSatisfy({ document.isGlued($0, $0 + 1) }),
           document.isPlainNumber(index + 2), document.isPlainNumber(index + 4),
           let month = Self.number(document.digits(of: index + 2)[...]), let day = Self.number(document.digits(of: index + 4)[...]),
           Self.isDayMonth(day, month) {
            recordDate(index...(index + 4))
            return
        }
        guard digits.count <= 2, let day = Self.number(digits[...]), (1...31).contains(day) else { return }
        // Numeric with separators: 03-03-2015, 14/07/2016.
        if index + 4 < tokens.count, document.isGlued(index, index + 1), document.isGlued(index + 1, index + 2),
           document.isGlued(index + 2, index + 3), document.isGlued(index + 3, index + 4),
           let separator = Optional(document.firstByte(index + 1)), separator == UInt8(ascii: "-") || separator == UInt8(ascii: "/"),
           tokens[index + 1].byteCount == 1, document.isCharacter(index + 3, Unicode.Scalar(separator)),
           document.isPlainNumber(index + 2), document.isPlainNumber(index + 4),
           let month = Self.number(document.digits(of: index + 2)[...]), Self.isDayMonth(day, month),
           [2, 4].contains(tokens[index + 4].byteCount) {
            recordDate(index...(index + 4))
            return
        }
        // Written month: 3 maart (2015).
        guard index + 1 < tokens.count, tokens[index + 1].kind == .word, document.isSpaced(index, index + 1),
              lexicon.months.value(for: keys.key(index + 1), hash: keys.hash(index + 1)) != nil else { return }
        var last = index + 1
        if last + 1 < tokens.count, document.isSpaced(last, last + 1), document.isPlainNumber(last + 1),
           tokens[last + 1].byteCount == 4, let year = Self.number(document.digits(of: last + 1)[...]), (1900...2099).contains(year) {
            last += 1
        }
        recordDate(index...last)
    }

    private mutating func recordDate(_ range: ClosedRange<Int>) {
        claim(range)
        dates.append(DateMention(tokens: range))
    }

    static func isDayMonth(_ day: Int, _ month: Int) -> Bool { (1...31).contains(day) && (1...12).contains(month) }

    static func number(_ digits: ArraySlice<UInt8>) -> Int? {
        guard !digits.isEmpty, digits.count <= 9, digits.allSatisfy({ $0 &- UInt8(ascii: "0") < 10 }) else { return nil }
        return digits.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
    }

    static func number(_ digits: [UInt8].SubSequence?) -> Int? { digits.flatMap { number($0) } }

    // MARK: Phone numbers

    /// The number tokens that may form one phone number from `index` on: separated by at most two spaces,
    /// or one of - . / ( ) with optional spaces; at most 15 digits in all.
    private func phoneParts(from index: Int) -> [Int] {
        let tokens = document.tokens
        var parts = [index]
        var digitCount = document.digits(of: index).count
        var current = index
        while digitCount < 15 {
            var next = current + 1
            var separators = 0
            while next < tokens.count, tokens[next].kind == .other, separators < 2,
                  [UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "/"), UInt8(ascii: "("), UInt8(ascii: ")")].contains(document.firstByte(next)),
                  tokens[next].byteCount == 1, document.isGlued(next - 1, next) || document.isSpaced(next - 1, next, limit: 1) {
                next += 1
                separators += 1
            }
            guard next < tokens.count, tokens[next].kind == .number, !claimed[next],
                  document.isGlued(next - 1, next) || document.isSpaced(next - 1, next) else { break }
            parts.append(next)
            digitCount += document.digits(of: next).count
            current = next
        }
        return parts
    }

    private mutating func scanPhone(at index: Int) {
        let tokens = document.tokens
        guard tokens[index].kind == .number else { return }
        let hasPlus = index > 0 && document.isCharacter(index - 1, "+") && document.isGlued(index - 1, index)
        // Every phone number starts with 0 (06…, 0031…) or a +: years, times and counts do not.
        guard hasPlus || document.firstByte(index) == UInt8(ascii: "0") else { return }
        let parts = phoneParts(from: index)
        // Longest run of parts first that reads as a phone number.
        for end in stride(from: parts.count, through: 1, by: -1) {
            var digits: [UInt8] = []
            for part in parts[..<end] { digits += document.digits(of: part) }
            guard let normalized = phoneNumber(digits, international: hasPlus) else { continue }
            var first = hasPlus ? index - 1 : index
            if !hasPlus, index > 0, document.isCharacter(index - 1, "("), document.isGlued(index - 1, index) { first = index - 1 }
            report(.phone, tokens: first...parts[end - 1], normalized: normalized)
            return
        }
    }

    /// The number in international form (+31…) if `digits` is a valid Dutch or international number.
    func phoneNumber(_ digits: [UInt8], international: Bool) -> String? {
        var text = String(decoding: digits, as: UTF8.self)
        var isDutch = !international
        if international || text.hasPrefix("00") {
            if !international { text.removeFirst(2) }
            guard text.hasPrefix("31") else {
                // Outside the Netherlands: a country code and 7 to 13 more digits.
                return !text.hasPrefix("0") && (8...15).contains(text.count) ? "+" + text : nil
            }
            text.removeFirst(2)
            if text.hasPrefix("0") { text.removeFirst() } // +31 (0)6 …
            text = "0" + text
            isDutch = true
        }
        guard isDutch, text.hasPrefix("0"), !lexicon.notPhoneNumbers.contains(text) else { return nil }
        for length in stride(from: min(lexicon.longestPhonePrefix, text.count), through: 2, by: -1) {
            if let lengths = lexicon.phonePrefixes[String(text.prefix(length))] {
                return lengths.contains(text.count) ? "+31" + text.dropFirst() : nil
            }
        }
        return nil
    }

    // MARK: Postcodes and street addresses

    private mutating func scanAddress(at index: Int) {
        if let postcode = postcode(at: index) {
            let town = townAfter(postcode.last)
            report(.address, tokens: index...(town ?? postcode.last), normalized: postcode.normalized)
            return
        }
        guard let street = streetName(before: index), let number = houseNumber(at: index) else { return }
        var last = number.last
        var normalized = keys.keyString(street.last) + " " + number.normalized
        let spacedOrComma = last + 1 < document.tokens.count && (document.isSpaced(last, last + 1)
            || (document.isCharacter(last + 1, ",") && last + 2 < document.tokens.count && document.isSpaced(last + 1, last + 2)))
        if spacedOrComma {
            let next = document.isCharacter(last + 1, ",") ? last + 2 : last + 1
            if let postcode = postcode(at: next) {
                last = townAfter(postcode.last) ?? postcode.last
                normalized += " " + postcode.normalized
            }
        }
        _ = street.isUnambiguous
        report(.address, tokens: street.first...last, normalized: normalized)
    }

    /// 1234 AB or 1234AB: no leading zero, and never SA, SD or SS.
    private func postcode(at index: Int) -> (last: Int, normalized: String)? {
        let tokens = document.tokens
        guard index < tokens.count, !claimed[index], tokens[index].byteCount == 4 || tokens[index].byteCount == 6,
              document.firstByte(index) &- UInt8(ascii: "1") < 9 else { return nil }
        let bytes = Array(document.bytes[tokens[index].byteRange])
        if bytes.count == 6, bytes[0] != UInt8(ascii: "0"), bytes[..<4].allSatisfy({ $0 &- UInt8(ascii: "0") < 10 }),
           bytes[4...].allSatisfy({ $0 | 0x20 &- UInt8(ascii: "a") < 26 }) {
            let letters = String(decoding: bytes[4...], as: UTF8.self).uppercased()
            guard Self.isPostcodeLetters(letters) else { return nil }
            return (index, String(decoding: bytes[..<4], as: UTF8.self) + letters)
        }
        guard bytes.count == 4, bytes[0] != UInt8(ascii: "0"), document.isPlainNumber(index), index + 1 < tokens.count,
              document.isSpaced(index, index + 1, limit: 1), tokens[index + 1].byteCount == 2, document.isUppercaseASCII(index + 1) else { return nil }
        let letters = document.text(of: tokens[index + 1])
        guard Self.isPostcodeLetters(letters) else { return nil }
        // "1234 AB" must not run on into a longer word or number.
        if index + 2 < tokens.count, document.isGlued(index + 1, index + 2), tokens[index + 2].isWordLike { return nil }
        return (index + 1, String(decoding: bytes, as: UTF8.self) + letters)
    }

    static func isPostcodeLetters(_ letters: String) -> Bool {
        letters.count == 2 && !["SA", "SD", "SS"].contains(letters)
    }

    /// The last token of a known town right after the postcode (Utrecht, Den Haag, Alphen aan den Rijn).
    private func townAfter(_ index: Int) -> Int? {
        let tokens = document.tokens
        var best: Int?
        var joined: [UInt8] = []
        var current = index
        for _ in 0..<5 {
            var next = current + 1
            // Joiners inside a name: 's-Hertogenbosch, Wijk bij Duurstede.
            while next < tokens.count, tokens[next].kind == .other, document.isGlued(next - 1, next),
                  [UInt8(ascii: "-"), UInt8(ascii: "'")].contains(document.firstByte(next)) { next += 1 }
            guard next < tokens.count, tokens[next].kind == .word,
                  document.isGlued(next - 1, next) || document.isSpaced(next - 1, next) else { break }
            if joined.isEmpty, !document.isCapitalized(next), document.firstByte(next) != UInt8(ascii: "'") { break }
            joined += Array(keys.key(next))
            if lexicon.places.value(for: joined) != nil { best = next }
            current = next
        }
        return best
    }

    private struct Street { var first: Int; var last: Int; var isUnambiguous: Bool }

    /// The street name ending right before the house number at `index`: a capitalised word ending in a
    /// street suffix (Kerkstraat, Beatrixlaan) or a street word on its own (Markt), with capitalised
    /// words before it that belong to the name (Prins Hendrikstraat, Van Goghstraat).
    private func streetName(before index: Int) -> Street? {
        let word = index - 1
        guard word >= 0, document.tokens[word].kind == .word, !claimed[word], document.isSpaced(word, index),
              document.isCapitalized(word) else { return nil }
        let key = keys.key(word)
        // "Nieuwe Gracht", "Oude Kade": a street word on its own after a capitalised word.
        let isNamedStreetWord = word > 0 && document.tokens[word - 1].kind == .word && document.isCapitalized(word - 1)
            && document.isSpaced(word - 1, word) && lexicon.streetSuffixes.longestStem(in: key, minimumRest: 0) != nil
        let isStreet = lexicon.streetWords.value(for: key, hash: keys.hash(word)) != nil || isNamedStreetWord
            || lexicon.streetSuffixes.longestStem(in: key, minimumRest: 2) != nil
        let isAmbiguous = !isStreet && lexicon.ambiguousStreetSuffixes.longestStem(in: key, minimumRest: 2) != nil
        guard isStreet || isAmbiguous && followsAddressCue(word) else { return nil }
        var first = word
        while first - 1 >= 0, word - first < 2, document.tokens[first - 1].kind == .word, document.isSpaced(first - 1, first),
              document.isCapitalized(first - 1), !document.startsSentence(first - 1),
              lexicon.names.notNames.value(for: keys.key(first - 1), hash: keys.hash(first - 1)) == nil {
            first -= 1
        }
        return Street(first: first, last: word, isUnambiguous: isStreet)
    }

    /// "bij Wilhelminapark 50", "adres: Rozenhof 3": a word that introduces an address stands right before.
    private func followsAddressCue(_ index: Int) -> Bool {
        var previous = index - 1
        if previous >= 0, document.isCharacter(previous, ":") { previous -= 1 }
        guard previous >= 0, document.tokens[previous].isWordLike else { return false }
        return lexicon.addressCues.value(for: keys.key(previous), hash: keys.hash(previous)) != nil
    }

    /// 12, 12a, 12 A, 12-II, 12-2, 12 bis: the house number and its toevoeging.
    private func houseNumber(at index: Int) -> (last: Int, normalized: String)? {
        let tokens = document.tokens
        let bytes = Array(document.bytes[tokens[index].byteRange])
        let numberDigits = bytes.prefix { $0 &- UInt8(ascii: "0") < 10 }
        guard !numberDigits.isEmpty, numberDigits.count <= 4, numberDigits.first != UInt8(ascii: "0"),
              bytes.count - numberDigits.count <= 3,
              bytes[numberDigits.count...].allSatisfy({ $0 | 0x20 &- UInt8(ascii: "a") < 26 }) else { return nil }
        var last = index
        if index + 2 < tokens.count, document.isCharacter(index + 1, "-"), document.isGlued(index, index + 1),
           document.isGlued(index + 1, index + 2), tokens[index + 2].isWordLike, tokens[index + 2].byteCount <= 4 {
            last = index + 2
        } else if index + 1 < tokens.count, document.isSpaced(index, index + 1, limit: 1), tokens[index + 1].kind == .word,
                  (keys.keyString(index + 1) == "bis" || (tokens[index + 1].byteCount == 1 && document.isUppercaseASCII(index + 1))),
                  !(index + 2 < tokens.count && document.isGlued(index + 1, index + 2) && tokens[index + 2].isWordLike) {
            last = index + 1
        }
        return (last, String(decoding: bytes, as: UTF8.self))
    }

    // MARK: BSN

    /// Nine digits (123456782, 123.456.782, 1234 56 782) passing the 11-proef; eight with a leading zero
    /// left off only when a word says it is a BSN. A word saying it is another number rules it out.
    private mutating func scanBSN(at index: Int) {
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
        let separatorsOK = document.bytes[Int(tokens[index].start)..<Int(tokens[last].end)].allSatisfy {
            $0 &- UInt8(ascii: "0") < 10 || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: " ")
        }
        guard separatorsOK else { return }
        report(.bsn, tokens: index...last, normalized: String(decoding: digits, as: UTF8.self),
               severity: context == .bsn ? .error : .warning)
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
    private func numberContext(before index: Int) -> PersonalDataLexicon.NumberContext? {
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

/// One piece of personal data found, with the category of the rule that reports it.
struct PersonalDataItem {
    var category: FindingCategory
    var detection: Detection
}
