import PostwachtCore

/// Output formats of `postwacht check`.
public enum OutputFormat: String, CaseIterable, Sendable {
    case text, json, jsonl
}

/// Turns outcomes into output text. A reporter formats; it never detects.
public protocol Reporter {
    /// Output for one record, in input order (may be empty for formats that write everything at the end).
    mutating func report(_ outcome: RecordOutcome) -> String
    /// Output after the last record.
    mutating func finish(_ summary: RunSummary) -> String
}

/// How to present findings: the renderer's language and masking, colours for a terminal, and how
/// machine outputs cite clauses.
public struct ReportStyle: Sendable {
    public var colors: Bool
    public var renderer: FindingRenderer
    public var clauses: ClauseStyle
    public var language: Language { renderer.language }
    public var redact: Bool { renderer.redact }

    public init(colors: Bool = false, renderer: FindingRenderer = FindingRenderer(), clauses: ClauseStyle = .reference) {
        self.colors = colors
        self.renderer = renderer
        self.clauses = clauses
    }
}

public func makeReporter(_ format: OutputFormat, style: ReportStyle) -> any Reporter {
    switch format {
    case .text: return TextReporter(style: style)
    case .json: return JSONDocumentReporter(renderer: style.renderer, clauses: style.clauses)
    case .jsonl: return JSONLinesReporter(renderer: style.renderer, clauses: style.clauses)
    }
}

/// Counts over a whole run.
public struct RunSummary: Codable, Equatable, Sendable {
    public var records = 0
    public var checked = 0
    public var failed = 0
    public var findings = 0
    public var byCategory: [String: Int] = [:]
    public var byRule: [String: Int] = [:]
    public var bySeverity: [String: Int] = [:]
    /// The most severe finding of the run, if any.
    public var highestSeverity: Severity?

    public init() {}

    public mutating func add(_ outcome: RecordOutcome) {
        records += 1
        switch outcome {
        case .failed:
            failed += 1
        case .checked(let result):
            checked += 1
            for finding in result.findings {
                findings += 1
                byCategory[finding.category.rawValue, default: 0] += 1
                byRule[finding.rule, default: 0] += 1
                bySeverity[finding.severity.rawValue, default: 0] += 1
                highestSeverity = max(highestSeverity ?? finding.severity, finding.severity)
            }
        }
    }

    enum CodingKeys: String, CodingKey {
        case records, checked, failed, findings
        case byCategory = "by_category", byRule = "by_rule", bySeverity = "by_severity"
    }
}
