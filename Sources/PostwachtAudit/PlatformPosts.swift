import Foundation
import PostwachtCore

/// The posts inside the JSON exports of Facebook, Instagram, X and Mastodon (layouts in
/// docs/audit.md). Each post is one element of the export's posts array, read on its own: a post
/// without the expected shape, or with a field of the wrong type, is an error record naming its
/// position and the field; posts that are not the account's own words (boosts) are skipped and counted.
struct PlatformPosts {
    let file: ExportFile
    let language: Language
    let emit: (ImportItem) -> Void

    /// Reads one post, the `index`th (0-based) of the file.
    func read(_ post: JSONValue, index: Int) {
        let source = "\(file.path) #\(index + 1)"
        do {
            switch file.format {
            case .facebook where Self.isFacebookComments(file.path): try facebookComment(post, index: index, source: source)
            case .facebook: try facebook(post, index: index, source: source)
            case .instagram: try instagram(post, index: index, source: source)
            case .twitter: try twitter(post, index: index, source: source)
            case .mastodon: try mastodon(post, index: index, source: source)
            case .jsonl, .csv, .wordpress: break
            }
        } catch let problem as ShapeProblem {
            emit(.failure(ImportFailure(at: source, "input.\(file.format.rawValue)", problem.message)))
        } catch {
            emit(.failure(ImportFailure(at: source, "input.\(file.format.rawValue)", "\(error)")))
        }
    }

    /// A post whose shape is off: the message names the field and what it holds.
    struct ShapeProblem: Error { var message: String }

    // MARK: Facebook

    /// Text in `data[k].post`, photo captions in `attachments[*].data[*].media.description`, time in
    /// `timestamp`, the author only in the `title` sentence ("Basisschool De Regenboog added a new photo.").
    private func facebook(_ post: JSONValue, index: Int, source: String) throws {
        guard case .object = post else { throw ShapeProblem(message: notAnObject("post", post)) }
        var texts: [String] = []
        var invalid = false
        for (position, entry) in try list(post, "data").enumerated() {
            guard let value = entry["post"] else { continue }
            if value == .null { continue }
            let (text, repaired) = try string(value, field: "data[\(position)].post")
            texts.append(text)
            invalid = invalid || repaired
        }
        var attachments: [Attachment] = []
        for (position, attachment) in try list(post, "attachments").enumerated() {
            for (item, data) in try list(attachment, "data", field: "attachments[\(position)].data").enumerated() {
                guard let media = data["media"] else { continue }
                let field = "attachments[\(position)].data[\(item)].media"
                if let uri = media["uri"], uri != .null {
                    let name = try string(uri, field: field + ".uri").text
                    attachments.append(Attachment(type: MediaKind.of(name) == .file ? .image : MediaKind.of(name), name: name))
                }
                if let caption = media["description"], caption != .null {
                    let (text, repaired) = try string(caption, field: field + ".description")
                    if !text.isEmpty, !texts.contains(text) { texts.append(text) }
                    invalid = invalid || repaired
                }
            }
        }
        guard !texts.isEmpty || !attachments.isEmpty else {
            emit(.skipped(SkippedRecord(source: source, reason: .noContent)))
            return
        }
        let title = try optionalString(post, "title")
        let metadata = RecordMetadata(attachments: attachments, channel: "facebook", createdAt: try date(post, "timestamp"),
                                      author: title.flatMap { Self.actor(inTitle: TextCleaning.repairMojibake($0)) }, kind: .post)
        let text = TextCleaning.repairMojibake(texts.joined(separator: "\n"))
        emit(.post(Record(id: "facebook-\(index + 1)", text: text, metadata: metadata), source: source, warnings: invalid ? [.invalidUTF8] : []))
    }

    /// The one who acted in a Facebook title: "Basisschool De Regenboog added a new photo." → the school.
    /// English and Dutch downloads word it differently; a title without a known verb names nobody.
    static func actor(inTitle title: String) -> String? {
        let verbs = [" added ", " updated ", " shared ", " was ", " is ", " posted ", " wrote ", " created ", " changed ", " likes ",
                     " reviewed ", " commented ", " heeft ", " deelde ", " plaatste ", " schreef ", " voegde "]
        let cut = verbs.compactMap { title.range(of: $0)?.lowerBound }.min()
        guard let cut else { return title.hasSuffix(".") || title.isEmpty ? nil : title }
        let name = title[..<cut].trimmingCharacters(in: .whitespaces)
        return name.isEmpty ? nil : name
    }

    // MARK: Instagram

