import Foundation
import PostwachtCore
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Posts and pages of a WordPress WXR export, read with a streaming XML parser: the HTML of
/// `content:encoded` becomes its visible text, attachments join their post through `wp:post_parent`.
/// Fields are known by their namespace, not their prefix, as WordPress's importer knows them; of a
/// field given twice the last counts, as there. A parse error ends the file with an error record
/// naming the line; the items before it are kept.
enum WXRReader {
    static func read(_ file: ExportFile, language: Language, emit: (ImportItem) -> Void) {
        var data: Data
        do { data = try file.data(language) } catch let failure as ImportFailure {
            emit(.failure(failure)) // a zip entry over the size cap
            return
        } catch {
            emit(.failure(ImportFailure(at: file.path, "input.unreadable", language.say("het bestand is niet te lezen", "cannot read the file"))))
            return
        }
        // Foundation's parser traps on bytes that are no UTF-8 in an element or attribute name, so the
        // parser only ever gets valid UTF-8 that says it is UTF-8: see `asUTF8`.
        let repaired: Bool
        (data, repaired) = asUTF8(data)
        let parser = XMLParser(data: data)
        let collector = ItemCollector()
        parser.delegate = collector
        parser.shouldProcessNamespaces = true
        let parsed = parser.parse()

        // Attachments name their parent post; link them before emitting posts.
        var media: [String: [Attachment]] = [:]
        for item in collector.items where item.type == "attachment" {
            let name = item.fields["wp:attachment_url"] ?? item.fields["guid"] ?? item.fields["title"] ?? ""
            media[item.fields["wp:post_parent"] ?? "0", default: []].append(Attachment(type: MediaKind.of(name) == .file ? .image : MediaKind.of(name), name: name))
        }
        for (index, item) in collector.items.enumerated() {
            let source = "\(file.path):\(item.line)"
            defer { WXRComments.emit(item, postID: "wp-" + (item.fields["wp:post_id"] ?? "item\(index + 1)"), path: file.path, repaired: repaired, language: language, emit: emit) }
            guard let type = item.type else {
                var rebound = item.foreignPostType.map { uri in language.say(" (wp: wijst hier naar \(uri))", " (wp: is bound to \(uri) here)") } ?? ""
                if repaired { rebound += language.say("; het bestand bevat bytes die geen UTF-8 zijn", "; the file holds bytes that are no UTF-8") }
                emit(.failure(ImportFailure(at: source, "input.wordpress", language.say(
                    "item zonder wp:post_type in de WordPress-exportnaamruimte\(rebound); niet als bericht gelezen",
                    "item without wp:post_type in the WordPress export namespace\(rebound); not read as a post"))))
                continue
            }
            if type == "attachment" { emit(.skipped(SkippedRecord(source: source, reason: .mediaItem))); continue }
            if nonContentTypes.contains(type) { emit(.skipped(SkippedRecord(source: source, reason: .notAPost(type)))); continue }
            let id = item.fields["wp:post_id"] ?? "item\(index + 1)"
            let html = item.fields["content:encoded"] ?? ""
            var text = TextCleaning.visibleText(ofHTML: html)
            // Themes and importers often repeat the title as the first heading: shown once.
            if let title = item.fields["title"].map(TextCleaning.decodeEntities), !title.isEmpty, !text.hasPrefix(title) {
                text = text.isEmpty ? title : title + "\n\n" + text
            }
            var attachments = media[id] ?? []
            if html.contains("<img") { attachments.append(Attachment(type: .image)) }
            let date = (item.fields["wp:post_date_gmt"] ?? item.fields["wp:post_date"]).flatMap(wordpressDate)
            let metadata = RecordMetadata(attachments: attachments, channel: "website", createdAt: date, author: item.fields["dc:creator"], kind: .post)
            let warnings: [RecordWarning] = repaired && text.contains("\u{FFFD}") ? [.invalidUTF8] : []
            emit(.post(Record(id: "wp-\(id)", text: text, metadata: metadata), source: source, warnings: warnings))
        }
        if !parsed || parser.parserError != nil || collector.openItem != nil || !collector.rootClosed {
            let line = parser.lineNumber
            let reason = parser.parserError.map { describe($0, language) } ?? language.say("het document houdt op", "the document ends early")
            let lost = collector.items.isEmpty ? language.say("er is geen item gelezen", "no item could be read")
                : language.say("de items erna zijn niet te lezen", "the items after it could not be read")
            emit(.failure(ImportFailure(at: "\(file.path):\(line)", "input.wordpress", language.say(
                "de XML breekt af op regel \(line) (\(reason)); \(lost)", "the XML breaks off at line \(line) (\(reason)); \(lost)"))))
        }
    }

