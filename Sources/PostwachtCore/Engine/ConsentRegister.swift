import Foundation

/// Which pupils may appear in photos: the export every Dutch pupil administration can make
/// (CSV: name, photo consent yes/no, optional class). Names are compared case- and accent-insensitively;
/// a first name alone is matched only when one pupil in the register has it.
public struct ConsentRegister: Sendable {
    private var byFullName: [String: Bool] = [:]
    private var byFirstName: [String: [Bool]] = [:]
    /// The number of pupils in the register.
    public private(set) var count = 0

    /// Why the register's CSV could not be read.
    public struct ParseError: Error, CustomStringConvertible, Sendable {
        /// The message, naming the file and line.
        public var description: String
        /// An error with this message.
        public init(description: String) { self.description = description }
    }

    /// Parses the CSV text; `source` names the file in errors. A header row (naam/name, …) is skipped.
    public init(csv: String, source: String) throws(ParseError) {
        var lineNumber = 0
        // Split on any line break: in a Swift string "\r\n" (what Excel on Windows writes) is one
        // character, not "\n" with a "\r" before it.
        for line in csv.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            lineNumber += 1
            if line.allSatisfy({ $0 == " " || $0 == "," || $0 == ";" }) { continue }
            let separator: Character = line.contains(";") && !line.contains(",") ? ";" : ","
            let fields = line.split(separator: separator, omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: " \"") }
            guard fields.count >= 2 else {
                throw ParseError(description: "\(source):\(lineNumber): expected name,consent[,class]; found '\(line)'")
            }
            let answer = fields[1].lowercased()
            if lineNumber == 1, ["naam", "name", "leerling"].contains(fields[0].lowercased()) { continue }
            let consent: Bool
            switch answer {
            case "ja", "yes", "j", "y", "1", "true", "toestemming": consent = true
            case "nee", "no", "n", "0", "false", "geen toestemming", "": consent = false
            default:
                throw ParseError(description: "\(source):\(lineNumber): consent must be ja/nee (yes/no), not '\(fields[1])'")
            }
            let name = Self.normalized(fields[0])
            guard !name.isEmpty else { throw ParseError(description: "\(source):\(lineNumber): the name is empty") }
            byFullName[name] = consent
            if let first = name.split(separator: " ").first { byFirstName[String(first), default: []].append(consent) }
            count += 1
        }
        // An empty register would silently make every named pupil "no consent on record".
        guard count > 0 else { throw ParseError(description: "\(source): the register lists no pupils (expected name,consent[,class] lines)") }
    }

    /// The recorded consent for a name as written in a post, if the register knows that pupil.
    public func consent(for name: String) -> Bool? {
        let key = Self.normalized(name)
        if let consent = byFullName[key] { return consent }
        if !key.contains(" "), let matches = byFirstName[key], matches.count == 1 { return matches[0] }
        return nil
    }

    static func normalized(_ name: String) -> String {
        name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }
}

extension Substring {
    func trimmingCharacters(in characters: String) -> String {
        var slice = self
        while let first = slice.first, characters.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, characters.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }
}
