/// Postcodes and street addresses.
extension NumberScanner {

    mutating func scanAddress(at index: Int) {
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
    func postcode(at index: Int) -> (last: Int, normalized: String)? {
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
    func townAfter(_ index: Int) -> Int? {
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

    struct Street { var first: Int; var last: Int; var isUnambiguous: Bool }

    /// The street name ending right before the house number at `index`: a capitalised word ending in a
    /// street suffix (Kerkstraat, Beatrixlaan) or a street word on its own (Markt), with capitalised
    /// words before it that belong to the name (Prins Hendrikstraat, Van Goghstraat).
    func streetName(before index: Int) -> Street? {
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
        // An ambiguous name (…hof, …park) is a street after a word like "bij" or before a postcode.
        guard isStreet || isAmbiguous && (followsAddressCue(word) || isFollowedByPostcode(index)) else { return nil }
        var first = word
        while first - 1 >= 0, word - first < 2, document.tokens[first - 1].kind == .word, document.isSpaced(first - 1, first),
              document.isCapitalized(first - 1), !document.startsSentence(first - 1),
              lexicon.names.notNames.value(for: keys.key(first - 1), hash: keys.hash(first - 1)) == nil {
            first -= 1
        }
        return Street(first: first, last: word, isUnambiguous: isStreet)
    }

    /// "Berkenhof 7, 8252 TX": a postcode after the house number (and its toevoeging).
    func isFollowedByPostcode(_ index: Int) -> Bool {
        guard let number = houseNumber(at: index) else { return false }
        var next = number.last + 1
        if next < document.tokens.count, document.isCharacter(next, ",") { next += 1 }
        return next < document.tokens.count && postcode(at: next) != nil
    }

    /// "bij Wilhelminapark 50", "adres: Rozenhof 3": a word that introduces an address stands right before.
    func followsAddressCue(_ index: Int) -> Bool {
        var previous = index - 1
        if previous >= 0, document.isCharacter(previous, ":") { previous -= 1 }
        guard previous >= 0, document.tokens[previous].isWordLike else { return false }
        return lexicon.addressCues.value(for: keys.key(previous), hash: keys.hash(previous)) != nil
    }

    /// 12, 12a, 12 A, 12-II, 12-2, 12 bis: the house number and its toevoeging.
    func houseNumber(at index: Int) -> (last: Int, normalized: String)? {
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

}
