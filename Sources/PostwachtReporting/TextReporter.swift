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
                output += "\(bold(result.id)): \(paint("warning", .yellow)) [\(warning.code)] \(style.renderer.message(of: warning))\n"
            }
            for finding in result.findings {
                output += line(for: finding, in: result)
            }
        }
        return output
    }

    /// "2 errors, 1 warning in 3 records, 1 could not be read" / "2 fouten, 1 waarschuwing in 3 berichten, 1 niet leesbaar".
    public mutating func finish(_ summary: RunSummary) -> String {
        let dutch = style.language == .nl
        func counted(_ count: Int, _ one: String, _ many: String) -> String { "\(count) \(count == 1 ? one : many)" }
        let names: [Severity: (nl: (String, String), en: (String, String))] = [
            .error: (("fout", "fouten"), ("error", "errors")),
            .warning: (("waarschuwing", "waarschuwingen"), ("warning", "warnings")),
            .info: (("melding", "meldingen"), ("info", "infos")),
        ]
        var parts: [String] = []
        for severity in Severity.allCases.reversed() {
            if let count = summary.bySeverity[severity.rawValue], let name = names[severity] {
                let (one, many) = dutch ? name.nl : name.en
                parts.append(counted(count, one, many))
            }
        }
        let findings = parts.isEmpty ? (dutch ? "geen bevindingen" : "no findings") : parts.joined(separator: ", ")
        let records = dutch ? counted(summary.records, "bericht", "berichten") : counted(summary.records, "record", "records")
        let failed = summary.failed > 0 ? (dutch ? ", \(summary.failed) niet leesbaar" : ", \(summary.failed) could not be read") : ""
        return "\(findings) in \(records)\(failed)\n"
    }

    private func line(for finding: Finding, in result: LintResult) -> String {
        let colour: Colour = finding.severity == .error ? .red : finding.severity == .warning ? .yellow : .cyan
        var text = "\(bold("\(result.id):\(finding.line):\(finding.column)")): \(paint(finding.severity.rawValue, colour)) [\(finding.rule)] \(style.renderer.message(finding))"
        if let clause = finding.clauses.first {
            text += " (\(clause.organisation), \(clause.citation))"
        }
        text += "\n"
        text += sourceExcerpt(for: finding, in: result, colour: colour)
        text += "    \(style.renderer.suggestion(finding))\n"
        return text
    }

    /// The finding's line (cut around the span when long) and a ^~~~ marker under the span. Walks out
    /// from the span over at most `contextWidth` characters each way, on the bytes: a post may be one
    /// line of megabytes, with a finding every few words.
    private func sourceExcerpt(for finding: Finding, in result: LintResult, colour: Colour) -> String {
        let text = result.text
        func endsLine(_ byte: UInt8) -> Bool { byte == 0x0A || byte == 0x0D }
        func isContinuation(_ byte: UInt8) -> Bool { byte & 0xC0 == 0x80 }
        let start = finding.utf8.start
        var spanEnd = start
        while spanEnd < min(finding.utf8.end, text.count), !endsLine(text[spanEnd]) { spanEnd += 1 }
        var from = start
        var shownBefore = 0
        while from > 0, !endsLine(text[from - 1]), shownBefore < Self.contextWidth {
            from -= 1
            while from > 0, isContinuation(text[from]) { from -= 1 }
            shownBefore += 1
        }
        let cutBefore = from > 0 && !endsLine(text[from - 1])
        var to = spanEnd
        var shownAfter = 0
        while to < text.count, !endsLine(text[to]), shownAfter < Self.contextWidth {
            to += 1
            while to < text.count, isContinuation(text[to]) { to += 1 }
            shownAfter += 1
        }
        let cutAfter = to < text.count && !endsLine(text[to])
        let renderer = style.renderer
        let before = renderer.text(from..<start, of: result)
        let span = renderer.text(start..<spanEnd, of: result, maskingAll: true)
        let suffix = renderer.text(spanEnd..<to, of: result) + (cutAfter ? "…" : "")
        // Blanks as wide as the terminal draws what comes before the span (an emoji takes two columns,
        // a combining accent none), tabs kept, so the marker lines up.
        var indent = cutBefore ? " " : ""
        for character in before {
            indent += character == "\t" ? "\t" : String(repeating: " ", count: DisplayWidth.of(character))
        }
        let width = max(1, span.reduce(0) { $0 + DisplayWidth.of($1) })
        let marker = "^" + String(repeating: "~", count: width - 1)
        return "    \(cutBefore ? "…" : "")\(before)\(paint(span, colour))\(suffix)\n    \(indent)\(paint(marker, colour))\n"
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
