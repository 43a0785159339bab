import Foundation
import PostwachtCore

/// A post read from an export, why one could not be read, or why an entry is no post to check.
public enum ImportItem: Sendable {
    /// `warnings`: what reading it noticed (a stray quote, another encoding), added to its result.
    case post(Record, source: String, warnings: [RecordWarning])
    /// JSONL lines still to split and decode: that happens on the checking threads, not the reading one.
    case lines(LineBlock)
    case failure(ImportFailure)
    case skipped(SkippedRecord)
}

/// An entry of an export that is deliberately not checked, and why: each is counted in the summary.
public struct SkippedRecord: Sendable {
    public var source: String
    public var reason: SkipReason
}

/// Why an entry is not checked. Each kind is documented in docs/audit.md.
public enum SkipReason: Hashable, Sendable {
    /// A Mastodon boost: someone else's post, repeated.
    case boost
    /// A WordPress attachment: the medium of a post, added to that post's record.
    case mediaItem
    /// An entry of another kind than a post: a WordPress menu item or revision, an ActivityPub Like.
    case notAPost(String)
    /// A Facebook entry with neither text nor media ("updated their status" without words).
    case noContent

    public func text(in language: Language) -> String {
        switch self {
        case .boost: return language.say("doorgestuurd bericht van een ander (boost)", "someone else's post boosted")
        case .mediaItem: return language.say("bijlage, meegeteld bij haar bericht", "attachment, counted with its post")
        case .notAPost(let kind): return language.say("geen bericht (\(kind))", "not a post (\(kind))")
        case .noContent: return language.say("zonder tekst en zonder foto", "without text or media")
        }
    }
}

/// How to read exports: CSV columns, the encoding of text files, the language of messages.
public struct ReadOptions: Sendable {
    public var columns = ColumnMapping()
    public var encoding = EncodingChoice.automatic
    public var language = Language.nl
    public init(columns: ColumnMapping = ColumnMapping(), encoding: EncodingChoice = .automatic, language: Language = .nl) {
        self.columns = columns
        self.encoding = encoding
        self.language = language
    }
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

/// Reads the posts of one export file, in file order. Line formats stream; the JSON and XML formats
/// are read per file (each export part is one document), post by post. Whatever goes wrong becomes
/// an error record for that post or that file; nothing here traps or stops the other files.
public enum ExportReader {
    public static func read(_ file: ExportFile, options: ReadOptions = ReadOptions(), emit: (ImportItem) -> Void) {
        let language = options.language
        do {
            switch file.format {
            case .jsonl: try readJSONL(file, options: options, emit: emit)
            case .csv: try withoutActuallyEscaping(emit) { emit in try CSVImport(file: file, options: options, emit: emit).read() }
            case .facebook, .instagram, .mastodon, .twitter: try readJSON(file, data: try file.data(language), encoding: options.encoding, language: language, emit: emit)
            case .wordpress: WXRReader.read(file, language: language, emit: emit)
            }
        } catch let failure as ImportFailure {
            emit(.failure(failure))
        } catch let damage as ZipArchive.Damage {
            emit(.failure(ImportFailure(at: file.path, "input.zip", language.say(
                "het zip-onderdeel is beschadigd: \(damage.text(in: .nl))", "the zip entry is damaged: \(damage.text(in: .en))"))))
        } catch {
            emit(.failure(ImportFailure(at: file.path, "input.unreadable", language.say(
                "het bestand is niet te lezen (\(error.localizedDescription))", "cannot read the file (\(error.localizedDescription))"))))
        }
    }

    // MARK: JSONL

    private static func readJSONL(_ file: ExportFile, options: ReadOptions, emit: (ImportItem) -> Void) throws {
        var cutter = LineBlockCutter(path: file.path, maximumLineBytes: file.maximumBytes)
        var encoding: TextEncoding?
        func pass(_ piece: LineBlockCutter.Piece) {
            switch piece {
            case .block(var block):
                block.encoding = encoding
                emit(.lines(block))
            case .tooLong(let line, let count):
                emit(.failure(ImportFailure(at: "\(file.path):\(line)", "input.too-large", options.language.say(
                    "regel van \(count) bytes is langer dan \(file.maximumBytes)", "line of \(count) bytes is longer than \(file.maximumBytes)"))))
            }
        }
        // On disk or inflated from a zip entry as it is read: a line over the limit is skipped, not held.
        try file.forEachUTF8Chunk(size: 1 << 17, encoding: options.encoding, detected: { encoding = $0 }) { cutter.feed($0, emit: pass) }
        cutter.finish(emit: pass)
    }

