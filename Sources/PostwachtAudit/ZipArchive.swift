import Foundation
import PostwachtCore
import ZIPFoundation

/// The entries of a zip archive, read from its central directory, and inflated with a bound.
///
/// ZIPFoundation's own `extract` loops forever on an entry whose deflate stream runs on to the end of
/// the file (its inflate loop waits for a stream end that never comes once reads return nothing), and
/// it tells zlib a short last chunk is a whole buffer. Fuzzing found the first. So the directory is
/// read here, each entry's data is located from its local header, and only ZIPFoundation's inflate is
/// used, fed by a provider that hands out whole buffers and stops at the entry's compressed size.
struct ZipArchive {
    struct Entry: Sendable {
        var path: String
        var isDirectory: Bool
        /// 0 stored, 8 deflated; others are refused when read.
        var method: UInt16
        var compressedSize: UInt64
        var uncompressedSize: UInt64
        var crc32: UInt32
        var localHeaderOffset: UInt64
    }

    /// Why an archive or entry cannot be read, in Dutch and English.
    struct Damage: Error, CustomStringConvertible {
        var dutch: String
        var english: String
        init(_ dutch: String, _ english: String) {
            self.dutch = dutch
            self.english = english
        }
        var description: String { english }
        func text(in language: Language) -> String { language.say(dutch, english) }
    }

    let url: URL
    private(set) var entries: [Entry] = []

    init(url: URL) throws {
        self.url = url
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        let size = try handle.seekToEnd()
        // The end-of-central-directory record is in the last 22 bytes plus at most a 64 KB comment.
        let tailStart = size > 65_557 ? size - 65_557 : 0
        let tail = try Self.read(handle, at: tailStart, count: Int(size - tailStart))
        guard let end = Self.lastIndex(of: [0x50, 0x4B, 0x05, 0x06], in: tail), end + 22 <= tail.count else {
            throw Damage("het einde van de inhoudsopgave ontbreekt", "missingEndOfCentralDirectoryRecord")
        }
        var count = UInt64(tail.little16(end + 10))
        var directorySize = UInt64(tail.little32(end + 12))
        var directoryOffset = UInt64(tail.little32(end + 16))
        if count == 0xFFFF || directorySize == 0xFFFF_FFFF || directoryOffset == 0xFFFF_FFFF {
            // ZIP64: a locator just before the record points to the ZIP64 end record.
            guard end >= 20, tail.little32(end - 20) == 0x0706_4B50 else { throw Damage("de ZIP64-verwijzing ontbreekt", "missing ZIP64 locator") }
            let record = try Self.read(handle, at: tail.little64(end - 12), count: 56)
            guard record.count == 56, record.little32(0) == 0x0606_4B50 else { throw Damage("het ZIP64-eindrecord is beschadigd", "damaged ZIP64 end record") }
            count = record.little64(32)
            directorySize = record.little64(40)
            directoryOffset = record.little64(48)
        }
        guard directoryOffset + directorySize <= size, directorySize <= 1 << 30 else { throw Damage("de inhoudsopgave ligt buiten het bestand", "the central directory lies outside the file") }
        let directory = try Self.read(handle, at: directoryOffset, count: Int(directorySize))
        var position = 0
        for _ in 0..<count {
            guard position + 46 <= directory.count, directory.little32(position) == 0x0201_4B50 else {
                throw Damage("onderdeel \(entries.count + 1) van de inhoudsopgave is beschadigd", "damaged central directory entry \(entries.count + 1)")
            }
            let flags = directory.little16(position + 8)
            let nameLength = Int(directory.little16(position + 28)), extraLength = Int(directory.little16(position + 30))
            let commentLength = Int(directory.little16(position + 32))
            guard position + 46 + nameLength + extraLength + commentLength <= directory.count else {
                throw Damage("onderdeel \(entries.count + 1) van de inhoudsopgave is beschadigd", "damaged central directory entry \(entries.count + 1)")
            }
            let nameBytes = directory[(position + 46)..<(position + 46 + nameLength)]
            var entry = Entry(path: Self.name(nameBytes, utf8Flag: flags & (1 << 11) != 0), isDirectory: nameBytes.last == UInt8(ascii: "/"),
                              method: directory.little16(position + 10), compressedSize: UInt64(directory.little32(position + 20)),
                              uncompressedSize: UInt64(directory.little32(position + 24)), crc32: directory.little32(position + 16),
                              localHeaderOffset: UInt64(directory.little32(position + 42)))
            Self.applyZIP64(directory[(position + 46 + nameLength)..<(position + 46 + nameLength + extraLength)], to: &entry)
            // Sizes and offsets are checked against the file here, so no sum made from them overflows.
            guard entry.localHeaderOffset <= size, entry.compressedSize <= size else {
                throw Damage("'\(entry.path)' wijst buiten het bestand", "central directory entry '\(entry.path)' points outside the file")
            }
            entries.append(entry)
            position += 46 + nameLength + extraLength + commentLength
        }
    }

