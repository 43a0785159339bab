import PostwachtCore

/// The posts of a JSON export, one byte range per post: the elements of its posts array, found by
/// matching brackets and quotes without parsing them. Each post is then parsed on its own, so a post
/// with a bad byte or a broken value is one error record and the posts around it are still read.
/// Only damage to the brackets themselves (a cut file, a lost quote) ends the list early; `breaksOff`
/// then says where.
struct JSONRecordArray {
    /// Where the posts array is: the document itself, or the array under a key of the top object
    /// (Mastodon's `orderedItems`), or the first array under any key (`{"ig_stories": [ … ]}`).
    enum Location {
        case root
        case member(String)
        case rootOrFirstArrayMember
    }

    /// Where the structure broke: a byte offset into the scanned bytes and what was wrong there.
    struct Breakage: Error, Equatable {
        enum Problem: Equatable {
            case endsEarly
            case unexpected(UInt8)
            case mismatchedBracket
            case tooDeep
            case noArray
        }
        var offset: Int
        var problem: Problem
    }

    private(set) var elements: [Range<Int>] = []
    /// Bytes between two posts that belong to neither (a stray byte after a post): skipped, reported.
    private(set) var strayBytes: [(offset: Int, afterElement: Int)] = []
    private(set) var breaksOff: Breakage?

    static let maximumDepth = 512

    init(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0, location: Location) {
        var scanner = Scanner(bytes: bytes, position: start)
        do {
            try scanner.skipByteOrderMarkAndWhitespace()
            switch location {
            case .root:
                try scanner.expectArrayStart()
            case .member(let key):
                try scanner.enterMember(named: key)
            case .rootOrFirstArrayMember:
                if scanner.peek == UInt8(ascii: "[") { try scanner.expectArrayStart() } else { try scanner.enterMember(named: nil) }
            }
            try readElements(&scanner)
        } catch let breakage as Breakage {
            breaksOff = breakage
        } catch {
            breaksOff = Breakage(offset: scanner.position, problem: .endsEarly)
        }
    }

    private mutating func readElements(_ scanner: inout Scanner) throws {
        scanner.skipWhitespace()
        if scanner.peek == UInt8(ascii: "]") { return }
        while true {
            scanner.skipWhitespace()
            let start = scanner.position
            try scanner.skipValue()
            elements.append(start..<scanner.position)
            separator: while true {
                scanner.skipWhitespace()
                guard let next = scanner.peek else { throw Breakage(offset: scanner.position, problem: .endsEarly) }
                switch next {
                case UInt8(ascii: ","):
                    scanner.position += 1
                    scanner.skipWhitespace()
                    if scanner.peek == UInt8(ascii: "]") { return } // a trailing comma, as hand-edited files have
                    break separator
                case UInt8(ascii: "]"):
                    return
                default:
                    // Stray bytes after a post: skipped up to the comma or bracket that follows, if
                    // nothing structural comes first.
                    strayBytes.append((scanner.position, elements.count))
                    try scanner.skipStrayBytes()
                }
            }
        }
    }

    /// The 1-based line of a byte offset, for messages.
    static func line(of offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var line = 1
        for index in 0..<min(offset, bytes.count) where bytes[index] == 0x0A { line += 1 }
        return line
    }

    private struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var position: Int

        var peek: UInt8? { position < bytes.count ? bytes[position] : nil }

