import Foundation
import PostwachtCore
import ZIPFoundation

/// The platforms whose exports `postwacht audit` reads.
public enum ExportFormat: String, CaseIterable, Sendable {
    case jsonl, csv, facebook, instagram, twitter, wordpress, mastodon
}

/// One file of an export: on disk or inside a zip archive, with the format it holds.
public struct ExportFile: Sendable {
    /// Path as the user will recognise it: `twitter-archive.zip/data/tweets.js`.
    public var path: String
    public var format: ExportFormat
    public var size: Int
    /// On disk, so line formats can stream it; nil for a zip entry (inflated in memory, never unpacked to disk).
    public var url: URL?
    let archive: URL?
    let entryPath: String?
    /// Most bytes of one record (a JSONL line) and of a zip entry that is read whole (JSON, XML), so a
    /// zip bomb is refused with `input.too-large` instead of filling memory. Lowered in tests.
    var maximumBytes = ExportFile.maximumEntryBytes

    /// The cap on a zip entry read whole: as large as the largest record that is checked.
    public static let maximumEntryBytes = Document.maximumByteCount

    /// The whole contents. Zip entries are inflated in memory, at most `maximumBytes` of them: a larger
    /// entry throws `input.too-large` naming the archive and the entry, and inflating it stops there.
    func data() throws -> Data {
        if let url { return try Data(contentsOf: url, options: .mappedIfSafe) }
        var contents = Data()
        try forEachEntryChunk { chunk in
            guard contents.count + chunk.count <= maximumBytes else { throw tooLarge() }
            contents.append(chunk)
        }
        return contents
    }

    /// The contents chunk by chunk (of at most `chunkSize` bytes), for the formats that stream: a zip
    /// entry is inflated as it is read, so memory stays bounded whatever its size.
    func forEachChunk(size chunkSize: Int, _ body: (Data) throws -> Void) throws {
        if let url {
            let handle = try FileHandle(forReadingFrom: url)
            defer { try? handle.close() }
            while let chunk = try handle.read(upToCount: chunkSize), !chunk.isEmpty { try body(chunk) }
            return
        }
        try forEachEntryChunk(size: chunkSize, body)
    }

    private func forEachEntryChunk(size chunkSize: Int = 1 << 16, _ body: (Data) throws -> Void) throws {
        guard let archive, let entryPath else { return }
        let zip = try Archive(url: archive, accessMode: .read)
        guard let entry = zip[entryPath] else { throw CocoaError(.fileNoSuchFile) }
        // The size the archive declares may lie; the inflated bytes are counted instead.
        _ = try zip.extract(entry, bufferSize: chunkSize, skipCRC32: false) { try body($0) }
    }

    private func tooLarge() -> ImportFailure {
        let archiveName = archive?.lastPathComponent ?? path
        return ImportFailure(id: path, source: path, code: "input.too-large",
                             message: "zip entry '\(entryPath ?? path)' in \(archiveName) inflates to more than \(maximumBytes) bytes; not read")
    }
}

/// A record that could not be read, named by file and position.
public struct ImportFailure: Error, Sendable {
    public var id: String
    public var source: String
    public var code: String
    public var message: String
}