    /// The entry's contents chunk by chunk, inflated as they are read, never past its compressed
    /// size; a wrong checksum is an error after the last chunk.
    static func forEachChunk(of entry: Entry, in url: URL, size chunkSize: Int = 1 << 16, _ body: (Data) throws -> Void) throws {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        let header = try read(handle, at: entry.localHeaderOffset, count: 30)
        guard header.count == 30, header.little32(0) == 0x0403_4B50 else { throw Damage("'\(entry.path)' heeft geen lokale kop", "no local header for '\(entry.path)'") }
        let dataOffset = entry.localHeaderOffset + 30 + UInt64(header.little16(26)) + UInt64(header.little16(28))
        let compressed = entry.compressedSize
        switch entry.method {
        case 0:
            var position: UInt64 = 0
            var checksum: CRC32 = 0
            while position < compressed {
                let chunk = try read(handle, at: dataOffset + position, count: Int(min(UInt64(chunkSize), compressed - position)))
                guard !chunk.isEmpty else { throw Damage("'\(entry.path)' houdt op voor zijn grootte", "'\(entry.path)' ends before its size") }
                checksum = chunk.crc32(checksum: checksum)
                try body(chunk)
                position += UInt64(chunk.count)
            }
            guard checksum == entry.crc32 else { throw Damage("'\(entry.path)': verkeerde controlesom", "'\(entry.path)': wrong checksum") }
        case 8:
            let checksum = try Data.decompress(size: Int64(compressed), bufferSize: chunkSize, skipCRC32: false, provider: { position, size in
                // Whole buffers only (zlib is told every chunk is `size` long): the entry's last bytes are
                // padded with zeros, and asking past them means the stream never ended.
                guard position >= 0, UInt64(position) < compressed else { throw Damage("'\(entry.path)': de ingepakte gegevens houden niet op", "'\(entry.path)': the compressed data has no end") }
                var chunk = try Self.read(handle, at: dataOffset + UInt64(position), count: Int(min(UInt64(size), compressed - UInt64(position))))
                guard !chunk.isEmpty else { throw Damage("'\(entry.path)' houdt op voor zijn grootte", "'\(entry.path)' ends before its size") }
                if chunk.count < size { chunk.append(Data(count: size - chunk.count)) }
                return chunk
            }, consumer: body)
            guard checksum == entry.crc32 else { throw Damage("'\(entry.path)': verkeerde controlesom", "'\(entry.path)': wrong checksum") }
        default:
            throw Damage("'\(entry.path)': inpakmethode \(entry.method) wordt niet ondersteund", "'\(entry.path)': compression method \(entry.method) is not supported")
        }
    }

    private static func read(_ handle: FileHandle, at offset: UInt64, count: Int) throws -> Data {
        guard count > 0 else { return Data() }
        try handle.seek(toOffset: offset)
        return try handle.read(upToCount: count) ?? Data()
    }

    private static func lastIndex(of signature: [UInt8], in data: Data) -> Int? {
        let bytes = [UInt8](data)
        guard bytes.count >= signature.count else { return nil }
        for index in stride(from: bytes.count - signature.count, through: 0, by: -1) where bytes[index..<index + signature.count].elementsEqual(signature) {
            return index
        }
        return nil
    }

    /// UTF-8 when the entry says so or the bytes are UTF-8; else the Windows code page, close to the
    /// DOS code page zip tools of old wrote.
    private static func name(_ bytes: Data.SubSequence, utf8Flag: Bool) -> String {
        if let text = String(validating: Array(bytes), as: UTF8.self) { return text }
        return String(decoding: TextTranscoder.convert(bytes, from: .windows1252).text, as: UTF8.self)
    }

    /// The ZIP64 extra field (id 1) holds the sizes and offset that did not fit, in this order.
    private static func applyZIP64(_ extra: Data.SubSequence, to entry: inout Entry) {
        let bytes = Data(extra)
        var position = 0
        while position + 4 <= bytes.count {
            let id = bytes.little16(position), length = Int(bytes.little16(position + 2))
            guard position + 4 + length <= bytes.count else { return }
            if id == 1 {
                var field = position + 4
                func next() -> UInt64? {
                    guard field + 8 <= position + 4 + length else { return nil }
                    defer { field += 8 }
                    return bytes.little64(field)
                }
                if entry.uncompressedSize == 0xFFFF_FFFF, let value = next() { entry.uncompressedSize = value }
                if entry.compressedSize == 0xFFFF_FFFF, let value = next() { entry.compressedSize = value }
                if entry.localHeaderOffset == 0xFFFF_FFFF, let value = next() { entry.localHeaderOffset = value }
                return
            }
            position += 4 + length
        }
    }
}

private extension Data {
    func little16(_ offset: Int) -> UInt16 {
        let start = startIndex + offset
        return UInt16(self[start]) | UInt16(self[start + 1]) << 8
    }

    func little32(_ offset: Int) -> UInt32 {
        UInt32(little16(offset)) | UInt32(little16(offset + 2)) << 16
    }

    func little64(_ offset: Int) -> UInt64 {
        UInt64(little32(offset)) | UInt64(little32(offset + 4)) << 32
    }
}
