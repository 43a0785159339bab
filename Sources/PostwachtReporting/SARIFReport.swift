import Foundation
import PostwachtCore

/// SARIF 2.1.0 for code-scanning tools: one run, rule metadata with help text, one result per finding.
/// Each post is its own artifact (`<export file>#<record id>`), so regions count lines and columns
/// inside the post's text, in Unicode code points (`columnKind`).
public struct SARIFReport {
    private var results: [Result] = []
    private var artifacts: [String] = []
    private let rules: [RuleDescription]
    private let clauses: (String) -> [ProtocolClause]
    private let version: String
    private let baseDirectory: String

    /// - Parameters:
    ///   - clauses: the clauses a rule cites under the run's policy (its help text).
    ///   - baseDirectory: made relative in URIs, as code scanning wants.
    public init(rules: [RuleDescription], clauses: @escaping (String) -> [ProtocolClause], version: String,
                baseDirectory: String = FileManager.default.currentDirectoryPath) {
        self.rules = rules
        self.clauses = clauses
        self.version = version
        self.baseDirectory = baseDirectory.hasSuffix("/") ? baseDirectory : baseDirectory + "/"
    }

    public mutating func add(_ result: LintResult, source: String) {
        guard !result.findings.isEmpty else { return }
        let file = source.split(separator: " ").first.map(String.init)?.split(separator: ":").first.map(String.init) ?? source
        let uri = Self.relativeURI(file, base: baseDirectory) + "#" + (result.id.addingPercentEncoding(withAllowedCharacters: .urlFragmentAllowed) ?? result.id)
        let artifactIndex = artifacts.count
        artifacts.append(uri)
        for finding in result.findings {
            results.append(Result(
                ruleId: finding.rule, ruleIndex: rules.firstIndex { $0.id == finding.rule } ?? 0,
                level: Self.level(finding.severity), message: .init(text: finding.message),
                locations: [.init(physicalLocation: .init(
                    artifactLocation: .init(uri: uri, index: artifactIndex),
                    region: .init(startLine: finding.line, startColumn: finding.column,
                                  charOffset: finding.span.start, charLength: finding.span.end - finding.span.start)))],
                partialFingerprints: ["postwacht/v1": finding.fingerprint],
                properties: .init(category: finding.category.rawValue, record: result.id, source: source)))
        }
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

    /// The whole log as JSON.
    public func document() -> String {
        let driver = Driver(name: "postwacht", version: version, informationUri: "https://github.com/postwacht/postwacht",
                            rules: rules.map { rule in
            let cited = clauses(rule.id)
            let help = ([rule.suggestion.en] + cited.map { "\($0.organisation), \($0.citation): “\($0.quote)”" }).joined(separator: "\n")
            return ReportingDescriptor(id: rule.id, name: rule.name.en, shortDescription: .init(text: rule.name.en),
                                       fullDescription: .init(text: rule.rationale.en), help: .init(text: help),
                                       defaultConfiguration: .init(level: Self.level(rule.defaultSeverity)),
                                       properties: .init(category: rule.category.rawValue, tags: [rule.category.rawValue]))
        })
        let log = Log(runs: [Run(tool: Tool(driver: driver), artifacts: artifacts.map { Artifact(location: .init(uri: $0, index: nil)) },
                                 results: results, columnKind: "unicodeCodePoints")])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(log)) ?? Data(), as: UTF8.self) + "\n"
    }

    // The SARIF object model, as far as postwacht fills it.
    struct Log: Encodable {
        var schema = "https://json.schemastore.org/sarif-2.1.0.json"
        var version = "2.1.0"
        var runs: [Run]
        enum CodingKeys: String, CodingKey { case schema = "$schema", version, runs }
    }
    struct Run: Encodable { var tool: Tool; var artifacts: [Artifact]; var results: [Result]; var columnKind: String }
    struct Tool: Encodable { var driver: Driver }
    struct Driver: Encodable { var name: String; var version: String; var informationUri: String; var rules: [ReportingDescriptor] }
    struct Text: Encodable { var text: String }
    struct ReportingDescriptor: Encodable {
        var id: String; var name: String; var shortDescription: Text; var fullDescription: Text; var help: Text
        var defaultConfiguration: Configuration; var properties: RuleProperties
    }
    struct Configuration: Encodable { var level: String }
    struct RuleProperties: Encodable { var category: String; var tags: [String] }
    struct Artifact: Encodable { var location: ArtifactLocation }
    struct ArtifactLocation: Encodable { var uri: String; var index: Int? }
    struct Result: Encodable {
        var ruleId: String; var ruleIndex: Int; var level: String; var message: Text; var locations: [Location]
        var partialFingerprints: [String: String]; var properties: ResultProperties
    }
    struct Location: Encodable { var physicalLocation: PhysicalLocation }
    struct PhysicalLocation: Encodable { var artifactLocation: ArtifactLocation; var region: Region }
    struct Region: Encodable { var startLine: Int; var startColumn: Int; var charOffset: Int; var charLength: Int }
    struct ResultProperties: Encodable { var category: String; var record: String; var source: String }
}
