import Foundation
import XCTest
@testable import PostwachtAudit
@testable import PostwachtCore

/// Every defect of issue 17 as a test, on the inputs in Fixtures/exports/regressions and the
/// real-world-shaped archives in Fixtures/exports/archives: no trap, and every record a result, an
/// error record or a counted skip.
final class AuditRegressionTests: XCTestCase {
    private static let regressions = TestSupport.fixtures.appendingPathComponent("exports/regressions")
    private static let archives = TestSupport.fixtures.appendingPathComponent("exports/archives")

    /// What an audit of `paths` yields, one line per outcome: "id rule,rule [warning]", "error code: message", "skipped reason".
    private func audit(_ paths: [String], forcing format: ExportFormat? = nil, language: Language = .en) throws -> (lines: [String], discovery: Discovery) {
        let discovery = ExportDiscovery.discover(paths, forcing: format, language: language)
        var lines = discovery.failures.map { "error \($0.code): \($0.message)" }
        let linter = Linter(resources: TestSupport.resources, options: LintOptions())
        try AuditRunner(linter: linter, jobs: 2, batchSize: 3).run(discovery.files, options: ReadOptions(language: language)) { outcome in
            switch outcome {
            case .checked(let result, _, _, _):
                let warnings = result.warnings.map(\.code)
                lines.append("\(result.id) " + result.findings.map(\.rule).joined(separator: ",") + (warnings.isEmpty ? "" : " [\(warnings.joined(separator: ","))]"))
            case .failed(let failure): lines.append("error \(failure.code) at \((failure.source as NSString).lastPathComponent): \(failure.message)")
            case .skipped(let skipped): lines.append("skipped \(skipped.reason.text(in: .en))")
            }
        }
        return (lines, discovery)
    }

    private func path(_ relative: String, in base: URL = regressions) -> String { base.appendingPathComponent(relative).path }

    // MARK: Crashes

    /// One byte 0xF4 in an element or attribute name trapped Foundation's XMLParser (SIGILL) and took
    /// the good file beside it down too.
    func testInvalidUTF8InAnXMLNameIsAnErrorRecordAndTheGoodFileIsRead() throws {
        // The third was found by the libFuzzer target: a garbled encoding declaration made the UTF-8
        // repair step skip the file.
        for file in ["elem-name-invalid-utf8-noprefix.xml", "attr-invalid-utf8.xml", "garbled-encoding-declaration.xml"] {
            let lines = try audit([path("wxr-invalid-utf8-name/" + file)], forcing: .wordpress).lines
            XCTAssertTrue(lines.allSatisfy { $0.hasPrefix("error input.wordpress at \(file):") }, "\(lines)")
            XCTAssertTrue(lines[0].hasPrefix("error input.wordpress at \(file):2:") && lines[0].contains("no UTF-8"), lines[0])
        }
        let lines = try audit([path("wxr-invalid-utf8-name/with-good-file")]).lines
        XCTAssertEqual(lines.filter { $0.hasPrefix("p0") }.count, 20, "the 20 good posts are checked")
        XCTAssertEqual(lines.filter { $0.hasPrefix("error") }.count, 1, "\(lines)")
    }

    /// A damaged zip entry whose deflate stream never ends made ZIPFoundation's inflate loop forever.
    func testZipEntryWhoseDataNeverEndsIsNamedNotAHang() throws {
        let lines = try audit([path("zip-endless-inflate/twitter-archive.zip")]).lines
        XCTAssertEqual(lines.count, 2, "\(lines)")
        XCTAssertTrue(lines.allSatisfy { $0.hasPrefix("error input.zip") && $0.contains("damaged") }, "\(lines)")
    }

