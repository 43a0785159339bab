import Foundation
import XCTest
@testable import PostwachtAudit
@testable import PostwachtCore

/// The importers fill kind, in_reply_to, author and created_at, and read comments as records of their own.
final class ImportThreadTests: XCTestCase {
    func testWordPressCommentsAndRepliesAreRecords() throws {
        let xml = """
        <?xml version="1.0"?><rss xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/"><channel>
        <item><title>Sportdag</title><dc:creator>redactie</dc:creator><content:encoded><![CDATA[<p>Het was een mooie dag.</p>]]></content:encoded><wp:post_id>5</wp:post_id><wp:post_type>post</wp:post_type>
        <wp:comment><wp:comment_id>11</wp:comment_id><wp:comment_author>Piet Testvader</wp:comment_author><wp:comment_date_gmt>2024-03-01 09:00:00</wp:comment_date_gmt><wp:comment_content><![CDATA[Bel me op 06-12345678]]></wp:comment_content><wp:comment_approved>1</wp:comment_approved><wp:comment_parent>0</wp:comment_parent>
        <wp:commentmeta><wp:meta_key>akismet</wp:meta_key><wp:meta_value>x</wp:meta_value></wp:commentmeta></wp:comment>
        <wp:comment><wp:comment_id>12</wp:comment_id><wp:comment_author>Juf Voorbeeld</wp:comment_author><wp:comment_content>Dank je!</wp:comment_content><wp:comment_parent>11</wp:comment_parent></wp:comment>
        <wp:comment><wp:comment_content>zonder id</wp:comment_content></wp:comment>
        <wp:comment><wp:comment_id>14</wp:comment_id><wp:comment_content>ok</wp:comment_content><wp:comment_parent>elf</wp:comment_parent></wp:comment>
        </item></channel></rss>
        """
        let root = try temporaryDirectory(prefix: "postwacht-threads")
        try write(root, "site.xml", xml)
        let items = read(root.appendingPathComponent("site.xml"))
        XCTAssertEqual(items.map(\.summary), [
            "wp-5 post - redactie",
            "wp-comment-11 comment wp-5 Piet Testvader",
            "wp-comment-12 reply wp-comment-11 Juf Voorbeeld",
            "error input.wordpress: comment 3 of wp-5: wp:comment_id is missing or not a number; not read",
            "error input.wordpress: comment wp-comment-14: wp:comment_parent \"elf\" is not a comment id; not read",
        ])
        let comment = try XCTUnwrap(items[1].record)
        XCTAssertEqual(String(decoding: comment.bytes, as: UTF8.self), "Bel me op 06-12345678")
        XCTAssertEqual(comment.metadata.createdAt, Date(timeIntervalSince1970: 1_709_283_600))
        XCTAssertFalse(comment.metadata.byAccountHolder)
        XCTAssertTrue(try checked(root.appendingPathComponent("site.xml")).contains("wp-comment-11 privacy.phone"))
    }

    func testMastodonAndXRepliesNameWhatTheyAnswer() throws {
        let root = try temporaryDirectory(prefix: "postwacht-threads")
        try write(root, "outbox.json", #"{"orderedItems": [{"type": "Create", "object": {"id": "https://school.example/s/1", "content": "<p>Hoi</p>", "inReplyTo": null}}, {"type": "Create", "object": {"id": "https://school.example/s/2", "content": "<p>Ja</p>", "inReplyTo": "https://other.example/s/9"}}, {"type": "Create", "object": {"id": "https://school.example/s/3", "content": "x", "inReplyTo": 7}}]}"#)
        try write(root, "data/tweets.js", #"window.YTD.tweets.part0 = [{"tweet": {"id_str": "1", "full_text": "Hallo"}}, {"tweet": {"id_str": "2", "full_text": "Klopt", "in_reply_to_status_id_str": "1"}}, {"tweet": {"id_str": "3", "full_text": "x", "in_reply_to_status_id_str": 1}}]"#)
        XCTAssertEqual(read(root.appendingPathComponent("outbox.json")).map(\.summary), [
            "https://school.example/s/1 post - -",
            "https://school.example/s/2 reply https://other.example/s/9 -",
            "error input.mastodon: the field object.inReplyTo is a number, expected text",
        ])
        XCTAssertEqual(read(root.appendingPathComponent("data/tweets.js")).map(\.summary), [
            "tweet-1 post - -", "tweet-2 reply tweet-1 -",
            "error input.twitter: the field tweet.in_reply_to_status_id_str is a number, expected text",
        ])
    }

    func testFacebookCommentsFileIsReadAsComments() throws {
        let root = try temporaryDirectory(prefix: "postwacht-threads")
        let path = "your_facebook_activity/comments_and_reactions/comments.json"
        try write(root, path, #"{"comments_v2": [{"timestamp": 1709715120, "data": [{"comment": {"timestamp": 1709715120, "comment": "Mail me: test.ouder@gmail.com", "author": "Kees Fictief"}}], "title": "Kees Fictief commented on Basisschool De Test's post."}, {"timestamp": 1, "title": "x"}, {"data": [{"comment": "oops"}]}]}"#)
        let url = root.appendingPathComponent(path)
        XCTAssertEqual(ExportDiscovery.discover([root.path]).files.map(\.format), [.facebook])
        let items = read(url)
        XCTAssertEqual(items.map(\.summary), [
            "facebook-comment-1 comment - Kees Fictief", "skipped",
            "error input.facebook: data[0].comment is text, expected an object",
        ])
        XCTAssertEqual(items[0].record?.metadata.createdAt, Date(timeIntervalSince1970: 1_709_715_120))
        XCTAssertTrue(try checked(url).contains("facebook-comment-1 privacy.email"))
    }

    // MARK: Helpers

    private struct Item {
        var summary: String
        var record: Record?
    }

    private func read(_ url: URL) -> [Item] {
        guard let file = ExportDiscovery.discover([url.path]).files.first else { XCTFail("no export at \(url.path)"); return [] }
        var items: [Item] = []
        ExportReader.read(file, options: ReadOptions(language: .en)) { item in
            switch item {
            case .post(let record, _, _):
                let metadata = record.metadata
                items.append(Item(summary: "\(record.id) \(metadata.kind?.rawValue ?? "?") \(metadata.inReplyTo ?? "-") \(metadata.author ?? "-")", record: record))
            case .failure(let failure): items.append(Item(summary: "error \(failure.code): \(failure.message)"))
            case .skipped: items.append(Item(summary: "skipped"))
            case .lines: items.append(Item(summary: "lines"))
            }
        }
        return items
    }

    /// "id rule" for every finding of the file's records.
    private func checked(_ url: URL) throws -> [String] {
        var seen: [String] = []
        try AuditRunner(linter: TestSupport.linter, jobs: 1).run(ExportDiscovery.discover([url.path]).files) { outcome in
            if case .checked(let result, _, _, _) = outcome { seen += result.findings.map { "\(result.id) \($0.rule)" } }
        }
        return seen
    }

}
