import Foundation
import PostwachtCore

/// SARIF 2.1.0 for code-scanning tools: one run, rule metadata with help text, one result per finding.
/// Each post is its own artifact (`<export file>#<record id>`), so regions count lines and columns
/// inside the post's text, in Unicode code points (`columnKind`).
///
/// Written as a stream — `opening()`, then `results(…)` per record, then `closing()` — so an audit of
/// millions of posts never holds its results in memory. `results` keeps no state, so checking threads
/// can format their own records; each result comes after a comma, and the writer drops the very first
/// one (`OrderedOutput`).
public struct SARIFReport: Sendable {
    private let rules: [RuleDescription]
    private let ruleIndexes: [String: Int]
    private let clauses: @Sendable (String) -> [ProtocolClause]
    private let version: String
    private let baseDirectory: String
    /// Messages in English: code-scanning tools show SARIF as it is, and the rule metadata is English.
    private let renderer: FindingRenderer

    /// - Parameters:
    ///   - clauses: the clauses a rule cites under the run's policy (its help text).
    ///   - baseDirectory: made relative in URIs, as code scanning wants.
    public init(rules: [RuleDescription], clauses: @escaping @Sendable (String) -> [ProtocolClause], version: String,
                baseDirectory: String = FileManager.default.currentDirectoryPath, renderer: FindingRenderer = FindingRenderer(language: .en)) {
        self.renderer = renderer
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
        let tool = String(decoding: (try? Self.encoder().encode(Tool(driver: driver))) ?? Data("{}".utf8), as: UTF8.self)
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

    /// The results for one record's findings, one per line, each after a comma. `file`: the export file
    /// the record came from (its artifact); `source`: where in it, for people ("posts.jsonl:7").
    public func results(_ result: LintResult, file: String, source: String) -> String {
        String(decoding: resultBytes(result, file: file, source: source), as: UTF8.self)
    }

    public func resultBytes(_ result: LintResult, file: String, source: String) -> [UInt8] {
        guard !result.findings.isEmpty else { return [] }
        let uri = Self.relativeURI(file, base: baseDirectory) + "#" + (result.id.addingPercentEncoding(withAllowedCharacters: .urlFragmentAllowed) ?? result.id)
        var out = JSONBytes()
        for finding in result.findings {
            out.raw(",\n        ")
            Self.append(Self.result(for: finding, message: renderer.message(finding), uri: uri, ruleIndex: ruleIndexes[finding.rule] ?? 0,
                                     record: result.id, source: source), to: &out)
        }
        return out.bytes
    }

    static func result(for finding: Finding, message: String, uri: String, ruleIndex: Int, record: String, source: String) -> Result {
        Result(
                ruleId: finding.rule, ruleIndex: ruleIndex,
                level: Self.level(finding.severity), message: .init(text: message),
                locations: [.init(physicalLocation: .init(
                    artifactLocation: .init(uri: uri),
                    region: .init(startLine: finding.line, startColumn: finding.column,
                                  charOffset: finding.span.start, charLength: finding.span.end - finding.span.start)))],
                partialFingerprints: ["postwacht/v1": finding.fingerprint],
                properties: .init(category: finding.category.rawValue, record: record, source: source))
    }

    /// A result as JSON, written by hand: the bytes `JSONEncoder` writes with sorted keys (a test holds
    /// them equal), several times faster, for audits with hundreds of thousands of findings.
    static func append(_ result: Result, to out: inout JSONBytes) {
        out.raw("{\"level\":"); out.string(result.level)
        out.raw(",\"locations\":[")
        for (index, location) in result.locations.enumerated() {
            let region = location.physicalLocation.region
            out.raw(index > 0 ? ",{\"physicalLocation\":{\"artifactLocation\":{\"uri\":" : "{\"physicalLocation\":{\"artifactLocation\":{\"uri\":")
            out.string(location.physicalLocation.artifactLocation.uri)
            out.raw("},\"region\":{\"charLength\":"); out.number(region.charLength)
            out.raw(",\"charOffset\":"); out.number(region.charOffset)
            out.raw(",\"startColumn\":"); out.number(region.startColumn)
            out.raw(",\"startLine\":"); out.number(region.startLine)
            out.raw("}}}")
        }
        out.raw("],\"message\":{\"text\":"); out.string(result.message.text)
        out.raw("},\"partialFingerprints\":{")
        for (index, key) in result.partialFingerprints.keys.sorted().enumerated() {
            if index > 0 { out.raw(",") }
            out.string(key); out.raw(":"); out.string(result.partialFingerprints[key]!)
        }
        out.raw("},\"properties\":{\"category\":"); out.string(result.properties.category)
        out.raw(",\"record\":"); out.string(result.properties.record)
        out.raw(",\"source\":"); out.string(result.properties.source)
        out.raw("},\"ruleId\":"); out.string(result.ruleId)
        out.raw(",\"ruleIndex\":"); out.number(result.ruleIndex)
        out.raw("}")
    }

    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
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
        // A space becomes %20, and a colon %3A: in a relative reference a colon before the first slash
        // would read as a scheme ("posts 2024:7.jsonl").
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(":")
        return relative.addingPercentEncoding(withAllowedCharacters: allowed) ?? relative
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
