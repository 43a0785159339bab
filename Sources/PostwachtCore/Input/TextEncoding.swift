/// The character encodings an input may come in. Everything inside postwacht is UTF-8; other
/// encodings are converted as they are read, and the record says so in a warning.
public enum TextEncoding: String, CaseIterable, Sendable {
    case utf8 = "utf-8"
    /// Notepad's "Unicode", PowerShell 5's `>` and Excel's "Unicode text".
    case utf16LE = "utf-16le"
    case utf16BE = "utf-16be"
    /// Excel's "CSV" and Notepad's "ANSI" on Dutch Windows; a superset of Latin-1 for text.
    case windows1252 = "windows-1252"
    case latin1 = "latin-1"

    /// The encoding's name for people ("UTF-16 (little-endian)").
    public var displayName: String {
        switch self {
        case .utf8: return "UTF-8"
        case .utf16LE: return "UTF-16 (little-endian)"
        case .utf16BE: return "UTF-16 (big-endian)"
        case .windows1252: return "Windows-1252"
        case .latin1: return "Latin-1 (ISO-8859-1)"
        }
    }
}

/// `--encoding`: find out per input (byte-order mark, UTF-16's NUL pattern, Windows-1252 where the
/// bytes are no UTF-8), or read every input as one encoding.
public enum EncodingChoice: Sendable, Equatable {
    case automatic
    case fixed(TextEncoding)

    /// `auto`, an encoding's name, or a common alias (utf8, utf-16, cp1252, iso-8859-1, ansi).
    public init?(name: String) {
        let lowered = name.lowercased()
        switch lowered {
        case "auto", "automatic": self = .automatic
        case "utf8": self = .fixed(.utf8)
        case "utf-16", "utf16", "utf16le", "unicode": self = .fixed(.utf16LE)
        case "utf16be": self = .fixed(.utf16BE)
        case "cp1252", "windows1252", "ansi": self = .fixed(.windows1252)
        case "latin1", "iso-8859-1", "iso8859-1": self = .fixed(.latin1)
        default:
            guard let encoding = TextEncoding(rawValue: lowered) else { return nil }
            self = .fixed(encoding)
        }
    }

    /// The names `--encoding` takes, for help and messages.
    package static let names = ["auto"] + TextEncoding.allCases.map(\.rawValue)
}

/// Tells encodings apart by their bytes.
package enum EncodingDetection {
    /// The encoding the first bytes announce: a byte-order mark (UTF-8, UTF-16 LE/BE), or the NUL
    /// bytes every other byte that UTF-16 text of Latin letters has. `markLength` bytes are the mark.
    static func sniff(_ head: some Collection<UInt8>) -> (encoding: TextEncoding, markLength: Int)? {
        let bytes = Array(head.prefix(512))
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return (.utf8, 3) }
        if bytes.starts(with: [0xFF, 0xFE]) { return (.utf16LE, 2) }
        if bytes.starts(with: [0xFE, 0xFF]) { return (.utf16BE, 2) }
        let pairs = bytes.count / 2
        guard pairs >= 2 else { return nil }
        var zeroEven = 0, zeroOdd = 0
        for index in 0..<(pairs * 2) where bytes[index] == 0 {
            if index % 2 == 0 { zeroEven += 1 } else { zeroOdd += 1 }
        }
        // Most characters of Dutch text are below U+0100: their high byte is zero. A few NULs in UTF-8
        // text (a damaged file) fall on both sides and are far fewer.
        if zeroOdd * 10 >= pairs * 3, zeroEven * 10 < zeroOdd { return (.utf16LE, 0) }
        if zeroEven * 10 >= pairs * 3, zeroOdd * 10 < zeroEven { return (.utf16BE, 0) }
        return nil
    }

    /// For bytes that are not valid UTF-8: Windows-1252 when not one sequence in them is UTF-8 beyond
    /// ASCII and every byte beyond ASCII is a character Western European text has (é, ë, €, ’, …),
    /// nil when they look like UTF-8 with damage in places (repaired by the text model, with
    /// `input.invalid-utf8`): bytes such as 0xFF 0xFE or the five Windows-1252 leaves undefined.
    package static func legacyEncoding(of bytes: some Collection<UInt8>) -> TextEncoding? {
        var sawInvalid = false
        var iterator = bytes.makeIterator()
        var pending: [UInt8] = []
        func multibyteLength(_ lead: UInt8) -> Int? {
            switch lead {
            case 0xC2...0xDF: return 2
            case 0xE0...0xEF: return 3
            case 0xF0...0xF4: return 4
            default: return nil
            }
        }
        while let byte = pending.isEmpty ? iterator.next() : pending.removeFirst() {
            guard byte >= 0x80 else { continue }
            if implausibleInText.contains(byte) { return nil }
            guard let length = multibyteLength(byte) else { sawInvalid = true; continue }
            var sequence = [byte]
            while sequence.count < length, let next = iterator.next() {
                guard next & 0xC0 == 0x80 else { pending.append(next); break }
                sequence.append(next)
            }
            if sequence.count == length, String(validating: sequence, as: UTF8.self) != nil { return nil }
            sawInvalid = true
        }
        return sawInvalid ? .windows1252 : nil
    }

    /// Bytes that Windows-1252 leaves undefined, and Icelandic letters (Ð ð Þ þ) no Dutch text has:
    /// found beside other bytes beyond ASCII, they say damage, not a code page.
    private static let implausibleInText: Set<UInt8> = [0x81, 0x8D, 0x8F, 0x90, 0x9D, 0xD0, 0xDE, 0xF0, 0xFE]
}

