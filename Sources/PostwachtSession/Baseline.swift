import Foundation
import PostwachtCore

/// A baseline file: `{"version": 1, "tool": "postwacht", "findings": ["<hash>", …]}`, hashes of record
/// id + rule + normalized match (`AuditRunner.baselineKey`), so a later run shows only new findings.
/// The audit run leaves the known ones out on its checking threads; reading and writing are here.
public enum BaselineFile {
    public static func read(_ path: String) throws(SessionError) -> Set<String> {
        guard FileManager.default.fileExists(atPath: path) else {
            throw SessionError(.baseline, LocalizedText(nl: "\(path): dit basisbestand bestaat niet (maak er een met --write-baseline)",
                                                        en: "\(path): no such baseline file (write one with --write-baseline)"))
        }
        guard let data = FileManager.default.contents(atPath: path),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let keys = object["findings"] as? [String] else {
            throw SessionError(.baseline, LocalizedText(nl: "\(path) is geen basisbestand van postwacht (maak er een met --write-baseline)",
                                                        en: "\(path) is not a postwacht baseline (write one with --write-baseline)"))
        }
        return Set(keys)
    }

    /// Replaces the file whole (see `FileWriting`); each key once, sorted, so the file diffs well.
    public static func write(_ keys: [String], to path: String) throws(SessionError) {
        let object: [String: Any] = ["version": 1, "tool": "postwacht", "findings": Array(Set(keys)).sorted()]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])) ?? Data()
        if let error = FileWriting.write([UInt8](data), to: path) {
            throw SessionError(.baseline, LocalizedText(nl: "kan het basisbestand niet schrijven naar \(path) (\(error))",
                                                        en: "cannot write the baseline to \(path) (\(error))"))
        }
    }
}
