import Foundation
import PostwachtCore

/// The posts inside the JSON exports of Facebook, Instagram, X and Mastodon (layouts in
/// ../shared/FIELD-NOTES.md). A post that does not have the expected shape is an error record naming
/// its position; the others are read.
enum PlatformPosts {
    typealias Emit = (ImportItem) -> Void

    static func facebook(_ root: Any, file: ExportFile, emit: Emit) throws {
        let posts = try array(root, file: file, expected: "an array of posts")
        for (index, item) in posts.enumerated() {
            let source = "\(file.path) #\(index + 1)"
            guard let post = item as? [String: Any] else { emit(.failure(bad(source, "input.facebook", "post is not an object"))); continue }
            let texts = (post["data"] as? [[String: Any]] ?? []).compactMap { $0["post"] as? String }
            let media = (post["attachments"] as? [[String: Any]] ?? []).flatMap { $0["data"] as? [[String: Any]] ?? [] }
                .compactMap { ($0["media"] as? [String: Any])?["uri"] as? String }
            // Photo posts without a caption hold no text to check; they are not records.
            guard !texts.isEmpty else { continue }
            let text = TextCleaning.repairMojibake(texts.joined(separator: "\n"))
            let metadata = RecordMetadata(attachments: media.map { Attachment(type: MediaKind.of($0), name: $0) }, channel: "facebook",
                                          createdAt: (post["timestamp"] as? NSNumber).map { Date(timeIntervalSince1970: $0.doubleValue) },
                                          author: (post["title"] as? String).map(TextCleaning.repairMojibake))
            emit(.post(Record(id: "facebook-\(index + 1)", text: text, metadata: metadata), source: source))
        }
    }

    static func instagram(_ root: Any, file: ExportFile, emit: Emit) throws {
        let posts = try array(root, file: file, expected: "an array of posts")
        for (index, item) in posts.enumerated() {
            let source = "\(file.path) #\(index + 1)"
            guard let post = item as? [String: Any], let media = post["media"] as? [[String: Any]] else {
                emit(.failure(bad(source, "input.instagram", "post has no \"media\" list")))
                continue
            }
            let caption = (post["title"] as? String).flatMap { $0.isEmpty ? nil : $0 } ?? media.first?["title"] as? String ?? ""
            guard !caption.isEmpty else { continue }
            let timestamp = (post["creation_timestamp"] as? NSNumber) ?? media.first?["creation_timestamp"] as? NSNumber
            // Every Instagram post is a photo or video, so a name in the caption is a name with a photo.
            let attachments = media.map { entry -> Attachment in
                let uri = entry["uri"] as? String ?? "photo.jpg"
                let kind = MediaKind.of(uri)
                return Attachment(type: kind == .file ? .image : kind, name: uri)
            }
            let metadata = RecordMetadata(attachments: attachments, channel: "instagram",
                                          createdAt: timestamp.map { Date(timeIntervalSince1970: $0.doubleValue) })
            emit(.post(Record(id: "instagram-\(index + 1)", text: TextCleaning.repairMojibake(caption), metadata: metadata), source: source))
        }
    }

    private static let twitterDate: DateFormatter = {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "EEE MMM dd HH:mm:ss Z yyyy"
        return formatter
    }()

    static func twitter(_ root: Any, file: ExportFile, emit: Emit) throws {
        let items = try array(root, file: file, expected: "an array of tweets")
        for (index, item) in items.enumerated() {
            let source = "\(file.path) #\(index + 1)"
            guard let tweet = (item as? [String: Any])?["tweet"] as? [String: Any], let text = tweet["full_text"] as? String else {
                emit(.failure(bad(source, "input.twitter", "entry has no tweet.full_text")))
                continue
            }
            let media = ((tweet["extended_entities"] as? [String: Any])?["media"] as? [[String: Any]] ?? []).map { entry -> Attachment in
                let type = entry["type"] as? String
                return Attachment(type: type == "photo" ? .image : .video, name: entry["media_url_https"] as? String)
            }
            let metadata = RecordMetadata(attachments: media, channel: "x",
                                          createdAt: (tweet["created_at"] as? String).flatMap { twitterDate.date(from: $0) })
            let id = (tweet["id_str"] as? String).map { "tweet-\($0)" } ?? "tweet-\(index + 1)"
            emit(.post(Record(id: id, text: TextCleaning.decodeEntities(text), metadata: metadata), source: source))
        }
    }

    static func mastodon(_ root: Any, file: ExportFile, emit: Emit) throws {
        guard let collection = root as? [String: Any], let items = collection["orderedItems"] as? [Any] else {
            throw ImportFailure(id: file.path, source: file.path, code: "input.mastodon", message: "expected an OrderedCollection with \"orderedItems\"")
        }
        for (index, item) in items.enumerated() {
            let source = "\(file.path) #\(index + 1)"
            guard let activity = item as? [String: Any] else { emit(.failure(bad(source, "input.mastodon", "item is not an object"))); continue }
            // Boosts (Announce) repeat someone else's post: not the school's words.
            guard activity["type"] as? String == "Create" else { continue }
            guard let note = activity["object"] as? [String: Any], let html = note["content"] as? String else {
                emit(.failure(bad(source, "input.mastodon", "Create without object.content")))
                continue
            }
            var text = TextCleaning.visibleText(ofHTML: html)
            if let warning = note["summary"] as? String, !warning.isEmpty { text = warning + "\n" + text }
            let attachments = (note["attachment"] as? [[String: Any]] ?? []).map { entry -> Attachment in
                let mediaType = entry["mediaType"] as? String ?? ""
                let kind: Attachment.Kind = mediaType.hasPrefix("image") ? .image : mediaType.hasPrefix("video") ? .video : mediaType.hasPrefix("audio") ? .audio : .file
                return Attachment(type: kind, alt: entry["name"] as? String, name: entry["url"] as? String)
            }
            let published = (note["published"] ?? activity["published"]) as? String
            let metadata = RecordMetadata(attachments: attachments, channel: "mastodon", createdAt: JSONLRecordDecoder.date(published))
            emit(.post(Record(id: note["id"] as? String ?? "mastodon-\(index + 1)", text: text, metadata: metadata), source: source))
        }
    }

    private static func array(_ root: Any, file: ExportFile, expected: String) throws -> [Any] {
        if let list = root as? [Any] { return list }
        // Some exports wrap the list: {"status_updates_v2": [...]} or similar.
        if let object = root as? [String: Any], object.count == 1, let list = object.values.first as? [Any] { return list }
        throw ImportFailure(id: file.path, source: file.path, code: "input.\(file.format.rawValue)", message: "expected \(expected)")
    }

    private static func bad(_ source: String, _ code: String, _ message: String) -> ImportFailure {
        ImportFailure(id: source, source: source, code: code, message: message)
    }
}
