/// Phone numbers, checked against the Dutch numbering plan or written internationally.
extension NumberScanner {

    /// The number tokens that may form one phone number from `index` on: separated by at most two spaces,
    /// or one of - . / ( ) with optional spaces; at most 15 digits in all.
    func phoneParts(from index: Int) -> [Int] {
        let tokens = document.tokens
        var parts = [index]
        var digitCount = document.digitValue(of: index).count
        var current = index
        while digitCount < 15 {
            var next = current + 1
            var separators = 0
            while next < tokens.count, tokens[next].kind == .other, separators < 2, isPhoneSeparator(next),
                  document.isGlued(next - 1, next) || document.isSpaced(next - 1, next, limit: 1) {
                next += 1
                separators += 1
            }
            guard next < tokens.count, tokens[next].kind == .number, !claimed[next],
                  document.isGlued(next - 1, next) || document.isSpaced(next - 1, next) else { break }
            parts.append(next)
            digitCount += document.digitValue(of: next).count
            current = next
        }
        return parts
    }

    /// - . / ( ), or the en dash and non-breaking hyphen that word processors and phones type for "-".
    private func isPhoneSeparator(_ index: Int) -> Bool {
        let token = document.tokens[index]
        if token.byteCount == 1 {
            let byte = document.firstByte(index)
            return byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "/")
                || byte == UInt8(ascii: "(") || byte == UInt8(ascii: ")")
        }
        let start = Int(token.start)
        return token.byteCount == 3 && document.bytes[start] == 0xE2 && document.bytes[start + 1] == 0x80
            && (document.bytes[start + 2] == 0x93 || document.bytes[start + 2] == 0x91)
    }

    mutating func scanPhone(at index: Int) {
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

}
