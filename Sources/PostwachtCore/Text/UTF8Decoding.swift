/// Turns raw input bytes into the UTF-8 text every other stage works on.
package enum UTF8Decoding {
    /// The bytes as valid UTF-8: invalid sequences become U+FFFD (one per maximal ill-formed subpart).
    /// `repaired` tells whether anything was replaced. A U+FEFF at the start stays: in a JSON string or
    /// a request it is part of the text the offsets count; only a file's reader drops it as a marker.
    static func decode(_ bytes: [UInt8]) -> (text: [UInt8], repaired: Bool) {
        if isValid(bytes) { return (bytes, false) }
        return (Array(String(decoding: bytes, as: UTF8.self).utf8), true)
    }

    /// A file's contents without the byte-order mark editors on Windows put first: offsets in a text
    /// file's findings count from the first character after it.
    static func droppingByteOrderMark(_ bytes: [UInt8]) -> [UInt8] {
        bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
    }

    /// Whether `bytes` is well-formed UTF-8; 8 ASCII bytes at a time where it can.
    package static func isValid(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            let count = buffer.count
            guard let base = buffer.baseAddress else { return true }
            var index = 0
            while index < count {
                if index + 8 <= count {
                    let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                    if word & 0x8080_8080_8080_8080 == 0 { index += 8; continue }
                }
                let lead = base[index]
                if lead < 0x80 { index += 1; continue }
                let length: Int
                var lower: UInt8 = 0x80, upper: UInt8 = 0xBF
                switch lead {
                case 0xC2...0xDF: length = 2
                case 0xE0: length = 3; lower = 0xA0
                case 0xE1...0xEC, 0xEE...0xEF: length = 3
                case 0xED: length = 3; upper = 0x9F
                case 0xF0: length = 4; lower = 0x90
                case 0xF1...0xF3: length = 4
                case 0xF4: length = 4; upper = 0x8F
                default: return false
                }
                guard index + length <= count else { return false }
                let second = base[index + 1]
                guard second >= lower, second <= upper else { return false }
                for offset in 2..<max(2, length) where base[index + offset] & 0xC0 != 0x80 { return false }
                index += length
            }
            return true
        }
    }
}
