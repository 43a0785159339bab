/// Dates: 03-03-2015, 14/07/2016, 2016-11-04, 3.3.2015, 3 maart 2015, 12 mei.
extension NumberScanner {

    /// 03-03-2015, 14/07/2016, 3.3.2015, 3 maart 2015, 12 mei.
    mutating func scanDate(at index: Int) {
        let tokens = document.tokens
        let length = tokens[index].byteCount
        guard tokens[index].kind == .number, length <= 2 || length == 4 || (6...10).contains(length) else { return }
        let digits = document.digitValue(of: index)
        // One number token: 03.03.2015 (dots join digits); 1.1.15 is the shortest.
        if length >= 6 {
            let parts = document.bytes[tokens[index].byteRange].split(separator: UInt8(ascii: "."))
            if parts.count == 3, let day = Self.number(parts[0]), let month = Self.number(parts[1]), Self.number(parts[2]) != nil,
               Self.isDayMonth(day, month), parts[2].count == 2 || parts[2].count == 4 {
                recordDate(index...index)
                return
            }
        }
        // ISO: 2016-11-04.
        if digits.count == 4, (1900...2099).contains(digits.value), index + 4 < tokens.count,
           document.isCharacter(index + 1, "-"), document.isCharacter(index + 3, "-"),
           (index..<(index + 4)).allSatisfy({ document.isGlued($0, $0 + 1) }),
           document.isPlainNumber(index + 2), document.isPlainNumber(index + 4),
           let month = Self.number(document.digits(of: index + 2)[...]), let day = Self.number(document.digits(of: index + 4)[...]),
           Self.isDayMonth(day, month) {
            recordDate(index...(index + 4))
            return
        }
        guard (1...2).contains(digits.count), (1...31).contains(digits.value) else { return }
        let day = digits.value
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

    mutating func recordDate(_ range: ClosedRange<Int>) {
        claim(range)
        dates.append(DateMention(tokens: range))
    }

    static func isDayMonth(_ day: Int, _ month: Int) -> Bool { (1...31).contains(day) && (1...12).contains(month) }

    static func number(_ digits: ArraySlice<UInt8>) -> Int? {
        guard !digits.isEmpty, digits.count <= 9, digits.allSatisfy({ $0 &- UInt8(ascii: "0") < 10 }) else { return nil }
        return digits.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
    }

    static func number(_ digits: [UInt8].SubSequence?) -> Int? { digits.flatMap { number($0) } }

}
