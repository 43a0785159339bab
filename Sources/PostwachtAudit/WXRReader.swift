import Foundation
import PostwachtCore
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Posts and pages of a WordPress WXR export, read with a streaming XML parser: the HTML of
/// `content:encoded` becomes its visible text, attachments join their post through `wp:post_parent`.
/// A parse error ends the file with an error record naming the line; the items before it are kept.
enum WXRReader {
    static func read(_ file: ExportFile, emit: (ImportItem) -> Void) {
        let parser: XMLParser
        if let url = file.url, let stream = InputStream(url: url) {
            parser = XMLParser(stream: stream)
        } else {
            let data: Data
            do { data = try file.data() } catch let failure as ImportFailure {
                emit(.failure(failure)) // a zip entry over the size cap
                return
            } catch {
                emit(.failure(ImportFailure(id: file.path, source: file.path, code: "input.unreadable", message: "cannot read the file")))
                return
            }
            parser = XMLParser(data: data)
        }
        let collector = ItemCollector()
        parser.delegate = collector
        parser.shouldProcessNamespaces = false
        let parsed = parser.parse()
        // Attachments name their parent post; link them before emitting posts.
        var media: [String: [Attachment]] = [:]
        for item in collector.items where item.type == "attachment" {
            let name = item.fields["wp:attachment_url"] ?? item.fields["guid"] ?? item.fields["title"] ?? ""
            media[item.fields["wp:post_parent"] ?? "0", default: []].append(Attachment(type: MediaKind.of(name) == .file ? .image : MediaKind.of(name), name: name))
        }
        for (index, item) in collector.items.enumerated() where item.type == "post" || item.type == "page" {
            let id = item.fields["wp:post_id"] ?? "\(index + 1)"
            var text = TextCleaning.visibleText(ofHTML: item.fields["content:encoded"] ?? "")
            if let title = item.fields["title"], !title.isEmpty { text = title + "\n\n" + text }
            var attachments = media[id] ?? []
            if (item.fields["content:encoded"] ?? "").contains("<img") { attachments.append(Attachment(type: .image)) }
            let date = (item.fields["wp:post_date_gmt"] ?? item.fields["wp:post_date"]).flatMap(wordpressDate)
            let metadata = RecordMetadata(attachments: attachments, channel: "website", createdAt: date, author: item.fields["dc:creator"])
            emit(.post(Record(id: "wp-\(id)", text: text, metadata: metadata), source: "\(file.path) line \(item.line)"))
        }
        if !parsed || collector.isInsideItem {
            let line = parser.lineNumber
            let reason = parser.parserError.map { ($0 as NSError).localizedDescription } ?? "malformed XML"
            emit(.failure(ImportFailure(id: "\(file.path):\(line)", source: "\(file.path):\(line)", code: "input.wordpress",
                                        message: "the XML breaks off at line \(line) (\(reason)); items after it could not be read")))
        }
    }

    private static func wordpressDate(_ text: String) -> Date? {
        guard text != "0000-00-00 00:00:00" else { return nil }
        return try? Date(text.replacingOccurrences(of: " ", with: "T") + "Z", strategy: .iso8601)
    }

    final class ItemCollector: NSObject, XMLParserDelegate {
        struct Item { var type: String; var fields: [String: String]; var line: Int }
        var items: [Item] = []
        private var current: [String: String]?
        /// The document ended inside an <item>: truncated.
        var isInsideItem: Bool { current != nil }
        private var currentLine = 0
        private var element = ""
        private var buffer = ""

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            if name == "item" { current = [:]; currentLine = parser.lineNumber }
            element = name
            buffer = ""
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { buffer += string }

        func parser(_ parser: XMLParser, foundCDATA block: Data) { buffer += String(decoding: block, as: UTF8.self) }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "item", let fields = current {
                items.append(Item(type: fields["wp:post_type"] ?? "post", fields: fields, line: currentLine))
                current = nil
                return
            }
            // Only the first value of a field counts (wp:postmeta repeats keys).
            if current != nil, current?[name] == nil { current?[name] = buffer.trimmingCharacters(in: .whitespacesAndNewlines) }
            buffer = ""
        }
    }
}
