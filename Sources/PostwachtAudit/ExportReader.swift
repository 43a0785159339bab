import Foundation
import PostwachtCore

/// A post read from an export, or why one could not be read.
public enum ImportItem: Sendable {
    case post(Record, source: String)
    /// JSONL lines still to split and decode: that happens on the checking threads, not the reading one.
    case lines(LineBlock)
    case failure(ImportFailure)
}

/// CSV columns by role; defaults match common exports, `--column text=tekst` overrides.
public struct ColumnMapping: Sendable {
    public var columns: [String: String] = [:]
    public init() {}

    /// The header naming `role`: the override, else the first known alias present.
    func index(of role: String, in header: [String]) -> Int? {
        let lowered = header.map { $0.lowercased().trimmingCharacters(in: .whitespaces) }
        if let chosen = columns[role] { return lowered.firstIndex(of: chosen.lowercased()) }
        return Self.aliases[role, default: [role]].lazy.compactMap { lowered.firstIndex(of: $0) }.first
    }

    public static let roles = ["id", "text", "created_at", "author", "author_role", "channel", "media", "org"]
    static let aliases: [String: [String]] = [
        "id": ["id", "post_id", "bericht_id", "message_id"],
        "text": ["text", "message", "body", "content", "tekst", "bericht", "post"],
        "created_at": ["created_at", "date", "datum", "timestamp", "published", "time"],
        "author": ["author", "auteur", "from", "user", "name"],
        "author_role": ["author_role", "role", "rol"],
        "channel": ["channel", "kanaal", "platform"],
        "media": ["media", "attachments", "bijlagen", "images"],
        "org": ["org", "school", "organisation"],
    ]
}

/// Reads the posts of one export file, in file order. Line formats stream from disk; the JSON and
/// XML formats are read per file (each export part is one document). `emit` returns false to stop.
public enum ExportReader {
    public static func read(_ file: ExportFile, columns: ColumnMapping = ColumnMapping(), emit: (ImportItem) -> Void) {
        func fail(_ code: String, _ message: String, at position: String? = nil) {
            let id = position.map { "\(file.path):\($0)" } ?? file.path
            emit(.failure(ImportFailure(id: id, source: file.path, code: code, message: message)))
        }
        do {
            switch file.format {
            case .jsonl: try readJSONL(file, emit: emit)
            case .csv: try readCSV(file, columns: columns, emit: emit)
            case .facebook, .instagram, .mastodon, .twitter:
                let data = try file.data()
                try readJSON(file, data: data, emit: emit)
            case .wordpress: WXRReader.read(file, emit: emit)
            }
        } catch let failure as ImportFailure {
            emit(.failure(failure))
        } catch {
            fail("input.unreadable", "cannot read the file (\(error.localizedDescription))")
        }
    }

    // MARK: JSONL

    private static func readJSONL(_ file: ExportFile, emit: (ImportItem) -> Void) throws {
        var cutter = LineBlockCutter(path: file.path, maximumLineBytes: file.maximumBytes)
        func pass(_ piece: LineBlockCutter.Piece) {
            switch piece {
            case .block(let block): emit(.lines(block))
            case .tooLong(let line, let count):
                let position = "\(file.path):\(line)"
                emit(.failure(ImportFailure(id: position, source: position, code: "input.too-large",
                                            message: "line of \(count) bytes is longer than \(file.maximumBytes)")))
            }
        }
        // On disk or inflated from a zip entry as it is read: a line over the limit is skipped, not held.
        try file.forEachChunk(size: 1 << 17) { cutter.feed($0, emit: pass) }
        cutter.finish(emit: pass)
    }

    // MARK: CSV

