import Foundation
import PostwachtCore

/// The self-contained HTML report of an audit for a school director: totals, charts per category and
/// month, the worst posts first with their findings highlighted, the records that could not be read.
/// Matched words are masked unless `showMatches`; the data goes into the template in
/// `Assets/audit-report.html` as one JSON object.
public struct AuditHTMLReport {
    public var showMatches = false
    public var policy: String?
    public var organisation: String?
    public var inputs: [String] = []
    public var toolVersion = "postwacht"
    private var totals = Totals()
    private var months: [String: Month] = [:]
    private var posts: [Post] = []
    private var errors: [ErrorRow] = []
    private var errorCount = 0
    static let maximumPosts = 500
    static let maximumErrors = 1000

    public init() {}

    public mutating func add(_ result: LintResult, source: @autoclosure () -> String, metadata: RecordMetadata) {
        totals.records += 1
        totals.checked += 1
        let counted = result.findings.filter { $0.severity >= .warning }
        let month = metadata.createdAt.map(Self.month)
        if let month { months[month, default: Month(month: month)].posts += 1 }
        for finding in result.findings {
            totals.findings += 1
            totals.byCategory[finding.category.rawValue, default: 0] += 1
            totals.bySeverity[finding.severity.rawValue, default: 0] += 1
            if let month { months[month]!.findings[finding.category.rawValue, default: 0] += 1 }
        }
        guard !counted.isEmpty else { return }
        totals.postsWithFindings += 1
        let score = counted.reduce(0) { $0 + ($1.severity == .error ? 3 : 1) }
        if posts.count >= Self.maximumPosts, let weakest = posts.last, weakest.score >= score { return }
        let text = String(decoding: result.text, as: UTF8.self)
        posts.append(Post(id: result.id, source: source(), created: metadata.createdAt.map(Self.timestamp), channel: metadata.channel,
                          author: metadata.author, score: score, text: showMatches ? text : Self.masked(text, result.findings),
                          findings: result.findings.map(entry)))
        // Keep the worst first; trim only now and then, not on every post.
        if posts.count > 2 * Self.maximumPosts {
            posts.sort { $0.score > $1.score }
            posts.removeLast(posts.count - Self.maximumPosts)
        }
    }

    public mutating func add(failure id: String, source: String, code: String, message: String) {
        totals.records += 1
        totals.failed += 1
        errorCount += 1
        if errors.count < Self.maximumErrors { errors.append(ErrorRow(id: id, source: source, code: code, message: message)) }
    }

    private func entry(_ finding: Finding) -> Entry {
        let message = showMatches || finding.match.isEmpty ? finding.message
            : finding.message.replacingOccurrences(of: finding.match, with: Redaction.mask(finding.match))
        let clause = finding.clauses.first.map { EntryClause(organisation: $0.organisation, section: $0.section, number: $0.number, quote: $0.quote) }
        return Entry(rule: finding.rule, category: finding.category.rawValue, severity: finding.severity.rawValue, message: message,
                     utf16: finding.utf16, clause: clause, suggestion: finding.suggestion)
    }

    /// The text with every finding's words masked; a post-level finding (the whole text) masks nothing.
    static func masked(_ text: String, _ findings: [Finding]) -> String {
        var units = Array(text.utf16)
        for finding in findings where !(finding.utf16.start == 0 && finding.utf16.end == units.count) {
            let masked = Array(Redaction.mask(String(decoding: units[finding.utf16.start..<finding.utf16.end], as: UTF16.self)).utf16)
            // Masking keeps length in UTF-16 for BMP characters; keep the offsets valid whatever happens.
            if masked.count == finding.utf16.end - finding.utf16.start { units.replaceSubrange(finding.utf16.start..<finding.utf16.end, with: masked) }
        }
        return String(decoding: units, as: UTF16.self)
    }

    /// The finished HTML page.
    public func html(template: String = AuditHTMLReport.template) -> String {
        var report = self
        report.posts.sort { $0.score != $1.score ? $0.score > $1.score : $0.id < $1.id }
        if report.posts.count > Self.maximumPosts { report.posts.removeLast(report.posts.count - Self.maximumPosts) }
        let data = Document(generated: Self.timestamp(Date()), tool: toolVersion, policy: policy, organisation: organisation,
                            redacted: !showMatches, inputs: inputs, totals: totals,
                            byMonth: months.values.sorted { $0.month < $1.month }, posts: report.posts,
                            errors: errors, errorsNotShown: errorCount - errors.count)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = String(decoding: (try? encoder.encode(data)) ?? Data("{}".utf8), as: UTF8.self)
            .replacingOccurrences(of: "</", with: "<\\/")
        return template.replacingOccurrences(of: "__POSTWACHT_AUDIT_DATA__", with: json)
    }

    public static let template: String = {
        guard let url = Bundle.module.url(forResource: "audit-report", withExtension: "html", subdirectory: "Assets"),
              let text = try? String(contentsOf: url, encoding: .utf8) else {
            return "<!doctype html><meta charset=utf-8><title>postwacht</title><pre id=data>__POSTWACHT_AUDIT_DATA__</pre>"
        }
        return text
    }()

    /// "2024-03": the month of a date in UTC. Arithmetic (Howard Hinnant's civil_from_days) rather than
    /// a `Calendar`, which cost more per post than checking it; a test holds the two equal.
    static func month(_ date: Date) -> String {
        let days = Int((date.timeIntervalSince1970 / 86_400).rounded(.down)) + 719_468
        let era = (days >= 0 ? days : days - 146_096) / 146_097
        let dayOfEra = days - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        let yearText = String(year)
        return String(repeating: "0", count: max(0, 4 - yearText.count)) + yearText + (month < 10 ? "-0" : "-") + String(month)
    }

    private static func timestamp(_ date: Date) -> String { date.formatted(.iso8601) }

    struct Totals: Encodable {
        var records = 0, checked = 0, failed = 0, findings = 0, postsWithFindings = 0
        var byCategory: [String: Int] = [:]
        var bySeverity: [String: Int] = [:]
        enum CodingKeys: String, CodingKey {
            case records, checked, failed, findings
            case postsWithFindings = "posts_with_findings", byCategory = "by_category", bySeverity = "by_severity"
        }
    }
    struct Month: Encodable { var month: String; var posts = 0; var findings: [String: Int] = [:] }
    struct EntryClause: Encodable { var organisation: String; var section: String; var number: String?; var quote: String }
    struct Entry: Encodable {
        var rule: String; var category: String; var severity: String; var message: String
        var utf16: OffsetRange; var clause: EntryClause?; var suggestion: String
    }
    struct Post: Encodable {
        var id: String; var source: String; var created: String?; var channel: String?; var author: String?
        var score: Int; var text: String; var findings: [Entry]
    }
    struct ErrorRow: Encodable { var id: String; var source: String; var code: String; var message: String }
    struct Document: Encodable {
        var generated: String; var tool: String; var policy: String?; var organisation: String?; var redacted: Bool
        var inputs: [String]; var totals: Totals; var byMonth: [Month]; var posts: [Post]; var errors: [ErrorRow]
        var errorsNotShown: Int
        enum CodingKeys: String, CodingKey {
            case generated, tool, policy, organisation, redacted, inputs, totals, posts, errors
            case byMonth = "by_month", errorsNotShown = "errors_not_shown"
        }
    }
}