    /// Post types that hold no words of the school's: menus, revisions, styles, templates, requests.
    static let nonContentTypes: Set<String> = [
        "nav_menu_item", "revision", "custom_css", "customize_changeset", "oembed_cache", "user_request",
        "wp_global_styles", "wp_navigation", "wp_template", "wp_template_part", "wp_font_family", "wp_font_face",
    ]

    /// The document as valid UTF-8 with a declaration that says so. UTF-16 (its byte-order mark) and
    /// the Latin-1 family (`encoding="ISO-8859-1"`, `windows-1252`) are converted; anything else is
    /// read as UTF-8, bad bytes becoming U+FFFD — which the parser refuses in a name (an error record)
    /// and keeps in text (checked, with a warning). `repaired`: whether bytes were replaced.
    static func asUTF8(_ data: Data) -> (Data, repaired: Bool) {
        var bytes = [UInt8](data)
        let start = EncodingDetection.start(of: bytes.prefix(512), choice: .automatic)
        if start.encoding != .utf8 {
            bytes = TextTranscoder.convert(bytes.dropFirst(start.markLength), from: start.encoding).text
        } else if let declared = declaredEncoding(bytes), ["iso-8859-1", "latin1", "latin-1", "iso8859-1", "windows-1252", "cp1252"].contains(declared) {
            bytes = TextTranscoder.convert(bytes, from: declared.hasSuffix("1252") ? .windows1252 : .latin1).text
        }
        var repaired = false
        if !UTF8Decoding.isValid(bytes) {
            bytes = Array(String(decoding: bytes, as: UTF8.self).utf8)
            repaired = true
        }
        return (Data(givingEveryInstructionData(declaringUTF8(bytes))), repaired)
    }

