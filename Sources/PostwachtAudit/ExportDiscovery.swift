import Foundation
import PostwachtCore

/// A file of an export that holds no posts (followers, likes, account data): recognised, not read,
/// and counted in the summary as "not posts" rather than reported as an error.
public struct CompanionFile: Sendable {
    public var path: String
    /// What the file holds, in the run's language: "X-archief: like.js (likes)".
    public var reason: String
}

/// What the paths a user gave hold: the export files to read, the files that hold no posts, and the
/// paths that could not be used at all.
public struct Discovery: Sendable {
    public var files: [ExportFile] = []
    public var companions: [CompanionFile] = []
    public var failures: [ImportFailure] = []
}

/// Finds the export files under the paths a user gives: files, folders (searched for the files each
/// platform writes) and zip archives (read in place).
public enum ExportDiscovery {
    public static func discover(_ paths: [String], forcing forced: ExportFormat? = nil, language: Language = .nl) -> Discovery {
        var found = Discovery()
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                found.failures.append(ImportFailure(at: path, "input.unreadable", language.say("bestand of map bestaat niet", "no such file or directory")))
                continue
            }
            let url = URL(fileURLWithPath: path)
            if isDirectory.boolValue {
                let before = found.files.count
                let entries = (manager.enumerator(at: url, includingPropertiesForKeys: [.isRegularFileKey])?.compactMap { $0 as? URL } ?? [])
                    .filter { (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true }
                    .sorted { $0.path < $1.path }
                for entry in entries {
                    let display = path.hasSuffix("/") ? path + relative(entry, to: url) : path + "/" + relative(entry, to: url)
                    add(entry, display: display, forced: forced, language: language, to: &found, quietIfUnknown: true)
                }
                if found.files.count == before {
                    found.failures.append(ImportFailure(at: path, "input.unknown-format", language.say(
                        "geen exportbestanden in deze map (gezocht naar berichten-JSON, tweets.js, outbox.json, WXR-.xml, .csv, .jsonl)",
                        "no export files found in this folder (looked for posts JSON, tweets.js, outbox.json, WXR .xml, .csv, .jsonl)")))
                }
            } else {
                add(url, display: path, forced: forced, language: language, to: &found, quietIfUnknown: false)
            }
        }
        return found
    }

    /// One file on disk: a zip archive's entries, an export, a companion, or (named by the user, or a
    /// data file in a folder) an error saying the format is unknown. Media files in a folder pass silently.
    private static func add(_ url: URL, display: String, forced: ExportFormat?, language: Language, to found: inout Discovery, quietIfUnknown: Bool) {
        if url.pathExtension.lowercased() == "zip" {
            addZipEntries(url, display: display, forced: forced, language: language, to: &found)
            return
        }
        if let forced {
            found.files.append(ExportFile(path: display, format: forced, size: size(of: url), url: url, archive: nil, entry: nil))
            return
        }
        switch ExportKind.of(path: url.path, head: head(of: url), language: language) {
        case .export(let format):
            found.files.append(ExportFile(path: display, format: format, size: size(of: url), url: url, archive: nil, entry: nil))
        case .companion(let reason):
            found.companions.append(CompanionFile(path: display, reason: reason))
        case .unknown(let isDataFile):
            guard !quietIfUnknown || isDataFile else { return }
            found.failures.append(ImportFailure(at: display, "input.unknown-format", quietIfUnknown
                ? language.say("geen exportbestand dat postwacht kent; lees het met --from als een export",
                               "not an export file postwacht knows; pass --from to read it as one")
                : language.say("niet te zien welke export dit is; kies met --from \(formatNames)",
                               "cannot tell which export this is; pass --from \(formatNames)")))
        }
    }

    private static let formatNames = ExportFormat.allCases.map(\.rawValue).joined(separator: "|")

    private static func addZipEntries(_ url: URL, display: String, forced: ExportFormat?, language: Language, to found: inout Discovery) {
        let archive: ZipArchive
        do { archive = try ZipArchive(url: url) } catch {
            let reason = (error as? ZipArchive.Damage)?.text(in: language) ?? error.localizedDescription
            found.failures.append(ImportFailure(at: display, "input.zip", language.say(
                "geen leesbaar zip-archief (\(reason))", "not a readable zip archive (\(reason))")))
            return
        }
        var files: [ExportFile] = []
        var companions: [CompanionFile] = []
        for entry in archive.entries where !entry.isDirectory {
            let entryDisplay = display + "/" + entry.path
            func file(_ format: ExportFormat) -> ExportFile {
                ExportFile(path: entryDisplay, format: format, size: Int(clamping: entry.uncompressedSize), url: nil, archive: url, entry: entry)
            }
            if let forced {
                files.append(file(forced))
                continue
            }
            // Only the head is inflated: the consumer stops the inflating once it has 4096 bytes. A
            // damaged entry shows what it has; reading it later names the damage.
            var head = Data()
            _ = try? ZipArchive.forEachChunk(of: entry, in: url, size: 4096) { chunk in
                head.append(chunk.prefix(4096 - head.count))
                if head.count >= 4096 { throw HeadRead() }
            }
            switch ExportKind.of(path: entry.path, head: head, language: language) {
            case .export(let format): files.append(file(format))
            case .companion(let reason): companions.append(CompanionFile(path: entryDisplay, reason: reason))
            case .unknown: continue
            }
        }
        if files.isEmpty {
            found.failures.append(ImportFailure(at: display, "input.unknown-format", language.say(
                "het zip-archief bevat geen exportbestanden", "the zip archive holds no export files")))
        }
        found.files += files.sorted { $0.path < $1.path }
        found.companions += companions.sorted { $0.path < $1.path }
    }

    /// Thrown to stop inflating an entry once its head is read.
    private struct HeadRead: Error {}

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