        mutating func skipWhitespace() {
            while position < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[position]) { position += 1 }
        }

        mutating func skipByteOrderMarkAndWhitespace() throws {
            if bytes.count - position >= 3, bytes[position] == 0xEF, bytes[position + 1] == 0xBB, bytes[position + 2] == 0xBF { position += 3 }
            skipWhitespace()
            guard position < bytes.count else { throw Breakage(offset: position, problem: .endsEarly) }
        }

        mutating func expectArrayStart() throws {
            guard let byte = peek else { throw Breakage(offset: position, problem: .endsEarly) }
            guard byte == UInt8(ascii: "[") else { throw Breakage(offset: position, problem: .noArray) }
            position += 1
        }

        /// Into the array under `key` (or the first array under any key) of the top object.
        mutating func enterMember(named key: String?) throws {
            guard peek == UInt8(ascii: "{") else { throw Breakage(offset: position, problem: peek == nil ? .endsEarly : .noArray) }
            position += 1
            while true {
                skipWhitespace()
                guard let byte = peek else { throw Breakage(offset: position, problem: .endsEarly) }
                if byte == UInt8(ascii: "}") { throw Breakage(offset: position, problem: .noArray) }
                if byte == UInt8(ascii: ",") { position += 1; continue }
                guard byte == UInt8(ascii: "\"") else { throw Breakage(offset: position, problem: .unexpected(byte)) }
                let keyStart = position + 1
                try skipString()
                let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[keyStart..<(position - 1)]), as: UTF8.self)
                skipWhitespace()
                guard peek == UInt8(ascii: ":") else { throw Breakage(offset: position, problem: peek.map(Breakage.Problem.unexpected) ?? .endsEarly) }
                position += 1
                skipWhitespace()
                if peek == UInt8(ascii: "["), key == nil || key == name {
                    position += 1
                    return
                }
                try skipValue()
            }
        }

        mutating func skipString() throws {
            position += 1
            while position < bytes.count {
                switch bytes[position] {
                case UInt8(ascii: "\\"): position += 2
                case UInt8(ascii: "\""): position += 1; return
                default: position += 1
                }
            }
            position = bytes.count
            throw Breakage(offset: position, problem: .endsEarly)
        }

        /// Past one value. Brackets must match; what lies between them is not checked here.
        mutating func skipValue() throws {
            guard let first = peek else { throw Breakage(offset: position, problem: .endsEarly) }
            switch first {
            case UInt8(ascii: "\""):
                try skipString()
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                var open: [UInt8] = []
                while position < bytes.count {
                    let byte = bytes[position]
                    switch byte {
                    case UInt8(ascii: "\""):
                        try skipString()
                        continue
                    case UInt8(ascii: "{"), UInt8(ascii: "["):
                        guard open.count < JSONRecordArray.maximumDepth else { throw Breakage(offset: position, problem: .tooDeep) }
                        open.append(byte == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]"))
                    case UInt8(ascii: "}"), UInt8(ascii: "]"):
                        guard open.last == byte else { throw Breakage(offset: position, problem: .mismatchedBracket) }
                        open.removeLast()
                        if open.isEmpty { position += 1; return }
                    default:
                        break
                    }
                    position += 1
                }
                throw Breakage(offset: position, problem: .endsEarly)
            case UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}"):
                throw Breakage(offset: position, problem: .unexpected(first))
            default:
                // A number, literal or stray word: up to the next delimiter.
                while position < bytes.count, ![UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}"), 0x20, 0x09, 0x0A, 0x0D].contains(bytes[position]) {
                    if bytes[position] == UInt8(ascii: "\"") || bytes[position] == UInt8(ascii: "{") || bytes[position] == UInt8(ascii: "[") { break }
                    position += 1
                }
            }
        }

        mutating func skipStrayBytes() throws {
            while let byte = peek {
                switch byte {
                case UInt8(ascii: ","), UInt8(ascii: "]"): return
                case UInt8(ascii: "\""), UInt8(ascii: "{"), UInt8(ascii: "["), UInt8(ascii: "}"):
                    throw Breakage(offset: position, problem: .unexpected(byte))
                default: position += 1
                }
            }
            throw Breakage(offset: position, problem: .endsEarly)
        }
    }
}

extension JSONRecordArray.Breakage {
    /// What broke, for a person: "breekt af" / "breaks off", or the byte found.
    func describe(_ language: Language) -> String {
        switch problem {
        case .endsEarly: return language.say("het bestand houdt midden in de JSON op", "the file ends in the middle of the JSON")
        case .unexpected(let byte):
            let shown = (0x21...0x7E).contains(byte) ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x" + String(byte, radix: 16, uppercase: true)
            return language.say("onverwacht \(shown)", "unexpected \(shown)")
        case .mismatchedBracket: return language.say("haakjes kloppen niet", "brackets do not match")
        case .tooDeep: return language.say("dieper genest dan \(JSONRecordArray.maximumDepth) niveaus", "nested deeper than \(JSONRecordArray.maximumDepth) levels")
        case .noArray: return language.say("geen lijst met berichten gevonden", "no list of posts found")
        }
    }
}