    /// A processing instruction without data (`<?php?>`) makes Foundation's parser call strlen on a
    /// null pointer (the libFuzzer target found it): a space before its `?>` gives it empty data,
    /// which changes nothing else. Inside CDATA such text is no instruction, and the space is harmless.
    static func givingEveryInstructionData(_ bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            result.append(bytes[index])
            guard bytes[index] == UInt8(ascii: "<"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "?") else { index += 1; continue }
            var end = index + 2
            while end < bytes.count, ![0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: "?"), UInt8(ascii: ">"), UInt8(ascii: "<")].contains(bytes[end]) { end += 1 }
            result.append(contentsOf: bytes[(index + 1)..<end])
            if end > index + 2, end + 1 < bytes.count, bytes[end] == UInt8(ascii: "?"), bytes[end + 1] == UInt8(ascii: ">") { result.append(0x20) }
            index = end
        }
        return result
    }

    /// The `encoding` of the XML declaration, lowercased, if there is one.
    private static func declaredEncoding(_ bytes: [UInt8]) -> String? {
        guard let range = declarationEncodingValue(bytes) else { return nil }
        return String(decoding: bytes[range], as: UTF8.self).lowercased()
    }

    /// The bytes with the declaration's encoding made `UTF-8` (the bytes are UTF-8 by now).
    private static func declaringUTF8(_ bytes: [UInt8]) -> [UInt8] {
        guard let range = declarationEncodingValue(bytes) else { return bytes }
        var result = bytes
        result.replaceSubrange(range, with: Array("UTF-8".utf8))
        return result
    }

    /// Where the value of `encoding="…"` in a leading `<?xml … ?>` declaration is.
    private static func declarationEncodingValue(_ bytes: [UInt8]) -> Range<Int>? {
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        guard bytes[start...].starts(with: Array("<?xml".utf8)), let end = bytes[start...].prefix(400).firstIndex(of: UInt8(ascii: ">")) else { return nil }
        let declaration = bytes[start..<end]
        let key = Array("encoding".utf8)
        guard let keyStart = declaration.indices.first(where: { declaration[$0...].starts(with: key) }) else { return nil }
        var index = keyStart + key.count
        while index < end, bytes[index] == 0x20 || bytes[index] == UInt8(ascii: "=") { index += 1 }
        guard index < end, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") else { return nil }
        let quote = bytes[index]
        guard let close = bytes[(index + 1)..<end].firstIndex(of: quote) else { return nil }
        return (index + 1)..<close
    }

    /// The parser's error in words. Its codes are libxml2's (parser.h), not `XMLParser.ErrorCode`'s.
    private static func describe(_ error: Error, _ language: Language) -> String {
        let code = (error as NSError).code
        switch code {
        case 4: return language.say("leeg document", "empty document")
        case 5, 77: return language.say("de XML is niet af", "the XML is incomplete")
        case 76: return language.say("een eindtag past niet bij zijn begintag", "an end tag does not match its start tag")
        case 9, 81: return language.say("een ongeldig teken", "an invalid character")
        case 68: return language.say("een naam ontbreekt", "a name is missing")
        default: return language.say("ongeldige XML (libxml2-fout \(code))", "malformed XML (libxml2 error \(code))")
        }
    }

    static func wordpressDate(_ text: String) -> Date? {
        guard text != "0000-00-00 00:00:00" else { return nil }
        return try? Date(text.replacingOccurrences(of: " ", with: "T") + "Z", strategy: .iso8601)
    }

    /// The fields of each `<item>`: its direct children, by namespace-qualified name.
    final class ItemCollector: NSObject, XMLParserDelegate {
        struct Item {
            var fields: [String: String] = [:]
            var line: Int
            /// A `post_type` element in a namespace that is not WordPress's.
            var foreignPostType: String?
            var type: String? { fields["wp:post_type"] }
            /// The `<wp:comment>` elements, each with its direct children by name.
            var comments: [Comment] = []
        }
        struct Comment {
            var fields: [String: String] = [:]
            var line: Int
        }
        private(set) var items: [Item] = []
        private(set) var openItem: Item?
        private(set) var rootClosed = false
        private var depth = 0
        private var itemDepth = 0
        private var field: String?
        private var buffer = ""
        private var openComment: Comment?
        private var commentField: String?

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            depth += 1
            if openItem == nil, name == "item", namespaceURI?.isEmpty ?? true {
                openItem = Item(line: parser.lineNumber)
                itemDepth = depth
            } else if openItem != nil, depth == itemDepth + 1 {
                field = Self.key(name, namespaceURI)
                if field == nil, name == "post_type" { openItem?.foreignPostType = namespaceURI }
                if field == "wp:comment" {
                    field = nil
                    openComment = Comment(line: parser.lineNumber)
                }
                buffer = ""
            } else if openComment != nil, depth == itemDepth + 2 {
                commentField = Self.key(name, namespaceURI)
                buffer = ""
            }
        }

        private var collecting: Bool {
            field != nil && depth == itemDepth + 1 || commentField != nil && depth == itemDepth + 2
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if collecting { buffer += string }
        }

        func parser(_ parser: XMLParser, foundCDATA block: Data) {
            if collecting { buffer += String(decoding: block, as: UTF8.self) }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if openComment != nil, depth == itemDepth + 2, let commentField {
                openComment?.fields[commentField] = buffer.trimmingCharacters(in: .whitespacesAndNewlines)
                self.commentField = nil
                buffer = ""
            } else if let comment = openComment, depth == itemDepth + 1 {
                openItem?.comments.append(comment)
                openComment = nil
            } else if openItem != nil, depth == itemDepth + 1, let field {
                openItem?.fields[field] = buffer.trimmingCharacters(in: .whitespacesAndNewlines)
                self.field = nil
                buffer = ""
            } else if let item = openItem, depth == itemDepth {
                items.append(item)
                openItem = nil
            }
            depth -= 1
            if depth == 0 { rootClosed = true }
        }

        /// `content:encoded`, `dc:creator`, `wp:post_id`, `excerpt:encoded`, or a plain RSS name; nil
        /// for an element of another vocabulary.
        static func key(_ local: String, _ namespace: String?) -> String? {
            guard let namespace, !namespace.isEmpty else { return local }
            switch namespace {
            case "http://purl.org/rss/1.0/modules/content/": return "content:" + local
            case "http://purl.org/dc/elements/1.1/": return "dc:" + local
            default:
                guard namespace.hasPrefix("http://wordpress.org/export/") || namespace.hasPrefix("https://wordpress.org/export/") else { return nil }
                return (namespace.hasSuffix("/excerpt/") ? "excerpt:" : "wp:") + local
            }
        }
    }
}
