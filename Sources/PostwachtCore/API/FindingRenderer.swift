/// How findings are worded and shown: in which language, and with matched values masked or not. The
/// one place for both: every reporter, the audit's HTML report and the HTTP service render through it,
/// so the engine's findings stay the same whatever the reader's language.
public struct FindingRenderer: Sendable {
    /// The language findings and warnings are worded in.
    public var language: Language
    /// Mask matched values (`--redact`): in `match`, `normalized`, the message, and any excerpt of the text.
    public var redact: Bool

    /// A renderer for this language, masking matched values or not.
    public init(language: Language = .nl, redact: Bool = false) {
        self.language = language
        self.redact = redact
    }

    /// The matched text as shown. A post-level finding's "match" is the whole post, which is not a value
    /// to hide: it is shown by excerpts, masked there where other findings are.
    public func match(_ finding: Finding) -> String {
        redact ? Redaction.mask(finding.match) : finding.match
    }

    /// The matched text after normalization, as shown (masked with redaction).
    public func normalized(_ finding: Finding) -> String {
        redact ? Redaction.mask(finding.normalized) : finding.normalized
    }

    /// The rule's message filled in: `{match}` (masked with redaction) and `{detail}` (left out with
    /// redaction: a detail may repeat the matched word, "samenstelling met 'kanker'").
    public func message(_ finding: Finding) -> String {
        guard let description = RuleRegistry.description(of: finding.rule) else { return finding.rule }
        let detail = redact ? "" : finding.detail?.text(in: language) ?? ""
        return MessageTemplate.fill(description.message.text(in: language), ["match": match(finding), "detail": detail])
    }

    /// A record's warning in the user's language.
    public func message(of warning: RecordWarning) -> String { warning.message(in: language) }

    /// A record's warning as machine outputs carry it.
    public func render(_ warning: RecordWarning) -> RenderedWarning {
        RenderedWarning(code: warning.code, message: message(of: warning))
    }

    /// The finding's suggestion in the renderer's language.
    public func suggestion(_ finding: Finding) -> String {
        finding.suggestion.text(in: language)
    }

    /// The finding as JSON outputs write it, worded in the renderer's language.
    public func render(_ finding: Finding, clauses style: ClauseStyle = .reference) -> RenderedFinding {
        RenderedFinding(rule: finding.rule, category: finding.category.rawValue, severity: finding.severity, message: message(finding),
                        span: finding.span, utf16: finding.utf16, utf8: finding.utf8, line: finding.line, column: finding.column,
                        match: match(finding), normalized: normalized(finding), clauses: finding.clauses, clauseStyle: style,
                        suggestion: suggestion(finding), fingerprint: finding.fingerprint, postLevel: finding.isPostLevel)
    }

    /// The bytes `range` of a checked record's text as shown. With redaction every finding's words in it
    /// are masked (a context line must not show in clear what a finding's own line hides); findings
    /// about the whole post are no words to hide. `whole`: mask all of `range` (the finding's own span).
    public func text(_ range: Range<Int>, of result: LintResult, maskingAll whole: Bool = false) -> String {
        let text = result.text
        let range = max(0, min(range.lowerBound, text.count))..<max(0, min(range.upperBound, text.count))
        guard redact, !range.isEmpty else { return String(decoding: text[range], as: UTF8.self) }
        if whole { return Redaction.mask(String(decoding: text[range], as: UTF8.self)) }
        var hidden: [Range<Int>] = []
        for other in result.findings where !other.isPostLevel && other.utf8.start < range.upperBound && other.utf8.end > range.lowerBound {
            hidden.append(max(other.utf8.start, range.lowerBound)..<min(other.utf8.end, range.upperBound))
        }
        guard !hidden.isEmpty else { return String(decoding: text[range], as: UTF8.self) }
        hidden.sort { $0.lowerBound < $1.lowerBound }
        var output = ""
        var position = range.lowerBound
        for part in hidden where part.upperBound > position {
            let from = max(part.lowerBound, position)
            output += String(decoding: text[position..<from], as: UTF8.self)
            output += Redaction.mask(String(decoding: text[from..<part.upperBound], as: UTF8.self))
            position = part.upperBound
        }
        return output + String(decoding: text[position..<range.upperBound], as: UTF8.self)
    }
}

/// How an output cites clauses: by id, with each clause's text once in the output (the default of
/// findings contract 2), or each finding carrying the full clauses (`--clauses inline`, contract 1's form).
public enum ClauseStyle: String, CaseIterable, Sendable {
    case reference, inline
}

/// A finding in one language, as outputs and the HTTP service write it (findings contract 2).
public struct RenderedFinding: Encodable, Sendable {
    /// The rule's id.
    public var rule: String
    /// The rule's category (`FindingCategory.rawValue`).
    public var category: String
    /// The finding's severity.
    public var severity: Severity
    /// The rule's message, filled in.
    public var message: String
    /// Unicode scalar offsets into the record's text, end exclusive.
    public var span: OffsetRange
    /// UTF-16 offsets, end exclusive.
    public var utf16: OffsetRange
    /// UTF-8 byte offsets, end exclusive.
    public var utf8: OffsetRange
    /// 1-based line of the match's start.
    public var line: Int
    /// 1-based column (in Unicode scalars) of the match's start.
    public var column: Int
    /// The matched text as shown (masked with redaction).
    public var match: String
    /// The matched text after normalization, as shown.
    public var normalized: String
    /// The protocol clauses the finding cites.
    public var clauses: [ProtocolClause]
    /// Whether `clauses` are written as ids or in full.
    public var clauseStyle: ClauseStyle
    /// The rule's suggestion, in the renderer's language.
    public var suggestion: String
    /// The finding's fingerprint (`Finding.fingerprint`).
    public var fingerprint: String
    /// About the post as a whole (written as `"post_level": true`; absent otherwise).
    public var postLevel: Bool

    enum CodingKeys: String, CodingKey {
        case rule, category, severity, message, span, utf16, utf8, line, column, match, normalized, clauses, suggestion, fingerprint
        case postLevel = "post_level"
    }

    /// Writes the findings-contract form: clause ids or full clauses by `clauseStyle`, `post_level` only when true.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(rule, forKey: .rule)
        try container.encode(category, forKey: .category)
        try container.encode(severity, forKey: .severity)
        try container.encode(message, forKey: .message)
        try container.encode(span, forKey: .span)
        try container.encode(utf16, forKey: .utf16)
        try container.encode(utf8, forKey: .utf8)
        try container.encode(line, forKey: .line)
        try container.encode(column, forKey: .column)
        try container.encode(match, forKey: .match)
        try container.encode(normalized, forKey: .normalized)
        switch clauseStyle {
        case .reference: try container.encode(clauses.map(\.id), forKey: .clauses)
        case .inline: try container.encode(clauses, forKey: .clauses)
        }
        try container.encode(suggestion, forKey: .suggestion)
        try container.encode(fingerprint, forKey: .fingerprint)
        if postLevel { try container.encode(true, forKey: .postLevel) }
    }
}

/// The version of the findings contract every output states (`"version": 2`): findings cite clauses by
/// id and the output carries each clause's text once. docs/findings.md describes it.
public enum FindingsContract {
    /// The contract's version number.
    public static let version = 2
}

/// A record's warning in one language: `{"code", "message"}` in JSON outputs and the service's answers.
public struct RenderedWarning: Codable, Equatable, Sendable {
    /// The warning's code (`input.invalid-utf8`).
    public var code: String
    /// The warning in the renderer's language.
    public var message: String
}
