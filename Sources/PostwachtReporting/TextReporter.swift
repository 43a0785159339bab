import PostwachtCore

/// `--format text`: compiler-style lines a person reads in a terminal or an editor's problem list:
/// `file:line:col: severity [rule] message (Organisation, section)`, the source line, and a marker under the span.
public struct TextReporter: Reporter {
    private let style: ReportStyle
    /// Context shown either side of a span on long lines, in Unicode scalars.
    private static let contextWidth = 60

    public init(style: ReportStyle) { self.style = style }

    public mutating func report(_ outcome: RecordOutcome) -> String {
        var output = ""
        switch outcome {
        case .failed(let id, let error):
            output += "\(bold(id)): \(paint("error", .red)) [\(error.code)] \(error.message)\n"
        case .checked(let result):
            for warning in result.warnings {
                output += "\(bold(result.id)): \(paint("warning", .yellow)) [\(warning.code)] \(warning.message)\n"
            }
            for finding in result.findings {
                output += line(for: finding, in: result)
            }
        }
        return output
    }

    public mutating func finish(_ summary: RunSummary) -> String {
        var parts: [String] = []
        for severity in Severity.allCases.reversed() {
            if let count = summary.bySeverity[severity.rawValue] {
                parts.append("\(count) \(severity.rawValue)\(count == 1 ? "" : "s")")
            }
        }
        let findings = parts.isEmpty ? "no findings" : parts.joined(separator: ", ")
        let failed = summary.failed > 0 ? ", \(summary.failed) could not be read" : ""
        return "\(findings) in \(summary.records) record\(summary.records == 1 ? "" : "s")\(failed)\n"
    }

    private func line(for finding: Finding, in result: LintResult) -> String {
        let colour: Colour = finding.severity == .error ? .red : finding.severity == .warning ? .yellow : .cyan
        var text = "\(bold("\(result.id):\(finding.line):\(finding.column)")): \(paint(finding.severity.rawValue, colour)) [\(finding.rule)] \(finding.message)"
        if let clause = finding.clauses.first {
            text += " (\(clause.organisation), \(clause.citation))"
        }
        text += "\n"
        text += sourceExcerpt(for: finding, in: result.text, colour: colour)
        text += "    \(finding.suggestion)\n"
        return text
    }

    /// The finding's line (cut around the span when long) and a ^~~~ marker under the span.
    private func sourceExcerpt(for finding: Finding, in text: [UInt8], colour: Colour) -> String {
        var lineStart = finding.utf8.start
        while lineStart > 0, text[lineStart - 1] != 0x0A { lineStart -= 1 }
        var lineEnd = finding.utf8.start
        while lineEnd < text.count, text[lineEnd] != 0x0A, text[lineEnd] != 0x0D { lineEnd += 1 }
        let before = Array(String(decoding: text[lineStart..<finding.utf8.start], as: UTF8.self).unicodeScalars)
        let spanEnd = min(finding.utf8.end, lineEnd)
        var span = String(decoding: text[finding.utf8.start..<spanEnd], as: UTF8.self)
        let after = Array(String(decoding: text[spanEnd..<lineEnd], as: UTF8.self).unicodeScalars)
        if style.redact { span = Redaction.mask(span) }
        let shownBefore = before.count > Self.contextWidth ? ["…"] + before.suffix(Self.contextWidth) : before[...]
        let shownAfter = after.count > Self.contextWidth ? after.prefix(Self.contextWidth) + ["…"] : after[...]
        let prefix = String(String.UnicodeScalarView(shownBefore.map { $0 }))
        let indent = String(prefix.unicodeScalars.map { $0 == "\t" ? "\t" : " " })
        let width = max(1, span.unicodeScalars.count)
        let marker = "^" + String(repeating: "~", count: width - 1)
        let suffix = String(String.UnicodeScalarView(shownAfter.map { $0 }))
        return "    \(prefix)\(paint(span, colour))\(suffix)\n    \(indent)\(paint(marker, colour))\n"
    }

    enum Colour: String {
        case red = "31", yellow = "33", cyan = "36"
    }

    private func paint(_ text: String, _ colour: Colour) -> String {
        style.colors ? "\u{1B}[\(colour.rawValue)m\(text)\u{1B}[0m" : text
    }

    private func bold(_ text: String) -> String {
        style.colors ? "\u{1B}[1m\(text)\u{1B}[0m" : text
    }
}
