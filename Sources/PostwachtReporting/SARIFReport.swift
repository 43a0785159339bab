import Foundation
import PostwachtCore

/// SARIF 2.1.0 for code-scanning tools: one run, rule metadata with help text, one result per finding.
/// Each post is its own artifact (`<export file>#<record id>`), so regions count lines and columns
/// inside the post's text, in Unicode code points (`columnKind`).
///
/// Written as a stream — `opening()`, then `results(…)` per record as it arrives, then `closing()` —
/// so an audit of millions of posts never holds its results in memory.
public struct SARIFReport {
    private let rules: [RuleDescription]
    private let ruleIndexes: [String: Int]
    private let clauses: (String) -> [ProtocolClause]
    private let version: String
    private let baseDirectory: String
    private var resultsWritten = 0
    private let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// - Parameters:
    ///   - clauses: the clauses a rule cites under the run's policy (its help text).
    ///   - baseDirectory: made relative in URIs, as code scanning wants.
    public init(rules: [RuleDescription], clauses: @escaping (String) -> [ProtocolClause], version: String,
                baseDirectory: String = FileManager.default.currentDirectoryPath) {
        self.rules = rules
        ruleIndexes = Dictionary(rules.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.clauses = clauses
        self.version = version
        self.baseDirectory = baseDirectory.hasSuffix("/") ? baseDirectory : baseDirectory + "/"
    }

    /// The log up to its first result: schema, version, tool and rule metadata.
    public func opening() -> String {
        let driver = Driver(name: "postwacht", version: version, informationUri: "https://github.com/postwacht/postwacht",
                            rules: rules.map { rule in
            let cited = clauses(rule.id)
            let help = ([rule.suggestion.en] + cited.map { "\($0.organisation), \($0.citation): “\($0.quote)”" }).joined(separator: "\n")
            return ReportingDescriptor(id: rule.id, name: rule.name.en, shortDescription: .init(text: rule.name.en),
                                       fullDescription: .init(text: rule.rationale.en), help: .init(text: help),
                                       defaultConfiguration: .init(level: Self.level(rule.defaultSeverity)),
                                       properties: .init(category: rule.category.rawValue, tags: [rule.category.rawValue]))
        })
        let tool = String(decoding: (try? encoder.encode(Tool(driver: driver))) ?? Data("{}".utf8), as: UTF8.self)
        return """
            {
              "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
              "version": "2.1.0",
              "runs": [
                {
                  "tool": \(tool),
                  "columnKind": "unicodeCodePoints",
                  "results": [
            """
    }

    /// The results for one record's findings, one per line, each after a comma but the very first.
    public mutating func results(_ result: LintResult, source: String) -> String {
        guard !result.findings.isEmpty else { return "" }
        let file = source.split(separator: " ").first.map(String.init)?.split(separator: ":").first.map(String.init) ?? source
        let uri = Self.relativeURI(file, base: baseDirectory) + "#" + (result.id.addingPercentEncoding(withAllowedCharacters: .urlFragmentAllowed) ?? result.id)
        var text = ""
        for finding in result.findings {
            let entry = Result(
                ruleId: finding.rule, ruleIndex: ruleIndexes[finding.rule] ?? 0,
                level: Self.level(finding.severity), message: .init(text: finding.message),
                locations: [.init(physicalLocation: .init(
                    artifactLocation: .init(uri: uri),
                    region: .init(startLine: finding.line, startColumn: finding.column,
                                  charOffset: finding.span.start, charLength: finding.span.end - finding.span.start)))],
                partialFingerprints: ["postwacht/v1": finding.fingerprint],
                properties: .init(category: finding.category.rawValue, record: result.id, source: source))
            text += (resultsWritten == 0 ? "\n        " : ",\n        ")
            text += String(decoding: (try? encoder.encode(entry)) ?? Data("{}".utf8), as: UTF8.self)
            resultsWritten += 1
        }
        return text
    }

    /// The end of the log, after the last result.
    public func closing() -> String {
        "\n      ]\n    }\n  ]\n}\n"
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .info: return "note"
        }
    }

    static func relativeURI(_ path: String, base: String) -> String {
        let absolute = path.hasPrefix("/") ? path : base + path
        let relative = absolute.hasPrefix(base) ? String(absolute.dropFirst(base.count)) : path
        return relative.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? relative
    }

    // The SARIF object model, as far as postwacht fills it.
    struct Tool: Encodable { var driver: Driver }
    struct Driver: Encodable { var name: String; var version: String; var informationUri: String; var rules: [ReportingDescriptor] }
    struct Text: Encodable { var text: String }
    struct ReportingDescriptor: Encodable {
        var id: String; var name: String; var shortDescription: Text; var fullDescription: Text; var help: Text
        var defaultConfiguration: Configuration; var properties: RuleProperties
    }
    struct Configuration: Encodable { var level: String }
    struct RuleProperties: Encodable { var category: String; var tags: [String] }
    struct ArtifactLocation: Encodable { var uri: String }
    struct Result: Encodable {
        var ruleId: String; var ruleIndex: Int; var level: String; var message: Text; var locations: [Location]
        var partialFingerprints: [String: String]; var properties: ResultProperties
    }
    struct Location: Encodable { var physicalLocation: PhysicalLocation }
    struct PhysicalLocation: Encodable { var artifactLocation: ArtifactLocation; var region: Region }
    struct Region: Encodable { var startLine: Int; var startColumn: Int; var charOffset: Int; var charLength: Int }
    struct ResultProperties: Encodable { var category: String; var record: String; var source: String }
}