    /// A processing instruction without data (`<?php?>`) made Foundation's parser dereference a null
    /// pointer (found by the libFuzzer target).
    func testProcessingInstructionWithoutDataIsNoCrash() throws {
        let cut = try audit([path("wxr-instruction-without-data/cut-after-instruction.xml")], forcing: .wordpress).lines
        XCTAssertEqual(cut.count, 1)
        XCTAssertTrue(cut[0].hasPrefix("error input.wordpress at cut-after-instruction.xml:2:") && cut[0].contains("breaks off"), cut[0])
        let php = try audit([path("wxr-instruction-without-data/php-instruction.xml")], forcing: .wordpress).lines
        XCTAssertEqual(php.count, 1)
        XCTAssertTrue(php[0].contains("without wp:post_type"), php[0])
        XCTAssertEqual(WXRReader.givingEveryInstructionData(Array("<?a?><?xml version=\"1.0\"?><b>x</b><?c d?>".utf8)),
                       Array("<?a ?><?xml version=\"1.0\"?><b>x</b><?c d?>".utf8))
    }

    /// A JSONL record with an empty id (found by the libFuzzer target) is named by its position.
    func testEmptyJSONLIDIsReplacedByThePosition() throws {
        let record = try JSONLRecordDecoder.decode(Array(#"{"id": "", "text": "hoi"}"#.utf8), fallbackID: "posts.jsonl:7").get()
        XCTAssertEqual(record.id, "posts.jsonl:7")
    }

    /// Latin-1 and UTF-16 WXR files are converted before parsing; the declaration then says UTF-8.
    func testWXRInOtherEncodingsIsRead() throws {
        let text = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<rss xmlns:wp=\"http://wordpress.org/export/1.2/\"><channel><item><title>Caf\u{E9} kut</title><wp:post_type>post</wp:post_type></item></channel></rss>"
        let latin1: [UInt8] = text.unicodeScalars.map { UInt8($0.value) }
        let utf16: [UInt8] = [0xFF, 0xFE] + text.replacingOccurrences(of: "ISO-8859-1", with: "UTF-16").utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        for (name, bytes) in [("latin-1", latin1), ("utf-16", utf16)] {
            var items: [String] = []
            WXRReader.read(ExportFile(path: name, format: .wordpress, contents: Data(bytes)), language: .en) { item in
                if case .post(let record, _, let warnings) = item { items.append(String(decoding: record.bytes, as: UTF8.self) + (warnings.isEmpty ? "" : " !")) }
                if case .failure(let failure) = item { items.append("error: \(failure.message)") }
            }
            XCTAssertEqual(items, ["Café kut"], name)
        }
    }

    // MARK: Records lost without an error record

    /// A stray quote cost every later row; now the row is read as spreadsheets read it, with a warning.
    func testStrayQuotesInCSVCostNoRow() throws {
        XCTAssertEqual(try audit([path("csv-stray-quote/q.csv")]).lines,
                       ["1 profanity.curse", "2  [input.csv-quote]", "3 profanity.curse", "4 "])
        XCTAssertEqual(try audit([path("csv-stray-quote/q2.csv")]).lines,
                       ["1 profanity.curse", "2  [input.csv-quote]", "3 profanity.curse", "4 "])
    }

    /// A quote that never closes costs the row it opens on; the rows after it are read again.
    func testUnterminatedQuoteCostsOnlyItsRow() throws {
        // The quote on line 3 is closed only by the first quote on line 5, with text after it.
        let misquoted = ExportFile(path: "open.csv", format: .csv, contents: Data("id,text\n1,kut\n2,\"open en nooit dicht\n3,tering\n4,\"ok\"\n".utf8))
        XCTAssertEqual(read(misquoted), ["1", "error open.csv:3", "3", "4"])
        // This one is never closed at all.
        let open = ExportFile(path: "open.csv", format: .csv, contents: Data("id,text\n1,kut\n2,\"open en nooit dicht\n3,tering\n4,ok\n".utf8))
        XCTAssertEqual(read(open), ["1", "error open.csv:3", "3", "4"])
    }

    private func read(_ file: ExportFile) -> [String] {
        var seen: [String] = []
        ExportReader.read(file, options: ReadOptions(language: .en)) { item in
            switch item {
            case .post(let record, _, _): seen.append(record.id)
            case .failure(let failure): seen.append("error \(failure.source)")
            default: seen.append("other")
            }
        }
        return seen
    }

    func testWXRCutBeforeItsFirstItemIsAnError() throws {
        let lines = try audit([path("wxr-cut-before-first-item/cut.xml")]).lines
        XCTAssertEqual(lines.count, 1)
        XCTAssertTrue(lines[0].hasPrefix("error input.wordpress at cut.xml:2:") && lines[0].contains("breaks off at line 2") && lines[0].contains("no item"), lines[0])
    }

    func testTextFieldOfTheWrongTypeIsAnErrorNamingTheField() throws {
        XCTAssertEqual(try audit([path("wrong-type-text-field/fb/posts/your_posts_1.json")], forcing: .facebook).lines.map { $0.components(separatedBy: ": ").last! }, [
            "facebook-1 profanity.curse", "the field data[0].post is a list, expected text", "the field data[0].post is a number, expected text",
        ])
        XCTAssertEqual(try audit([path("wrong-type-text-field/ig/content/posts_1.json")], forcing: .instagram).lines.map { $0.components(separatedBy: ": ").last! }, [
            "instagram-1 profanity.curse", "the field media[0].title is an object, expected text", "the field title is a list, expected text",
        ])
    }

    /// One bad byte rejected a whole Mastodon or Instagram file; now it costs at most its own post.
    func testABadByteInAJSONExportCostsAtMostItsPost() throws {
        let lines = try audit([path("invalid-byte-json")]).lines
        XCTAssertEqual(lines.filter { $0.hasPrefix("instagram-") }, ["instagram-1 ", "instagram-2 ", "instagram-4 ", "instagram-5 "])
        XCTAssertEqual(lines.filter { $0.hasPrefix("https://") }.map { $0.split(separator: "/").last! }, ["1 ", "2  [input.invalid-utf8]", "3 ", "5 "])
        XCTAssertEqual(lines.filter { $0.hasPrefix("error") }.count, 2, "\(lines)")
        XCTAssertTrue(lines.contains { $0.hasPrefix("error input.invalid-json at outbox.json #4:") && $0.contains("0xF4") }, "\(lines)")
        XCTAssertTrue(lines.contains { $0.hasPrefix("error input.invalid-json at posts_1.json #3:") }, "\(lines)")
    }

    /// Fields are known by namespace, as WordPress's importer knows them, and the last post_id counts.
    func testWXRNamespacesDecideWhatIsAPost() throws {
        let lines = try audit([path("wxr-namespaces/site.xml")]).lines
        XCTAssertEqual(lines.count, 2)
        XCTAssertEqual(lines[0], "wp-8 ")
        XCTAssertTrue(lines[1].hasPrefix("error input.wordpress at site.xml:5:") && lines[1].contains("http://example.com/not-wordpress/"), lines[1])
    }

    // MARK: Encodings

    /// Notepad's "Unicode", UTF-16 without a mark, "ANSI": converted and checked, with a warning.
    func testTextInOtherEncodingsIsConvertedAndChecked() throws {
        for (file, encoding) in [("notepad-unicode.txt", TextEncoding.utf16LE), ("utf16le-no-bom.txt", .utf16LE), ("utf16be.txt", .utf16BE), ("ansi.txt", .windows1252)] {
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path("encodings/" + file))))
            let (text, detected) = EncodingDetection.decodeWhole(bytes, choice: .automatic)
            XCTAssertEqual(detected, encoding, file)
            XCTAssertEqual(String(decoding: text, as: UTF8.self), "Beste ouders,\r\nWat een kutweer vandaag. Groetjes, juf Anouk (café-uitje €5)\r\n", file)
        }
        let lines = try audit([path("encodings")]).lines
        XCTAssertEqual(lines, [
            "1  [input.encoding]", "2 profanity.curse [input.encoding]",
            "1@\(path("encodings/excel-windows-1252.csv"))  [input.encoding]", "2@\(path("encodings/excel-windows-1252.csv")) profanity.curse,profanity.curse [input.encoding]",
            "3  [input.encoding]",
            "u1 profanity.curse [input.encoding]", "u2  [input.encoding]",
        ])
    }

    /// UTF-8 with a damaged byte stays UTF-8 (repaired by the text model); bytes that hold no UTF-8
    /// sequence and read as Western text are Windows-1252; a chosen encoding is used as chosen.
    func testEncodingDetectionTellsDamageFromACodePage() {
        XCTAssertNil(EncodingDetection.legacyEncoding(of: Array("café ok".utf8) + [0xFF]), "valid UTF-8 beside the bad byte")
        XCTAssertNil(EncodingDetection.legacyEncoding(of: [0x61, 0xFF, 0xFE, 0x62]), "0xFF 0xFE is damage, not text")
        XCTAssertEqual(EncodingDetection.legacyEncoding(of: [0x63, 0x61, 0x66, 0xE9, 0x20, 0x93, 0x6B, 0x94]), .windows1252)
        XCTAssertEqual(String(decoding: TextTranscoder.convert([0x80, 0x92, 0xEB], from: .windows1252).text, as: UTF8.self), "€’ë")
        XCTAssertEqual(String(decoding: TextTranscoder.convert([0x80, 0xEB], from: .latin1).text, as: UTF8.self), "\u{80}ë")
        XCTAssertEqual(EncodingChoice(name: "cp1252"), .fixed(.windows1252))
        XCTAssertEqual(EncodingChoice(name: "UTF-16"), .fixed(.utf16LE))
        XCTAssertNil(EncodingChoice(name: "ebcdic"))
        // A surrogate pair cut between two chunks, and a lone surrogate.
        var transcoder = TextTranscoder(.utf16LE)
        let emoji = Array("😀".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let joined = transcoder.convert(emoji.prefix(3)) + transcoder.convert(emoji.dropFirst(3)) + transcoder.finish()
        XCTAssertEqual(String(decoding: joined, as: UTF8.self), "😀")
        XCTAssertEqual(TextTranscoder.convert([0x00, 0xD8, 0x41, 0x00], from: .utf16LE).text, Array("\u{FFFD}A".utf8))
    }

    // MARK: Noise from real archives, and every post accounted for

    /// Each archive folder audits with no error, every post checked or skipped with a reason, and
    /// its companion files known as "not posts".
    func testRealWorldShapedArchivesAuditWithoutSpuriousErrors() throws {
        let expectations: [(folder: String, checked: Int, skipped: [String], companions: [String])] = [
            ("x-archief", 6, [], ["account.js", "direct-messages.js", "follower.js", "following.js", "like.js", "manifest.js", "tweet-headers.js"]),
            ("mastodon-archief", 4, ["someone else's post boosted"], ["actor.json", "bookmarks.json", "likes.json"]),
            ("instagram-export", 8, [], ["followers_1.json", "personal_information.json", "liked_posts.json", "saved_posts.json"]),
            ("facebook-export", 4, ["without text or media"], ["your_friends.json", "profile_information.json", "likes_and_reactions_1.json"]),
            ("wordpress-sites", 4, Array(repeating: ["attachment, counted with its post", "not a post (nav_menu_item)", "not a post (revision)"], count: 2).flatMap { $0 }, []),
        ]
        for expected in expectations {
            let (lines, discovery) = try audit([path(expected.folder, in: Self.archives)])
            XCTAssertEqual(lines.filter { $0.hasPrefix("error") }, [], expected.folder)
            XCTAssertEqual(lines.filter { !$0.hasPrefix("error") && !$0.hasPrefix("skipped") }.count, expected.checked, "\(expected.folder): \(lines)")
            XCTAssertEqual(lines.filter { $0.hasPrefix("skipped") }.map { String($0.dropFirst(8)) }, expected.skipped, expected.folder)
            XCTAssertEqual(Set(discovery.companions.map { ($0.path as NSString).lastPathComponent }), Set(expected.companions), expected.folder)
        }
    }

    /// Caption-less Instagram posts and Facebook photo posts are records: the photo rules need them.
    func testPostsWithoutTextAreStillRecords() throws {
        let lines = try audit([path("instagram-export/your_instagram_activity/content/posts_1.json", in: Self.archives)]).lines
        XCTAssertEqual(lines, ["instagram-1 ", "instagram-2 ", "instagram-3 privacy.name-with-photo", "instagram-4 ", "instagram-5 profanity.curse", "instagram-6 "])
    }

    /// Ids are unique in an audit: the second site's wp-1 is told from the first's by its file.
    func testRecordIDsAreUniquePerAudit() throws {
        let lines = try audit([path("wordpress-sites", in: Self.archives), path("wordpress-sites", in: Self.archives)]).lines
        let ids = lines.filter { $0.hasPrefix("wp-") }.map { String($0.prefix { $0 != " " }) }
        XCTAssertEqual(ids.count, 8)
        XCTAssertEqual(Set(ids).count, 8, "\(ids)")
        XCTAssertEqual(ids.prefix(2), ["wp-1", "wp-2"])
        XCTAssertTrue(ids.contains("wp-1@\(path("wordpress-sites/regenboog.WordPress.2024-03-30.xml", in: Self.archives))#2"), "\(ids)")
    }

    /// The Facebook author is the actor of the title sentence, in English and Dutch downloads.
    func testFacebookAuthorIsTheActorNotTheSentence() {
        XCTAssertEqual(PlatformPosts.actor(inTitle: "Basisschool De Regenboog added a new photo."), "Basisschool De Regenboog")
        XCTAssertEqual(PlatformPosts.actor(inTitle: "Basisschool De Regenboog heeft een nieuwe foto toegevoegd."), "Basisschool De Regenboog")
        XCTAssertEqual(PlatformPosts.actor(inTitle: "OBS Het Kompas updated their status."), "OBS Het Kompas")
        XCTAssertNil(PlatformPosts.actor(inTitle: "Something happened."))
    }

    /// Companion files are known by platform and name; data files that are no export stay errors.
    func testCompanionFilesAreKnownAndOthersAreNot() {
        func kind(_ path: String, _ head: String = "") -> String {
            switch ExportKind.of(path: path, head: Data(head.utf8), language: .en) {
            case .export(let format): return format.rawValue
            case .companion: return "companion"
            case .unknown(let isData): return isData ? "unknown data" : "ignored"
            }
        }
        XCTAssertEqual(kind("a/data/tweet-headers.js", "window.YTD.tweet_headers.part0 = ["), "companion")
        XCTAssertEqual(kind("a/data/tweets.js", "window.YTD.tweets.part0 = ["), "twitter")
        XCTAssertEqual(kind("a/data/tweets-part2.js", "[]"), "twitter", "named like the posts file: read, so its damage is named")
        XCTAssertEqual(kind("a/assets/js/main.js", "function x() {}"), "ignored")
        XCTAssertEqual(kind("m/likes.json", #"{"type": "OrderedCollection", "orderedItems": ["https://x/1"]}"#), "companion")
        XCTAssertEqual(kind("m/outbox.json"), "mastodon")
        XCTAssertEqual(kind("m/export-2024.json", #"{"orderedItems": [{"type": "Create"}]}"#), "mastodon")
        XCTAssertEqual(kind("e/your_instagram_activity/content/posts_1.json"), "instagram")
        XCTAssertEqual(kind("e/your_instagram_activity/comments/post_comments_1.json"), "companion")
        XCTAssertEqual(kind("e/your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.json"), "facebook")
        XCTAssertEqual(kind("e/connections/friends/your_friends.json"), "companion")
        XCTAssertEqual(kind("posts.json", #"[{"timestamp": 1}]"#), "facebook")
        XCTAssertEqual(kind("settings.json", #"{"a": 1}"#), "unknown data")
        XCTAssertEqual(kind("mastodon/following_accounts.csv"), "companion")
    }

    // MARK: Counting

    /// What each file yielded, as `--verbose` shows it.
    func testTalliesCountEveryRecordPerFile() throws {
        let discovery = ExportDiscovery.discover([path("mastodon-archief", in: Self.archives), path("csv-stray-quote")])
        let tallies = try AuditRunner(linter: TestSupport.linter, jobs: 1).run(discovery.files) { _ in }
        XCTAssertEqual(tallies.map(\.records), [5, 4, 4])
        XCTAssertEqual(tallies.map(\.checked), [4, 4, 4])
        XCTAssertEqual(tallies[0].skipped, [.boost: 1])
        // The Mastodon sports-day photo asks for permission (conduct.school-photo-permission).
        XCTAssertEqual(tallies.map(\.findings), [3, 2, 2])
    }
}