    private static func readCSV(_ file: ExportFile, columns: ColumnMapping, emit: (ImportItem) -> Void) throws {
        var header: [String]?
        var indexes: [String: Int] = [:]
        var separator = UInt8(ascii: ",")
        var reader: CSVReader?
        /// Rows of a file whose header names no text column: counted, reported once at the end.
        var rowsWithoutText = 0
        func record(_ read: CSVReader.Record, line: Int) {
            let position = "\(file.path):\(line)"
            guard case .fields(let fields) = read else {
                if case .tooLarge(let bytes) = read {
                    emit(.failure(ImportFailure(id: position, source: position, code: "input.too-large",
                                                message: "a record of \(bytes) bytes is longer than \(Document.maximumByteCount); not read")))
                }
                return
            }
            guard let header else {
                var names = fields.map { String(decoding: $0, as: UTF8.self) }
                if let first = names.first, first.hasPrefix("\u{FEFF}") { names[0] = String(first.dropFirst()) }
                header = names
                for role in ColumnMapping.roles { indexes[role] = columns.index(of: role, in: names) }
                return
            }
            guard let textIndex = indexes["text"] else {
                rowsWithoutText += 1
                return
            }
            guard fields.count == header.count else {
                emit(.failure(ImportFailure(id: position, source: position, code: "input.csv",
                                            message: "row has \(fields.count) fields, the header has \(header.count)")))
                return
            }
            func text(_ role: String) -> String? {
                indexes[role].map { String(decoding: fields[$0], as: UTF8.self) }.flatMap { $0.isEmpty ? nil : $0 }
            }
            let id = text("id") ?? position
            var metadata = RecordMetadata(organisation: text("org"), channel: text("channel"),
                                          createdAt: JSONLRecordDecoder.date(text("created_at")), author: text("author"))
            metadata.authorRole = text("author_role").flatMap(AuthorRole.init(named:))
            metadata.attachments = (text("media") ?? "").split(separator: ";").map { name in
                Attachment(type: MediaKind.of(String(name)), name: name.trimmingCharacters(in: .whitespaces))
            }
            emit(.post(Record(id: id, bytes: fields[textIndex], metadata: metadata), source: position))
        }
        func start(_ firstBytes: some Collection<UInt8>) {
            // A header with more semicolons than commas is a Dutch Excel export.
            let firstLine = firstBytes.prefix { $0 != 0x0A }
            separator = firstLine.filter { $0 == UInt8(ascii: ";") }.count > firstLine.filter { $0 == UInt8(ascii: ",") }.count
                ? UInt8(ascii: ";") : UInt8(ascii: ",")
            reader = CSVReader(separator: separator)
        }
        var problem: CSVReader.Problem?
        func consume(_ chunk: some Collection<UInt8>) {
            guard problem == nil else { return }
            if reader == nil { start(chunk) }
            do { try reader!.feed(chunk) { read, line in record(read, line: line) } } catch { problem = error }
        }
        try file.forEachChunk(size: 1 << 16) { consume($0) }
        if problem == nil, reader != nil {
            do { try reader!.finish { read, line in record(read, line: line) } } catch { problem = error }
        }
        if header == nil, problem == nil {
            throw ImportFailure(id: file.path, source: file.path, code: "input.csv", message: "the file is empty (no header row)")
        }
        if let problem {
            let (line, message): (Int, String) = switch problem {
            case .quoteInUnquotedField(let line): (line, "a quote inside an unquoted field")
            case .textAfterClosingQuote(let line): (line, "text after a closing quote")
            case .unterminatedQuote(let line): (line, "a quoted field that never ends; the rest of the file could not be read")
            }
            throw ImportFailure(id: "\(file.path):\(line)", source: "\(file.path):\(line)", code: "input.csv", message: message)
        }
        if let header, indexes["text"] == nil {
            throw ImportFailure(id: file.path, source: file.path, code: "input.csv",
                                message: "no text column among \(header.joined(separator: ", ")); \(rowsWithoutText) rows not read; name it with --column text=<header>")
        }
    }

    // MARK: JSON exports

    private static func readJSON(_ file: ExportFile, data: Data, emit: (ImportItem) -> Void) throws {
        var payload = data
        if file.format == .twitter {
            // tweets.js: `window.YTD.tweets.part0 = [ … ]`
            guard let equals = payload.prefix(200).firstIndex(of: UInt8(ascii: "=")), payload.starts(with: Array("window.YTD.".utf8)) else {
                throw ImportFailure(id: file.path, source: file.path, code: "input.twitter", message: "expected the archive prefix 'window.YTD.tweets.part0 = '")
            }
            payload = payload[(equals + 1)...]
        }
        let root: Any
        do { root = try JSONSerialization.jsonObject(with: payload) } catch {
            throw ImportFailure(id: file.path, source: file.path, code: "input.invalid-json", message: "not valid JSON: \((error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)")")
        }
        switch file.format {
        case .facebook: try PlatformPosts.facebook(root, file: file, emit: emit)
        case .instagram: try PlatformPosts.instagram(root, file: file, emit: emit)
        case .twitter: try PlatformPosts.twitter(root, file: file, emit: emit)
        case .mastodon: try PlatformPosts.mastodon(root, file: file, emit: emit)
        default: break
        }
    }
}

/// The kind of a media file by its name.
enum MediaKind {
    static func of(_ name: String) -> Attachment.Kind {
        switch (name.lowercased() as NSString).pathExtension {
        case "jpg", "jpeg", "png", "gif", "heic", "webp": return .image
        case "mp4", "mov", "m4v", "webm", "avi": return .video
        case "mp3", "m4a", "wav", "ogg": return .audio
        default: return .file
        }
    }
}
