import Foundation
import PostwachtCore

/// The self-contained HTML report of an audit for a school director: totals, charts per category and
/// month, the worst posts first with their findings highlighted, posts whose only finding is about the
/// post as a whole in a table per kind, what was skipped and why, the records that could not be read.
/// The data goes into the template in `Assets/audit-report.html` as one JSON object.
///
/// Masked (the default, unless `showMatches`): the words of every finding, and every personal-data
/// value the engine recognises (names, phone numbers, e-mail and street addresses, BSN, IBAN, birth
/// dates) wherever they stand — titles, texts, authors, finding messages and suggestions — become •,
/// so the report can be shared. File paths and record ids are shown as they are.
public struct AuditHTMLReport {
    public var showMatches = false
    public var policy: String?
    public var organisation: String?
    public var inputs: [String] = []
    public var toolVersion = "postwacht"
    /// Finds the personal data to mask; without one, only the findings' words are masked.
    public var personalData: PersonalDataSpans?
    /// The language of messages and suggestions (masking follows `showMatches`).
    public var language: Language = .nl
    /// Words findings in the report's language, masked unless `showMatches`. A finding about the post
    /// as a whole (a photo on a public channel) masks nothing, and a post with only such findings is
    /// listed in a table, not as a card.
    private var renderer: FindingRenderer { FindingRenderer(language: language, redact: !showMatches) }
    private var totals = Totals()
    private var months: [String: Month] = [:]
    private var posts: [Post] = []
    private var wholePost: [String: WholePostGroup] = [:]
    private var errors: [ErrorRow] = []
    private var errorCount = 0
    private var skipped: [String: Int] = [:]
    private var companions: [Companion] = []
    static let maximumPosts = 500
    static let maximumErrors = 1000
    static let maximumWholePostRows = 300

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
        let weight = counted.reduce(0) { $0 + ($1.severity == .error ? 3 : 1) }
        let onlyWholePost = counted.allSatisfy(\.isPostLevel)
        if !onlyWholePost { totals.postsShownAsCards += 1 }
        if !onlyWholePost, posts.count >= Self.maximumPosts, let lightest = posts.last, lightest.weight >= weight { return }
        let created = metadata.createdAt.map(Self.timestamp)
        if onlyWholePost {
            for category in Set(counted.map(\.category.rawValue)) {
                var group = wholePost[category, default: WholePostGroup(category: category)]
                group.posts += 1
                if group.rows.count < Self.maximumWholePostRows {
                    let opening = String(decoding: Array(String(decoding: result.text.prefix(480), as: UTF8.self).utf16.prefix(120)), as: UTF16.self)
                    group.rows.append(WholePostRow(id: result.id, source: source(), created: created, channel: metadata.channel,
                                                   excerpt: shown(opening, findings: result.findings)))
                }
                wholePost[category] = group
            }
            return
        }
        let text = shown(String(decoding: result.text, as: UTF8.self), findings: result.findings)
        posts.append(Post(id: result.id, source: source(), created: created, channel: metadata.channel,
                          author: metadata.author.map { shown($0, findings: []) }, weight: weight, text: text,
                          findings: result.findings.map(entry)))
        // Keep the worst first; trim only now and then, not on every post.
        if posts.count > 2 * Self.maximumPosts {
            posts.sort { $0.weight > $1.weight }
            posts.removeLast(posts.count - Self.maximumPosts)
        }
    }

    public mutating func add(failure id: String, source: String, code: String, message: String) {
        totals.records += 1
        totals.failed += 1
        errorCount += 1
        if errors.count < Self.maximumErrors { errors.append(ErrorRow(id: id, source: source, code: code, message: message)) }
    }

    /// An entry deliberately not checked; `reason` as the summary words it.
    public mutating func add(skipped reason: String) {
        totals.records += 1
        totals.skipped += 1
        skipped[reason, default: 0] += 1
    }

    /// A file of the export that holds no posts.
    public mutating func add(companion path: String, reason: String) {
        companions.append(Companion(path: path, reason: reason))
    }

    private func entry(_ finding: Finding) -> Entry {
        let message = renderer.message(finding)
        let clause = finding.clauses.first.map { EntryClause(organisation: $0.organisation, section: $0.section, number: $0.number, quote: $0.quote) }
        return Entry(rule: finding.rule, category: finding.category.rawValue, severity: finding.severity.rawValue,
                     message: shown(message, findings: []), utf16: finding.utf16, wholePost: finding.isPostLevel,
                     clause: clause, suggestion: shown(renderer.suggestion(finding), findings: []))
    }

    /// `text` as the report shows it: with masking on, every finding's words (but for findings about
    /// the whole post) and every personal-data value in it masked.
    func shown(_ text: String, findings: [Finding]) -> String {
        guard !showMatches, !text.isEmpty else { return text }
        var ranges = personalData?.utf16Ranges(in: text) ?? []
        ranges += findings.filter { !$0.isPostLevel }.map { $0.utf16.start..<$0.utf16.end }
        return Self.masked(text, utf16: ranges)
    }

    /// The text with each range (UTF-16 offsets) masked: every letter and digit becomes •, one • per
    /// UTF-16 unit, so the offsets of the highlights stay valid whatever the characters.
    static func masked(_ text: String, utf16 ranges: [Range<Int>]) -> String {
        var units = Array(text.utf16)
        for range in ranges {
            let start = max(0, min(range.lowerBound, units.count)), end = max(start, min(range.upperBound, units.count))
            guard start < end else { continue }
            var index = start
            // A range that starts on the second half of a surrogate pair is widened to the whole character.
            if index > 0, UTF16.isTrailSurrogate(units[index]), UTF16.isLeadSurrogate(units[index - 1]) { index -= 1 }
            while index < end {
                let width = UTF16.isLeadSurrogate(units[index]) && index + 1 < units.count && UTF16.isTrailSurrogate(units[index + 1]) ? 2 : 1
                let scalar = String(decoding: units[index..<index + width], as: UTF16.self).unicodeScalars.first
                if let scalar, scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                    for offset in 0..<width { units[index + offset] = 0x2022 }
                }
                index += width
            }
        }
        return String(decoding: units, as: UTF16.self)
    }

    /// The finished HTML page.
    public func html(template: String = AuditHTMLReport.template) -> String {
        var report = self
        report.posts.sort { $0.weight != $1.weight ? $0.weight > $1.weight : $0.id < $1.id }
        if report.posts.count > Self.maximumPosts { report.posts.removeLast(report.posts.count - Self.maximumPosts) }
        let data = Document(generated: Self.timestamp(Date()), tool: toolVersion, policy: policy, organisation: organisation,
                            redacted: !showMatches, inputs: inputs, totals: totals, byMonth: Self.continuous(months),
                            posts: report.posts, wholePost: wholePost.values.sorted { $0.posts != $1.posts ? $0.posts > $1.posts : $0.category < $1.category },
                            skipped: skipped.map { Reason(reason: $0.key, count: $0.value) }.sorted { $0.count != $1.count ? $0.count > $1.count : $0.reason < $1.reason },
                            companions: companions, errors: errors, errorsNotShown: errorCount - errors.count)
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

    /// Every month from the first to the last with posts, the empty ones too: the chart's axis is
    /// time, not a list of months that happened to have posts. A span of more than 50 years (a date
    /// that is surely wrong) keeps only the months with posts.
    static func continuous(_ months: [String: Month]) -> [Month] {
        let sorted = months.values.sorted { $0.month < $1.month }
        guard let first = sorted.first.flatMap({ index(of: $0.month) }), let last = sorted.last.flatMap({ index(of: $0.month) }),
              last - first < 600 else { return sorted }
        return (first...last).map { index in
            let name = String(format: "%04d-%02d", index / 12, index % 12 + 1)
            return months[name] ?? Month(month: name)
        }
    }

    /// "2024-03" → months since year 0.
    private static func index(of month: String) -> Int? {
        let parts = month.split(separator: "-")
        guard parts.count == 2, let year = Int(parts[0]), let number = Int(parts[1]) else { return nil }
        return year * 12 + number - 1
    }

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
        var records = 0, checked = 0, failed = 0, skipped = 0, findings = 0, postsWithFindings = 0
        /// Posts with a finding in their words: each a card (the worst `maximumPosts` of them).
        var postsShownAsCards = 0
        var byCategory: [String: Int] = [:]
        var bySeverity: [String: Int] = [:]
        enum CodingKeys: String, CodingKey {
            case records, checked, failed, skipped, findings
            case postsWithFindings = "posts_with_findings", postsShownAsCards = "posts_shown_as_cards"
            case byCategory = "by_category", bySeverity = "by_severity"
        }
    }
    struct Month: Encodable { var month: String; var posts = 0; var findings: [String: Int] = [:] }
    struct EntryClause: Encodable { var organisation: String; var section: String; var number: String?; var quote: String }
    struct Entry: Encodable {
        var rule: String; var category: String; var severity: String; var message: String
        var utf16: OffsetRange; var wholePost: Bool; var clause: EntryClause?; var suggestion: String
        enum CodingKeys: String, CodingKey { case rule, category, severity, message, utf16, clause, suggestion, wholePost = "whole_post" }
    }
    struct Post: Encodable {
        var id: String; var source: String; var created: String?; var channel: String?; var author: String?
        var weight: Int; var text: String; var findings: [Entry]
    }
    struct WholePostRow: Encodable { var id: String; var source: String; var created: String?; var channel: String?; var excerpt: String }
    struct WholePostGroup: Encodable { var category: String; var posts = 0; var rows: [WholePostRow] = [] }
    struct Reason: Encodable { var reason: String; var count: Int }
    struct Companion: Encodable { var path: String; var reason: String }
    struct ErrorRow: Encodable { var id: String; var source: String; var code: String; var message: String }
    struct Document: Encodable {
        var generated: String; var tool: String; var policy: String?; var organisation: String?; var redacted: Bool
        var inputs: [String]; var totals: Totals; var byMonth: [Month]; var posts: [Post]; var wholePost: [WholePostGroup]
        var skipped: [Reason]; var companions: [Companion]; var errors: [ErrorRow]; var errorsNotShown: Int
        enum CodingKeys: String, CodingKey {
            case generated, tool, policy, organisation, redacted, inputs, totals, posts, skipped, companions, errors
            case byMonth = "by_month", wholePost = "whole_post", errorsNotShown = "errors_not_shown"
        }
    }
}
