import Foundation
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
    /// On disk, so line formats can stream it; nil for a zip entry (read whole, never unpacked to disk).
    public var url: URL?
    let archive: URL?
    let entryPath: String?

    /// The whole contents (zip entries are decompressed in memory).
    func data() throws -> Data {
        if let url { return try Data(contentsOf: url, options: .mappedIfSafe) }
        guard let archive, let entryPath else { return Data() }
        let zip = try Archive(url: archive, accessMode: .read)
        guard let entry = zip[entryPath] else { throw CocoaError(.fileNoSuchFile) }
        var contents = Data()
        _ = try zip.extract(entry, skipCRC32: false) { contents.append($0) }
        return contents
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
            var head = Data()
            _ = try? archive.extract(entry, bufferSize: 4096, skipCRC32: true) { chunk in if head.count < 4096 { head.append(chunk) } }
            guard let format = forced ?? detect(name: entry.path, head: head) else { continue }
            files.append(ExportFile(path: display + "/" + entry.path, format: format, size: Int(entry.uncompressedSize),
                                    url: nil, archive: url, entryPath: entry.path))
        }
        if files.isEmpty {
            return ([], [ImportFailure(id: display, source: display, code: "input.unknown-format", message: "the zip archive holds no export files")])
        }
        return (files.sorted { $0.path < $1.path }, [])
    }

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