/// Finds the export files under the paths a user gives: files, folders (searched for the files each
/// platform writes) and zip archives (read in place).
public enum ExportDiscovery {
    public static func files(_ paths: [String], forcing forced: ExportFormat? = nil) -> (files: [ExportFile], failures: [ImportFailure]) {
        var files: [ExportFile] = []
        var failures: [ImportFailure] = []
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                failures.append(ImportFailure(id: path, source: path, code: "input.unreadable", message: "no such file or directory"))
                continue
            }
            if isDirectory.boolValue {
                let base = URL(fileURLWithPath: path)
                let found = (manager.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey])?.compactMap { $0 as? URL } ?? [])
                    .filter { (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true }
                    .sorted { $0.path < $1.path }
                var matched = 0
                for url in found {
                    let display = path.hasSuffix("/") ? path + relative(url, to: base) : path + "/" + relative(url, to: base)
                    if url.pathExtension.lowercased() == "zip" {
                        let (inner, problems) = zipEntries(url, display: display, forced: forced)
                        files += inner
                        failures += problems
                        matched += inner.count
                    } else if let format = forced ?? detect(name: url.path, head: head(of: url)) {
                        files.append(ExportFile(path: display, format: format, size: size(of: url), url: url, archive: nil, entryPath: nil))
                        matched += 1
                    } else if ["json", "jsonl", "csv", "xml"].contains(url.pathExtension.lowercased()) {
                        // Data files we cannot place are reported; media and the like are not posts and are passed over.
                        failures.append(ImportFailure(id: display, source: display, code: "input.unknown-format",
                                                      message: "not an export file postwacht knows; pass --from to read it as one"))
                    }
                }
                if matched == 0 {
                    failures.append(ImportFailure(id: path, source: path, code: "input.unknown-format", message: "no export files found in this folder (looked for posts JSON, tweets.js, outbox.json, WXR .xml, .csv, .jsonl)"))
                }
                continue
            }
            let url = URL(fileURLWithPath: path)
            if url.pathExtension.lowercased() == "zip" {
                let (inner, problems) = zipEntries(url, display: path, forced: forced)
                files += inner
                failures += problems
            } else if let format = forced ?? detect(name: url.path, head: head(of: url)) {
                files.append(ExportFile(path: path, format: format, size: size(of: url), url: url, archive: nil, entryPath: nil))
            } else {
                failures.append(ImportFailure(id: path, source: path, code: "input.unknown-format",
                                              message: "cannot tell which export this is; pass --from \(ExportFormat.allCases.map(\.rawValue).joined(separator: "|"))"))
            }
        }
        return (files, failures)
    }

    private static func zipEntries(_ url: URL, display: String, forced: ExportFormat?) -> ([ExportFile], [ImportFailure]) {
        let archive: Archive
        do { archive = try Archive(url: url, accessMode: .read) } catch {
            return ([], [ImportFailure(id: display, source: display, code: "input.zip", message: "not a readable zip archive (\(error))")])
        }
        var files: [ExportFile] = []
        for entry in archive where entry.type == .file {
            // Only the head is inflated: the consumer stops the inflating once it has 4096 bytes.
            var head = Data()
            _ = try? archive.extract(entry, bufferSize: 4096, skipCRC32: true) { chunk in
                head.append(chunk.prefix(4096 - head.count))
                if head.count >= 4096 { throw HeadRead() }
            }
            guard let format = forced ?? detect(name: entry.path, head: head) else { continue }
            files.append(ExportFile(path: display + "/" + entry.path, format: format, size: Int(entry.uncompressedSize),
                                    url: nil, archive: url, entryPath: entry.path))
        }
        if files.isEmpty {
            return ([], [ImportFailure(id: display, source: display, code: "input.unknown-format", message: "the zip archive holds no export files")])
        }
        return (files.sorted { $0.path < $1.path }, [])
    }

    /// Thrown to stop inflating an entry once its head is read.
    private struct HeadRead: Error {}

    /// The format by file name and first bytes; nil for files that are no export (media, account data).
    static func detect(name: String, head: Data) -> ExportFormat? {
        let lower = name.lowercased()
        let fileName = (lower as NSString).lastPathComponent
        let start = String(decoding: head.prefix(4096), as: UTF8.self)
        switch (fileName as NSString).pathExtension {
        case "jsonl", "ndjson": return .jsonl
        case "csv": return .csv
        case "xml": return start.contains("wordpress.org/export") || start.contains("<rss") ? .wordpress : nil
        // A file named like an export is read as one even when its contents are off: the reader then
        // says what is wrong with it, instead of the file being skipped unseen.
        case "js": return fileName.hasPrefix("tweet") || start.contains("window.YTD.tweets") ? .twitter : nil
        case "json":
            if start.contains("\"orderedItems\"") || fileName.hasPrefix("outbox") { return .mastodon }
            if lower.contains("instagram") || start.contains("\"creation_timestamp\"") && !start.contains("\"timestamp\"") { return .instagram }
            if start.contains("\"timestamp\"") || fileName.contains("post") { return .facebook }
            return nil
        default: return nil
        }
    }

    private static func head(of url: URL) -> Data {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return Data() }
        defer { try? handle.close() }
        return (try? handle.read(upToCount: 4096)) ?? Data()
    }

    private static func size(of url: URL) -> Int {
        // Of the file itself, not of a symbolic link to it.
        (try? FileManager.default.attributesOfItem(atPath: url.resolvingSymlinksInPath().path)[.size] as? Int) ?? 0
    }

    private static func relative(_ url: URL, to base: URL) -> String {
        let full = url.standardizedFileURL.path, root = base.standardizedFileURL.path
        return full.hasPrefix(root + "/") ? String(full.dropFirst(root.count + 1)) : url.lastPathComponent
    }
}