    /// Caption in the top-level `title`, falling back to `media[0].title`; every post has media. A story
    /// or reel (`{"uri", "title", "creation_timestamp"}`) is its own single medium. A post without a
    /// caption is still a record: a photo on a public channel matters to the photo rules.
    private func instagram(_ post: JSONValue, index: Int, source: String) throws {
        guard case .object = post else { throw ShapeProblem(message: notAnObject("post", post)) }
        let media: [JSONValue]
        if let list = post["media"] {
            guard case .array(let items) = list else {
                throw ShapeProblem(message: language.say("\"media\" is \(kind(list, .nl)), verwacht een lijst", "\"media\" is \(kind(list, .en)), expected a list"))
            }
            media = items
        } else if post["uri"] != nil {
            media = [post]
        } else {
            throw ShapeProblem(message: language.say("bericht zonder \"media\"-lijst", "post has no \"media\" list"))
        }
        var caption = try optionalString(post, "title") ?? ""
        var invalid = post["title"].map(Self.hasInvalidUTF8) ?? false
        if caption.isEmpty, let first = media.first {
            guard case .object = first else { throw ShapeProblem(message: notAnObject("media[0]", first)) }
            caption = try optionalString(first, "title", field: "media[0].title") ?? ""
            invalid = first["title"].map(Self.hasInvalidUTF8) ?? false
        }
        var attachments: [Attachment] = []
        for (position, entry) in media.enumerated() {
            guard case .object = entry else { throw ShapeProblem(message: notAnObject("media[\(position)]", entry)) }
            let uri = try optionalString(entry, "uri", field: "media[\(position)].uri") ?? "photo.jpg"
            let kind = MediaKind.of(uri)
            attachments.append(Attachment(type: kind == .file ? .image : kind, name: uri))
        }
        let timestamp = try date(post, "creation_timestamp") ?? (media.first.map { try date($0, "creation_timestamp", field: "media[0].creation_timestamp") } ?? nil)
        let metadata = RecordMetadata(attachments: attachments, channel: "instagram", createdAt: timestamp, kind: .post)
        emit(.post(Record(id: "instagram-\(index + 1)", text: TextCleaning.repairMojibake(caption), metadata: metadata), source: source,
                   warnings: invalid ? [.invalidUTF8] : []))
    }

    // MARK: X

    private static let twitterDate: DateFormatter = {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "EEE MMM dd HH:mm:ss Z yyyy"
        return formatter
    }()

    private func twitter(_ item: JSONValue, index: Int, source: String) throws {
        guard let tweet = item["tweet"], case .object = tweet else {
            throw ShapeProblem(message: language.say("element zonder \"tweet\"-object", "entry has no \"tweet\" object"))
        }
        guard let value = tweet["full_text"] ?? tweet["text"] else {
            throw ShapeProblem(message: language.say("tweet zonder \"full_text\"", "tweet has no \"full_text\""))
        }
        let (text, invalid) = try string(value, field: "tweet.full_text")
        var media: [Attachment] = []
        if let entities = tweet["extended_entities"], case .array(let items)? = entities["media"] {
            for entry in items {
                let type = entry["type"]?.string
                media.append(Attachment(type: type == "photo" ? .image : .video, name: entry["media_url_https"]?.string))
            }
        }
        let created = try optionalString(tweet, "created_at", field: "tweet.created_at").flatMap { Self.twitterDate.date(from: $0) }
        let id = try optionalString(tweet, "id_str", field: "tweet.id_str").map { "tweet-\($0)" } ?? "tweet-\(index + 1)"
        // A reply names the tweet it answers; in_reply_to uses the same "tweet-<id>" form as record ids.
        let parent = try optionalString(tweet, "in_reply_to_status_id_str", field: "tweet.in_reply_to_status_id_str").flatMap { $0.isEmpty ? nil : "tweet-\($0)" }
        let metadata = RecordMetadata(attachments: media, channel: "x", createdAt: created, kind: parent == nil ? .post : .reply, inReplyTo: parent)
        emit(.post(Record(id: id, text: TextCleaning.decodeEntities(text), metadata: metadata), source: source, warnings: invalid ? [.invalidUTF8] : []))
    }

    // MARK: Mastodon

