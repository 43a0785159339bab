import Foundation
import PostwachtCore

/// The `<wp:comment>` elements of a WXR item, each a record of its own after the item's: kind
/// `comment` with `in_reply_to` the post (`wp-<post_id>`), or `reply` with `in_reply_to` the parent
/// comment (`wp-comment-<id>`) when `wp:comment_parent` is not 0. Visitors wrote them, not the site
/// (`byAccountHolder` false). Every comment is checked whatever `wp:comment_approved` says (1,
/// 0 = pending, spam, trash). A comment without an id, or with a parent that is no id, is an error record.
enum WXRComments {
    static func emit(_ item: WXRReader.ItemCollector.Item, postID: String, path: String, repaired: Bool, language: Language, emit: (ImportItem) -> Void) {
        for (position, comment) in item.comments.enumerated() {
            let source = "\(path):\(comment.line)"
            let fields = comment.fields
            let label = language.say("reactie \(position + 1) bij \(postID)", "comment \(position + 1) of \(postID)")
            guard let number = fields["wp:comment_id"], isID(number) else {
                let found = fields["wp:comment_id"].map { language.say(" (\"\($0)\")", " (\"\($0)\")") } ?? ""
                emit(.failure(ImportFailure(at: source, "input.wordpress", language.say(
                    "\(label): wp:comment_id ontbreekt of is geen getal\(found); niet gelezen",
                    "\(label): wp:comment_id is missing or not a number\(found); not read"))))
                continue
            }
            let id = "wp-comment-\(number)"
            let parent = fields["wp:comment_parent"] ?? "0"
            guard parent.isEmpty || isID(parent) else {
                emit(.failure(ImportFailure(at: source, "input.wordpress", language.say(
                    "reactie \(id): wp:comment_parent \"\(parent)\" is geen reactie-id; niet gelezen",
                    "comment \(id): wp:comment_parent \"\(parent)\" is not a comment id; not read"))))
                continue
            }
            let text = TextCleaning.visibleText(ofHTML: fields["wp:comment_content"] ?? "")
            guard !text.isEmpty else {
                emit(.skipped(SkippedRecord(source: source, reason: .noContent)))
                continue
            }
            let isReply = !parent.isEmpty && parent.contains { $0 != "0" }
            let date = (fields["wp:comment_date_gmt"] ?? fields["wp:comment_date"]).flatMap(WXRReader.wordpressDate)
            let metadata = RecordMetadata(channel: "website", createdAt: date, author: fields["wp:comment_author"].flatMap { $0.isEmpty ? nil : $0 },
                                          kind: isReply ? .reply : .comment, inReplyTo: isReply ? "wp-comment-\(parent)" : postID, byAccountHolder: false)
            let warnings: [RecordWarning] = repaired && text.contains("\u{FFFD}") ? [.invalidUTF8] : []
            emit(.post(Record(id: id, text: text, metadata: metadata), source: source, warnings: warnings))
        }
    }

    private static func isID(_ text: String) -> Bool {
        !text.isEmpty && text.allSatisfy { $0.isASCII && $0.isNumber }
    }
}