/// Converts a stream of bytes in one encoding to UTF-8, chunk by chunk: a code unit or surrogate
/// pair cut by a chunk boundary is carried to the next chunk. Unpaired surrogates become U+FFFD.
package struct TextTranscoder: Sendable {
    let encoding: TextEncoding
    private var carry: [UInt8] = []
    private var highSurrogate: UInt16?
    /// Whether something had to be replaced by U+FFFD.
    private(set) var repaired = false

    package init(_ encoding: TextEncoding) { self.encoding = encoding }

    /// The UTF-8 form of `chunk`, as far as it is complete.
    package mutating func convert(_ chunk: some Collection<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(chunk.count + chunk.count / 2)
        switch encoding {
        case .utf8:
            output.append(contentsOf: chunk)
        case .windows1252, .latin1:
            for byte in chunk { append(Self.scalar(byte, in: encoding), to: &output) }
        case .utf16LE, .utf16BE:
            var bytes = carry
            bytes.append(contentsOf: chunk)
            let whole = bytes.count & ~1
            var index = 0
            while index < whole {
                let unit = encoding == .utf16LE ? UInt16(bytes[index]) | UInt16(bytes[index + 1]) << 8
                    : UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1])
                take(unit, into: &output)
                index += 2
            }
            carry = Array(bytes[whole...])
        }
        return output
    }

    /// What is left at the end of the input: an odd byte or a lone surrogate, as U+FFFD.
    package mutating func finish() -> [UInt8] {
        var output: [UInt8] = []
        if highSurrogate != nil || !carry.isEmpty {
            append("\u{FFFD}", to: &output)
            repaired = true
        }
        highSurrogate = nil
        carry = []
        return output
    }

    /// The whole of `bytes` in UTF-8.
    package static func convert(_ bytes: some Collection<UInt8>, from encoding: TextEncoding) -> (text: [UInt8], repaired: Bool) {
        var transcoder = TextTranscoder(encoding)
        let text = transcoder.convert(bytes) + transcoder.finish()
        return (text, transcoder.repaired)
    }

    private mutating func take(_ unit: UInt16, into output: inout [UInt8]) {
        if let high = highSurrogate {
            highSurrogate = nil
            if (0xDC00...0xDFFF).contains(unit) {
                let value = 0x10000 + (UInt32(high - 0xD800) << 10) + UInt32(unit - 0xDC00)
                append(Unicode.Scalar(value)!, to: &output)
                return
            }
            append("\u{FFFD}", to: &output)
            repaired = true
        }
        switch unit {
        case 0xD800...0xDBFF: highSurrogate = unit
        case 0xDC00...0xDFFF: append("\u{FFFD}", to: &output); repaired = true
        default: append(Unicode.Scalar(unit)!, to: &output)
        }
    }

    private func append(_ scalar: Unicode.Scalar, to output: inout [UInt8]) {
        if scalar.value < 0x80 { output.append(UInt8(scalar.value)); return }
        output.append(contentsOf: UTF8.encode(scalar)!)
    }

    /// A byte's character: Latin-1 is the first 256 code points; Windows-1252 puts printable characters
    /// (€, ‘ ’ “ ”, …) in 0x80–0x9F and keeps the five bytes it leaves undefined as C1 controls.
    private static func scalar(_ byte: UInt8, in encoding: TextEncoding) -> Unicode.Scalar {
        guard encoding == .windows1252, (0x80...0x9F).contains(byte) else { return Unicode.Scalar(byte) }
        return Unicode.Scalar(windows1252High[Int(byte - 0x80)])!
    }

    private static let windows1252High: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]
}

