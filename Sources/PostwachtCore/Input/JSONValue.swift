/// A JSON value parsed straight from UTF-8 bytes. Strings stay bytes, so a post's text goes to the
/// checker without a round trip through `String`, and invalid UTF-8 inside a string reaches the text
/// model (which repairs it with a warning) instead of failing the whole record. A string without
/// escapes is a slice of the parsed bytes, not a copy.
package enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    /// The number as written (`42`, `1.5e3`): ids keep their spelling, dates convert it.
    case number(String)
    case string(ArraySlice<UInt8>)
    case array([JSONValue])
    /// Members in document order; a repeated key keeps its last value when looked up.
    case object([(key: String, value: JSONValue)])

    package subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.last { $0.key == key }?.value
    }

    package var string: String? {
        if case .string(let bytes) = self { return String(decoding: bytes, as: UTF8.self) }
        return nil
    }

    package static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.number(let a), .number(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.array(let a), .array(let b)): return a == b
        case (.object(let a), .object(let b)): return a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: return false
        }
    }

    /// Parses one JSON document (RFC 8259; a leading byte-order mark is allowed).
    package static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONValue {
        try parse(bytes[...])
    }

    package static func parse(_ bytes: ArraySlice<UInt8>) throws(JSONSyntaxError) -> JSONValue {
        try bytes.withUnsafeBufferPointer { buffer throws(JSONSyntaxError) in
            var parser = JSONParser(bytes: buffer, source: bytes)
            return try parser.document()
        }
    }
}

/// Why bytes are not JSON, and where (0-based byte offset into the parsed bytes).
package struct JSONSyntaxError: Error, Equatable, Sendable, CustomStringConvertible {
    var problem: String
    /// The problem in Dutch, for `--lang nl`.
    var dutch: String
    package var offset: Int
    package var description: String { "\(problem) at byte \(offset + 1)" }

    /// The problem in `language`, without the position (the caller names it as it counts).
    package func description(in language: Language) -> String { language == .nl ? dutch : problem }
}

private struct JSONParser {
    let bytes: UnsafeBufferPointer<UInt8>
    /// The same bytes, for strings that are slices of them.
    let source: ArraySlice<UInt8>
    var position = 0
    /// Deeper nesting is refused rather than risking the stack on hostile input.
    static let maximumDepth = 512

    init(bytes: UnsafeBufferPointer<UInt8>, source: ArraySlice<UInt8>) {
        self.bytes = bytes
        self.source = source
    }

    mutating func document() throws(JSONSyntaxError) -> JSONValue {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { position = 3 }
        skipWhitespace()
        guard position < bytes.count else { throw fail("empty input, expected a JSON value", "lege invoer, verwacht een JSON-waarde") }
        let value = try self.value(depth: 0)
        skipWhitespace()
        guard position == bytes.count else { throw fail("unexpected \(describe(bytes[position])) after the JSON value", "onverwacht \(describe(bytes[position])) na de JSON-waarde") }
        return value
    }

    private func fail(_ problem: String, _ dutch: String) -> JSONSyntaxError { JSONSyntaxError(problem: problem, dutch: dutch, offset: position) }

    private func describe(_ byte: UInt8) -> String {
        (0x21...0x7E).contains(byte) ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x\(String(byte, radix: 16, uppercase: true))"
    }

