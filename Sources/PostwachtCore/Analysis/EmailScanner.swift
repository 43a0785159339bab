/// E-mail addresses, read straight from the bytes around each `@` (ICU splits them into several tokens).
/// The domain may be internationalised (bakkerij-müller.nl); the local part is ASCII, as nearly all are.
enum EmailScanner {
    struct Address {
        var range: Range<Int>
        var localPart: String
        var domain: String
    }

    static func addresses(in document: Document) -> [Address] {
        let bytes = document.bytes
        guard bytes.contains(UInt8(ascii: "@")) else { return [] }
        var result: [Address] = []
        var searchFrom = 0
        while let at = bytes[searchFrom...].firstIndex(of: UInt8(ascii: "@")) {
            searchFrom = at + 1
            var start = at
            while start > 0, isLocalPartByte(bytes[start - 1]) { start -= 1 }
            while start < at, bytes[start] == UInt8(ascii: ".") { start += 1 }
            var end = at + 1
            while end < bytes.count {
                if isDomainByte(bytes[end]) { end += 1; continue }
                // Letters of an internationalised domain go on; an emoji, “ or a no-break space after it end it.
                guard bytes[end] >= 0xC0, let letter = letterLength(bytes, at: end) else { break }
                end += letter
            }
            while end > at + 1, bytes[end - 1] == UInt8(ascii: ".") || bytes[end - 1] == UInt8(ascii: "-") { end -= 1 }
            guard start < at, end > at + 1 else { continue }
            let domain = String(decoding: bytes[(at + 1)..<end], as: UTF8.self)
            let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
            guard labels.count >= 2, !labels.contains(where: \.isEmpty), let topLevel = labels.last, topLevel.count >= 2,
                  topLevel.allSatisfy(\.isLetter) else { continue }
            result.append(Address(range: start..<end, localPart: String(decoding: bytes[start..<at], as: UTF8.self), domain: domain))
            searchFrom = end
        }
        return result
    }

    private static func isLocalPartByte(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "a") < 26 || byte &- UInt8(ascii: "A") < 26 || byte &- UInt8(ascii: "0") < 10
            || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "%")
            || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
    }

    /// The byte length of the letter or combining mark starting at `position` (a lead byte of valid
    /// UTF-8), nil for any other character.
    private static func letterLength(_ bytes: [UInt8], at position: Int) -> Int? {
        var iterator = bytes[position...].makeIterator()
        var decoder = UTF8()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator),
              scalar.properties.isAlphabetic || scalar.properties.generalCategory == .nonspacingMark else { return nil }
        return UTF8.width(scalar)
    }

    /// ASCII letters, digits, dot and hyphen.
    private static func isDomainByte(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "a") < 26 || byte &- UInt8(ascii: "A") < 26 || byte &- UInt8(ascii: "0") < 10
            || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
    }
}
