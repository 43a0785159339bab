import Foundation
import PostwachtCore

/// The comments file of a Facebook download (`comments_and_reactions/comments.json`, older
/// `comments/comments.json`): `{"comments_v2": [{"timestamp", "title", "data": [{"comment":
/// {"comment", "author", "timestamp"}}]}]}`. Each entry is one comment the account wrote, a record of
/// kind `comment`; the post it answers is only named in the `title` sentence, so `in_reply_to` stays empty.
extension PlatformPosts {
    /// Whether a Facebook file is the comments file rather than a posts file.
    static func isFacebookComments(_ path: String) -> Bool {
        let fileName = ((path as NSString).lastPathComponent).lowercased()
        return fileName.hasPrefix("comments") && fileName.hasSuffix(".json")
    }

    func facebookComment(_ entry: JSONValue, index: Int, source: String) throws {
        guard case .object = entry else { throw ShapeProblem(message: notAnObject("comment", entry)) }
        var texts: [String] = []
        var author: String?
        var created = try date(entry, "timestamp")
        var invalid = false
        for (position, item) in try list(entry, "data").enumerated() {
            guard let comment = item["comment"], comment != .null else { continue }
            let field = "data[\(position)].comment"
            guard case .object = comment else { throw ShapeProblem(message: notAnObject(field, comment)) }
            if let value = comment["comment"], value != .null {
                let (text, repaired) = try string(value, field: field + ".comment")
                if !text.isEmpty { texts.append(text) }
                invalid = invalid || repaired
            }
            author = try author ?? optionalString(comment, "author", field: field + ".author")
            created = try created ?? date(comment, "timestamp", field: field + ".timestamp")
        }
        guard !texts.isEmpty else {
            emit(.skipped(SkippedRecord(source: source, reason: .noContent)))
            return
        }
        let metadata = RecordMetadata(channel: "facebook", createdAt: created, author: author.map(TextCleaning.repairMojibake), kind: .comment)
        emit(.post(Record(id: "facebook-comment-\(index + 1)", text: TextCleaning.repairMojibake(texts.joined(separator: "\n")), metadata: metadata),
                   source: source, warnings: invalid ? [.invalidUTF8] : []))
    }
}