extension RecordWarning {
    /// The input was not UTF-8 and was converted: which encoding, and that offsets count in the result.
    package static func decoded(from encoding: TextEncoding) -> RecordWarning {
        let name = encoding.displayName
        return RecordWarning(code: "input.encoding", text: LocalizedText(
                nl: "de tekst is \(name), geen UTF-8, en is als \(name) gelezen; posities gelden voor de tekst omgezet naar UTF-8 (kies een andere met --encoding)",
                en: "the text is \(name), not UTF-8, and was read as \(name); offsets refer to the text converted to UTF-8 (choose another with --encoding)"))
    }
}

extension RecordWarning {
    /// A problem an importer read past in a record (a stray quote in a CSV row): `code` names its kind.
    package static func reading(code: String, nl: String, en: String) -> RecordWarning {
        RecordWarning(code: code, text: LocalizedText(nl: nl, en: en))
    }
}

extension EncodingDetection {
    /// A whole input (a text file) as UTF-8: its byte-order mark dropped, converted from the encoding
    /// chosen, or else from the one its first bytes announce, or else — bytes that are no UTF-8 and
    /// hold no UTF-8 sequence — from Windows-1252. `detected`: the encoding found, when not chosen and not UTF-8.
    package static func decodeWhole(_ bytes: [UInt8], choice: EncodingChoice) -> (text: [UInt8], detected: TextEncoding?) {
        let start = self.start(of: bytes, choice: choice)
        let body = bytes.dropFirst(start.markLength)
        if start.encoding != .utf8 { return (TextTranscoder.convert(body, from: start.encoding).text, start.detected) }
        return start.markLength == 0 && choice == .automatic ? decodeRecord(bytes, choice: choice) : (Array(body), nil)
    }

    /// How a stream starts: the encoding to read it in (chosen, else announced by its first bytes,
    /// else UTF-8), how many bytes of byte-order mark to drop, and the encoding found when it was
    /// found rather than chosen (and is not UTF-8).
    package static func start(of head: some Collection<UInt8>, choice: EncodingChoice) -> (encoding: TextEncoding, markLength: Int, detected: TextEncoding?) {
        let sniffed = sniff(head)
        switch choice {
        case .fixed(let chosen):
            return (chosen, sniffed?.encoding == chosen ? sniffed!.markLength : 0, nil)
        case .automatic:
            let encoding = sniffed?.encoding ?? .utf8
            return (encoding, sniffed?.markLength ?? 0, encoding == .utf8 ? nil : encoding)
        }
    }

    /// One record's text, read from a UTF-8 input: converted from Windows-1252 when it is no UTF-8
    /// and holds no UTF-8 sequence (judged per record, so one damaged record in a UTF-8 file is
    /// repaired by the text model instead). `detected`: the encoding it was converted from.
    package static func decodeRecord(_ bytes: [UInt8], choice: EncodingChoice) -> (text: [UInt8], detected: TextEncoding?) {
        guard choice == .automatic, !UTF8Decoding.isValid(bytes), let legacy = legacyEncoding(of: bytes) else { return (bytes, nil) }
        return (TextTranscoder.convert(bytes, from: legacy).text, legacy)
    }
}