    private mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return
            }
        }
    }

    private mutating func value(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        guard depth < Self.maximumDepth else { throw fail("nested deeper than \(Self.maximumDepth) levels", "dieper genest dan \(Self.maximumDepth) niveaus") }
        guard position < bytes.count else { throw fail("unexpected end of input, expected a value", "invoer houdt op, verwacht een waarde") }
        switch bytes[position] {
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "{"): return try object(depth: depth)
        case UInt8(ascii: "["): return try array(depth: depth)
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
        default: throw fail("unexpected \(describe(bytes[position])), expected a value", "onverwacht \(describe(bytes[position])), verwacht een waarde")
        }
    }

    private mutating func literal(_ word: StaticString) throws(JSONSyntaxError) {
        let expected = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        guard position + expected.count <= bytes.count, bytes[position..<position + expected.count].elementsEqual(expected) else {
            throw fail("invalid literal, expected '\(word)'", "ongeldig woord, verwacht '\(word)'")
        }
        position += expected.count
    }

    private mutating func object(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        position += 1
        var members: [(key: String, value: JSONValue)] = []
        members.reserveCapacity(8) // a post's few fields in one allocation
        skipWhitespace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "}") { position += 1; return .object(members) }
        while true {
            skipWhitespace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
                throw position < bytes.count ? fail("expected a quoted key in an object", "verwacht een sleutel tussen aanhalingstekens in een object")
                    : fail("unexpected end of input inside an object", "invoer houdt op midden in een object")
            }
            let key = try self.key()
            skipWhitespace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else { throw fail("expected ':' after the key \"\(key)\"", "verwacht ':' na de sleutel \"\(key)\"") }
            position += 1
            skipWhitespace()
            members.append((key, try value(depth: depth + 1)))
            skipWhitespace()
            guard position < bytes.count else { throw fail("unexpected end of input inside an object", "invoer houdt op midden in een object") }
            switch bytes[position] {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "}"): position += 1; return .object(members)
            default: throw fail("expected ',' or '}' in an object", "verwacht ',' of '}' in een object")
            }
        }
    }

    private mutating func array(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        position += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "]") { position += 1; return .array(elements) }
        while true {
            skipWhitespace()
            elements.append(try value(depth: depth + 1))
            skipWhitespace()
            guard position < bytes.count else { throw fail("unexpected end of input inside an array", "invoer houdt op midden in een lijst") }
            switch bytes[position] {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "]"): position += 1; return .array(elements)
            default: throw fail("expected ',' or ']' in an array", "verwacht ',' of ']' in een lijst")
            }
        }
    }

    private mutating func number() throws(JSONSyntaxError) -> String {
        let start = position
        func digits() -> Int {
            let first = position
            while position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]) { position += 1 }
            return position - first
        }
        if bytes[position] == UInt8(ascii: "-") { position += 1 }
        let integerStart = position
        guard digits() > 0 else { throw fail("a number needs digits", "een getal heeft cijfers nodig") }
        if bytes[integerStart] == UInt8(ascii: "0"), position - integerStart > 1 { throw JSONSyntaxError(problem: "a number may not start with 0", dutch: "een getal mag niet met 0 beginnen", offset: integerStart) }
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            position += 1
            guard digits() > 0 else { throw fail("a number needs digits after '.'", "een getal heeft cijfers nodig na '.'") }
        }
        if position < bytes.count, bytes[position] | 0x20 == UInt8(ascii: "e") {
            position += 1
            if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") { position += 1 }
            guard digits() > 0 else { throw fail("a number needs digits in its exponent", "een getal heeft cijfers nodig in de exponent") }
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
    }

    /// An object key: made straight from the bytes when it has no escapes (keys are short, so the
    /// `String` needs no allocation either).
    private mutating func key() throws(JSONSyntaxError) -> String {
        let end = JSONScan.firstSpecialByte(in: bytes, from: position + 1)
        if end < bytes.count, bytes[end] == UInt8(ascii: "\"") {
            defer { position = end + 1 }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[(position + 1)..<end]), as: UTF8.self)
        }
        return String(decoding: try string(), as: UTF8.self)
    }

    /// The string's bytes with escapes resolved; `position` is on the opening quote.
    private mutating func string() throws(JSONSyntaxError) -> ArraySlice<UInt8> {
        position += 1
        var runStart = position
        var output: [UInt8] = []
        var escaped = false
        while position < bytes.count {
            position = JSONScan.firstSpecialByte(in: bytes, from: position)
            guard position < bytes.count else { break }
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                if !escaped {
                    defer { position += 1 }
                    return source[(source.startIndex + runStart)..<(source.startIndex + position)]
                }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<position]))
                position += 1
                return output[...]
            }
            if byte == UInt8(ascii: "\\") {
                if !escaped { output.reserveCapacity(position - runStart + 16); escaped = true }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<position]))
                try escape(into: &output)
                runStart = position
                continue
            }
            throw fail("a control character (0x\(String(byte, radix: 16, uppercase: true))) inside a string must be escaped",
                       "een stuurteken (0x\(String(byte, radix: 16, uppercase: true))) in tekst moet met een escape geschreven worden")
        }
        throw fail("unexpected end of input inside a string", "invoer houdt op midden in een tekst")
    }

    /// One escape sequence at `position` (the backslash), appended as UTF-8.
    private mutating func escape(into output: inout [UInt8]) throws(JSONSyntaxError) {
        guard position + 1 < bytes.count else { position = bytes.count; throw fail("unexpected end of input inside a string", "invoer houdt op midden in een tekst") }
        let kind = bytes[position + 1]
        position += 2
        switch kind {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): output.append(kind)
        case UInt8(ascii: "b"): output.append(0x08)
        case UInt8(ascii: "f"): output.append(0x0C)
        case UInt8(ascii: "n"): output.append(0x0A)
        case UInt8(ascii: "r"): output.append(0x0D)
        case UInt8(ascii: "t"): output.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try hexQuad()
            if (0xD800...0xDBFF).contains(scalar), position + 1 < bytes.count,
               bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u") {
                let resume = position
                position += 2
                let low = try hexQuad()
                if (0xDC00...0xDFFF).contains(low) { scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00) } else { position = resume }
            }
            // A lone surrogate has no UTF-8 form: it becomes U+FFFD, as the text model does with bad bytes.
            output.append(contentsOf: UTF8.encode(Unicode.Scalar(scalar) ?? "\u{FFFD}")!)
        default:
            position -= 1
            throw fail("invalid escape: \(describe(kind)) after a backslash in a string", "ongeldige escape: \(describe(kind)) na een backslash in een tekst")
        }
    }

    private mutating func hexQuad() throws(JSONSyntaxError) -> UInt32 {
        guard position + 4 <= bytes.count else { throw fail("\\u needs four hex digits", "\\u heeft vier hexadecimale cijfers nodig") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw fail("\\u needs four hex digits", "\\u heeft vier hexadecimale cijfers nodig")
            }
            value = value << 4 | UInt32(digit)
            position += 1
        }
        return value
    }
}

/// Finds the bytes a JSON string ends or changes at — quote, backslash, control character — eight
/// bytes at a time: post texts are long and such bytes rare. Used to read and to write JSON.
package enum JSONScan {
    /// The offset of the first such byte at or after `start`, or `bytes.count` if there is none.
    package static func firstSpecialByte(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        func hasZeroByte(_ word: UInt64) -> Bool { (word &- ones) & ~word & highs != 0 }
        while index + 8 <= bytes.count {
            let word = UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self)
            // A byte below 0x20 has none of the bits 0xE0; quote and backslash XOR to zero.
            if hasZeroByte(word & 0xE0E0_E0E0_E0E0_E0E0) || hasZeroByte(word ^ (ones &* 0x22)) || hasZeroByte(word ^ (ones &* 0x5C)) { break }
            index += 8
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return index }
            index += 1
        }
        return index
    }
}
