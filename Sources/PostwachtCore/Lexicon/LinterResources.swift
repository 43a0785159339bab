import Foundation

/// The data every scan needs, loaded once from a `Lexicons/` directory and shared by all threads.
public struct LinterResources: Sendable {
    public var profanity: ProfanityLexicon
    /// Words after which a disease word names the disease (heeft kanker), from profanity-medical-context.tsv.
    var medicalContext: ByteStringTable<Bool>
    public var lexiconDirectory: URL

    public static let requiredFiles = ["nl/profanity.tsv", "nl/profanity-allow.tsv", "nl/profanity-medical-context.tsv"]

    public static func load(from directory: URL) throws(LexiconError) -> LinterResources {
        let profanity = try ProfanityLexicon(
            profanity: try readFile(directory, "nl/profanity.tsv"),
            allowlist: try readFile(directory, "nl/profanity-allow.tsv")
        )
        let folder = KeyFolder()
        var medical = ByteStringTable<Bool>()
        for row in try readFile(directory, "nl/profanity-medical-context.tsv").rows {
            medical.set(true, for: folder.key(of: row.fields[0]))
        }
        return LinterResources(profanity: profanity, medicalContext: medical, lexiconDirectory: directory)
    }

    static func readFile(_ directory: URL, _ name: String) throws(LexiconError) -> LexiconFile {
        let url = directory.appendingPathComponent(name)
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw LexiconError(description: "\(url.path): cannot read lexicon file (\(error.localizedDescription))")
        }
        guard let contents = String(data: data, encoding: .utf8) else {
            throw LexiconError(description: "\(url.path): lexicon file is not valid UTF-8")
        }
        return LexiconFile(path: url.path, contents: contents)
    }

    /// Where the lexicons are: `explicit`, else `$POSTWACHT_LEXICONS`, else `share/postwacht/Lexicons`
    /// beside the installed binary, else the first `Lexicons/` found walking up from the binary (a checkout).
    public static func locateLexicons(explicit: String?, executablePath: String?) throws(LexiconError) -> URL {
        if let explicit { return URL(fileURLWithPath: explicit) }
        if let fromEnvironment = ProcessInfo.processInfo.environment["POSTWACHT_LEXICONS"], !fromEnvironment.isEmpty {
            return URL(fileURLWithPath: fromEnvironment)
        }
        var searched: [String] = []
        if let executablePath {
            var directory = URL(fileURLWithPath: executablePath).resolvingSymlinksInPath().deletingLastPathComponent()
            let installed = directory.deletingLastPathComponent().appendingPathComponent("share/postwacht/Lexicons")
            if isLexiconDirectory(installed) { return installed }
            searched.append(installed.path)
            while directory.path != "/" {
                let candidate = directory.appendingPathComponent("Lexicons")
                if isLexiconDirectory(candidate) { return candidate }
                directory.deleteLastPathComponent()
            }
            searched.append("every Lexicons/ above \(executablePath)")
        }
        throw LexiconError(description: "cannot find the lexicons (looked in \(searched.joined(separator: ", "))); pass --lexicons DIR or set POSTWACHT_LEXICONS")
    }

    private static func isLexiconDirectory(_ url: URL) -> Bool {
        FileManager.default.fileExists(atPath: url.appendingPathComponent("nl/profanity.tsv").path)
    }
}