    // MARK: JSON exports

    private static func readJSON(_ file: ExportFile, data: Data, encoding: EncodingChoice, language: Language, emit: (ImportItem) -> Void) throws {
        var bytes = [UInt8](data)
        // Exports are UTF-8; UTF-16 (with its byte-order mark, or chosen) is converted whole.
        let encoding = EncodingDetection.start(of: bytes.prefix(512), choice: encoding)
        if encoding.encoding != .utf8 { bytes = TextTranscoder.convert(bytes.dropFirst(encoding.markLength), from: encoding.encoding).text }
        var start = 0
        if file.format == .twitter {
            // tweets.js: `window.YTD.tweets.part0 = [ … ]`
            guard bytes.starts(with: Array("window.YTD.".utf8)), let equals = bytes.prefix(200).firstIndex(of: UInt8(ascii: "=")) else {
                throw ImportFailure(at: file.path, "input.twitter", language.say(
                    "het archiefvoorvoegsel 'window.YTD.tweets.part0 = ' ontbreekt", "expected the archive prefix 'window.YTD.tweets.part0 = '"))
            }
            start = equals + 1
        }
        let location: JSONRecordArray.Location = switch file.format {
        case .mastodon: .member("orderedItems")
        case .twitter: .root
        default: .rootOrFirstArrayMember
        }
        withoutActuallyEscaping(emit) { emit in
        let reader = PlatformPosts(file: file, language: language, emit: emit)
        bytes.withUnsafeBufferPointer { buffer in
            let posts = JSONRecordArray(buffer, from: start, location: location)
            func at(_ offset: Int) -> String { "\(file.path):\(JSONRecordArray.line(of: offset, in: buffer))" }
            if let broken = posts.breaksOff, broken.problem == .noArray, posts.elements.isEmpty {
                let expected = file.format == .mastodon
                    ? language.say("verwacht een OrderedCollection met \"orderedItems\"", "expected an OrderedCollection with \"orderedItems\"")
                    : language.say("verwacht een lijst met berichten", "expected an array of posts")
                emit(.failure(ImportFailure(at: file.path, "input.\(file.format.rawValue)", expected)))
                return
            }
            var stray = posts.strayBytes[...]
            for (index, range) in posts.elements.enumerated() {
                do throws(JSONSyntaxError) {
                    reader.read(try JSONValue.parse(bytes[range]), index: index)
                } catch {
                    let source = "\(file.path) #\(index + 1)"
                    emit(.failure(ImportFailure(at: source, "input.invalid-json", language.say(
                        "geen geldige JSON: \(error.description(in: .nl)) (regel \(JSONRecordArray.line(of: range.lowerBound + error.offset, in: buffer)))",
                        "not valid JSON: \(error.description(in: .en)) (line \(JSONRecordArray.line(of: range.lowerBound + error.offset, in: buffer)))"))))
                }
                while let next = stray.first, next.afterElement == index + 1 {
                    stray = stray.dropFirst()
                    emit(.failure(ImportFailure(at: at(next.offset), "input.invalid-json", language.say(
                        "losse tekens na bericht #\(index + 1) overgeslagen", "stray bytes after post #\(index + 1) skipped"))))
                }
            }
            if let broken = posts.breaksOff {
                let after = posts.elements.isEmpty ? language.say("voor het eerste bericht", "before the first post")
                    : language.say("na bericht #\(posts.elements.count)", "after post #\(posts.elements.count)")
                emit(.failure(ImportFailure(at: at(broken.offset), "input.invalid-json", language.say(
                    "de JSON breekt af \(after): \(broken.describe(.nl)); de rest van het bestand is niet te lezen",
                    "the JSON breaks off \(after): \(broken.describe(.en)); the rest of the file could not be read"))))
            }
        }
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
