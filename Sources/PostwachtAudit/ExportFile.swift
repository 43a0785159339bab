import Foundation
import PostwachtCore

/// The platforms whose exports `postwacht audit` reads.
public enum ExportFormat: String, CaseIterable, Sendable {
    case jsonl, csv, facebook, instagram, twitter, wordpress, mastodon
}

/// One file of an export: on disk or inside a zip archive, with the format it holds.
public struct ExportFile: Sendable {
    /// Path as the user will recognise it: `twitter-archive.zip/data/tweets.js`.
    public var path: String
    public var format: ExportFormat
    public var size: Int
    /// On disk, so line formats can stream it; nil for a zip entry (inflated in memory, never unpacked to disk).
    public var url: URL?
    /// The zip archive holding the file, and the file's entry in it.
    let archive: URL?
    let entry: ZipArchive.Entry?
    /// Most bytes of one record (a JSONL line) and of a zip entry that is read whole (JSON, XML), so a
    /// zip bomb is refused with `input.too-large` instead of filling memory. Lowered in tests.
    var maximumBytes = ExportFile.maximumEntryBytes

    /// The cap on a zip entry read whole: as large as the largest record that is checked.
    public static let maximumEntryBytes = Document.maximumByteCount

    /// The contents in memory, for a file that is not on disk (tests, the fuzzer, stdin).
    let contents: Data?

    public init(path: String, format: ExportFormat, contents: Data) {
        self.init(path: path, format: format, size: contents.count, url: nil, archive: nil, entry: nil, contents: contents)
    }

    init(path: String, format: ExportFormat, size: Int, url: URL?, archive: URL?, entry: ZipArchive.Entry?, contents: Data? = nil) {
        self.path = path
        self.format = format
        self.size = size
        self.url = url
        self.archive = archive
        self.entry = entry
        self.contents = contents
    }

    /// The whole contents. Zip entries are inflated in memory, at most `maximumBytes` of them: a larger
    /// entry throws `input.too-large` naming the archive and the entry, and inflating it stops there.
    func data(_ language: Language) throws -> Data {
        if let contents { return contents }
        if let url { return try Data(contentsOf: url, options: .mappedIfSafe) }
        var inflated = Data()
        try forEachEntryChunk { chunk in
            guard inflated.count + chunk.count <= maximumBytes else { throw tooLarge(language) }
            inflated.append(chunk)
        }
        return inflated
    }

    /// The contents chunk by chunk (of at most `chunkSize` bytes), for the formats that stream: a zip
    /// entry is inflated as it is read, so memory stays bounded whatever its size.
    func forEachChunk(size chunkSize: Int, _ body: (Data) throws -> Void) throws {
        if let contents {
            var start = contents.startIndex
            while start < contents.endIndex {
                let end = min(start + chunkSize, contents.endIndex)
                try body(contents[start..<end])
                start = end
            }
            return
        }
        if let url {
            let handle = try FileHandle(forReadingFrom: url)
            defer { try? handle.close() }
            while let chunk = try handle.read(upToCount: chunkSize), !chunk.isEmpty { try body(chunk) }
            return
        }
        try forEachEntryChunk(size: chunkSize, body)
    }

    /// The contents as UTF-8, chunk by chunk: UTF-16 (announced by a byte-order mark or the NUL
    /// pattern, or chosen with `--encoding`) and the Windows code pages are converted as they are
    /// read; a UTF-8 byte-order mark is dropped. `detected` hears of an encoding found by itself
    /// (not chosen, not UTF-8), before the first chunk.
    func forEachUTF8Chunk(size chunkSize: Int, encoding choice: EncodingChoice, detected: (TextEncoding) -> Void = { _ in },
                          _ body: (ArraySlice<UInt8>) throws -> Void) throws {
        var transcoder: TextTranscoder?
        var started = false
        try forEachChunk(size: chunkSize) { chunk in
            var bytes = [UInt8](chunk)[...]
            if !started {
                started = true
                let start = EncodingDetection.start(of: bytes, choice: choice)
                bytes = bytes.dropFirst(start.markLength)
                if let found = start.detected { detected(found) }
                if start.encoding != .utf8 { transcoder = TextTranscoder(start.encoding) }
            }
            if transcoder != nil { try body(transcoder!.convert(bytes)[...]) } else { try body(bytes) }
        }
        if transcoder != nil { try body(transcoder!.finish()[...]) }
    }

    private func forEachEntryChunk(size chunkSize: Int = 1 << 16, _ body: (Data) throws -> Void) throws {
        guard let archive, let entry else { return }
        // The size the archive declares may lie; the inflated bytes are counted instead.
        try ZipArchive.forEachChunk(of: entry, in: archive, size: chunkSize, body)
    }

    private func tooLarge(_ language: Language) -> ImportFailure {
        let archiveName = archive?.lastPathComponent ?? path
        return ImportFailure(id: path, source: path, code: "input.too-large", message: language.say(
            "zip-onderdeel '\(entry?.path ?? path)' in \(archiveName) wordt uitgepakt groter dan \(maximumBytes) bytes; niet gelezen",
            "zip entry '\(entry?.path ?? path)' in \(archiveName) inflates to more than \(maximumBytes) bytes; not read"))
    }
}

/// A record that could not be read, named by file and position.
public struct ImportFailure: Error, Sendable {
    public var id: String
    public var source: String
    public var code: String
    public var message: String

    public init(id: String, source: String, code: String, message: String) {
        self.id = id
        self.source = source
        self.code = code
        self.message = message
    }

    /// A failure of the record at `source`, which is also its id.
    init(at source: String, _ code: String, _ message: String) {
        self.init(id: source, source: source, code: code, message: message)
    }
}