    private func mastodon(_ item: JSONValue, index: Int, source: String) throws {
        guard case .object = item else { throw ShapeProblem(message: notAnObject("item", item)) }
        let type = try optionalString(item, "type") ?? ""
        // Boosts (Announce) repeat someone else's post: not the school's words.
        guard type == "Create" else {
            emit(.skipped(SkippedRecord(source: source, reason: type == "Announce" ? .boost : .notAPost(type.isEmpty ? "?" : type))))
            return
        }
        guard let note = item["object"], case .object = note else {
            throw ShapeProblem(message: language.say("Create zonder \"object\" (het bericht)", "Create without an \"object\" (the post)"))
        }
        guard let content = note["content"] else {
            throw ShapeProblem(message: language.say("Create zonder object.content", "Create without object.content"))
        }
        let (html, contentInvalid) = content == .null ? ("", false) : try string(content, field: "object.content")
        var invalid = contentInvalid
        var text = TextCleaning.visibleText(ofHTML: html)
        if let warning = try optionalString(note, "summary", field: "object.summary"), !warning.isEmpty {
            text = warning + "\n" + text
            invalid = invalid || Self.hasInvalidUTF8(note["summary"]!)
        }
        var attachments: [Attachment] = []
        if let list = note["attachment"], case .array(let entries) = list {
            for entry in entries {
                let mediaType = entry["mediaType"]?.string ?? ""
                let kind: Attachment.Kind = mediaType.hasPrefix("image") ? .image : mediaType.hasPrefix("video") ? .video : mediaType.hasPrefix("audio") ? .audio : .file
                attachments.append(Attachment(type: kind, alt: entry["name"]?.string, name: entry["url"]?.string))
            }
        }
        let published = try optionalString(note, "published", field: "object.published") ?? optionalString(item, "published")
        // `inReplyTo`: the address of the post answered (null for a post of its own).
        let parent = try optionalString(note, "inReplyTo", field: "object.inReplyTo").flatMap { $0.isEmpty ? nil : $0 }
        let metadata = RecordMetadata(attachments: attachments, channel: "mastodon", createdAt: JSONLRecordDecoder.date(published),
                                      kind: parent == nil ? .post : .reply, inReplyTo: parent)
        let id = try optionalString(note, "id", field: "object.id") ?? "mastodon-\(index + 1)"
        emit(.post(Record(id: id, text: text, metadata: metadata), source: source, warnings: invalid ? [.invalidUTF8] : []))
    }

    // MARK: Fields

    /// A text field: its text, and whether it held bytes that are no UTF-8 (replaced by U+FFFD).
    func string(_ value: JSONValue, field: String) throws -> (text: String, repaired: Bool) {
        guard case .string(let bytes) = value else {
            throw ShapeProblem(message: language.say("het veld \(field) is \(kind(value, .nl)), verwacht tekst",
                                                     "the field \(field) is \(kind(value, .en)), expected text"))
        }
        return (String(decoding: bytes, as: UTF8.self), !UTF8Decoding.isValid(Array(bytes)))
    }

    /// `object[key]` as text; nil when it is missing or null, an error when it is anything but text.
    func optionalString(_ object: JSONValue, _ key: String, field: String? = nil) throws -> String? {
        guard let value = object[key], value != .null else { return nil }
        return try string(value, field: field ?? key).text
    }

    /// `object[key]` as a list of objects; empty when missing or null.
    func list(_ object: JSONValue, _ key: String, field: String? = nil) throws -> [JSONValue] {
        guard let value = object[key], value != .null else { return [] }
        guard case .array(let items) = value else {
            throw ShapeProblem(message: language.say("het veld \(field ?? key) is \(kind(value, .nl)), verwacht een lijst",
                                                     "the field \(field ?? key) is \(kind(value, .en)), expected a list"))
        }
        return items
    }

    /// Unix seconds, as a number or numeric text.
    func date(_ object: JSONValue, _ key: String, field: String? = nil) throws -> Date? {
        guard let value = object[key], value != .null else { return nil }
        switch value {
        case .number(let spelling): return Double(spelling).map { Date(timeIntervalSince1970: $0) }
        case .string: return value.string.flatMap(Double.init).map { Date(timeIntervalSince1970: $0) }
        default:
            throw ShapeProblem(message: language.say("het veld \(field ?? key) is \(kind(value, .nl)), verwacht een tijdstip",
                                                     "the field \(field ?? key) is \(kind(value, .en)), expected a time"))
        }
    }

    static func hasInvalidUTF8(_ value: JSONValue) -> Bool {
        if case .string(let bytes) = value { return !UTF8Decoding.isValid(Array(bytes)) }
        return false
    }

    func notAnObject(_ what: String, _ value: JSONValue) -> String {
        language.say("\(what) is \(kind(value, .nl)), verwacht een object", "\(what) is \(kind(value, .en)), expected an object")
    }

    /// What a JSON value is, in words.
    private func kind(_ value: JSONValue, _ language: Language) -> String {
        switch value {
        case .null: return "null"
        case .bool: return language.say("true/false", "a boolean")
        case .number: return language.say("een getal", "a number")
        case .string: return language.say("tekst", "text")
        case .array: return language.say("een lijst", "a list")
        case .object: return language.say("een object", "an object")
        }
    }
}
