import Foundation
import XCTest
@testable import PostwachtCore

/// Runs labelled posts and measures precision and recall per category, and holds each set above its floor.
///
/// A finding counts when its severity is warning or error (info is a hint, not a flag) and its category and
/// rule agree with a label's. Its span must equal the label's, except for the conduct categories whose spans
/// are clauses (threat, confidential, befriending): there a finding that overlaps the label counts, because two
/// authors never cut a clause at the same word. A label `"match": "*"` is a post-level finding spanning the
/// whole text. Every post is checked again behind multibyte text, and its findings must be the same, shifted
/// (rules that judge the whole post are left out of that comparison: the prefix is part of the post).
final class FixtureTests: XCTestCase {
    struct Tally { var truePositives = 0, falsePositives = 0, falseNegatives = 0
        var precision: Double { truePositives + falsePositives == 0 ? 1 : Double(truePositives) / Double(truePositives + falsePositives) }
        var recall: Double { truePositives + falseNegatives == 0 ? 1 : Double(truePositives) / Double(truePositives + falseNegatives) }
    }

    static let clauseCategories: Set<String> = Set(["threat", "confidential", "befriending"]).union(protocolClauseCategories)
    static let conductCategories: Set<String> = ["threat", "missing-disclaimer", "confidential", "private-contact", "befriending", "photo-channel"]
    /// The rules of issue 16's clauses; labelled from B4 on (a label "*" is met by a finding anywhere in the post).
    static let protocolClauseCategories: Set<String> = ["discussion", "arguing", "quoting", "lesson-recording", "school-photo", "off-duty-photo"]

    func testPrecisionAndRecallPerCategoryAreAtLeast95Percent() throws {
        try measure(directory: "posts", floor: 0.95)
    }

    /// Fixtures/holdout was written blind, from the specification only, after the first rules existed; rules
    /// were then mended only in general ways. A floor keeps it from sliding back; the README shows both runs.
    func testHoldoutStaysAboveItsFloor() throws {
        try measure(directory: "holdout", floor: 0.75)
    }

    /// The conduct development corpus (Fixtures/conduct/dev, 1,550 posts written blind by five helpers):
    /// the rules were developed against it, so these floors guard against sliding back, they do not
    /// measure unseen quality (the blind sets do).
    func testConductDevelopmentCorpusStaysAboveItsFloors() throws {
        try measure(directory: "conduct/dev", floor: 0.5, categories: Self.conductCategories, floors: [
            "threat": (0.95, 0.83), "missing-disclaimer": (0.80, 0.78), "confidential": (0.80, 0.87),
            "private-contact": (0.95, 0.95), "befriending": (0.95, 0.95),
        ])
    }

    /// Fixtures/blind/b1.jsonl, frozen before the grammar rules were written and never read by their author.
    /// Its first run with them (the README's figures) was threat P 0.859 R 0.526, missing-disclaimer P 0.794
    /// R 0.659, confidential P 0.897 R 0.761; the floors sit a little below so a change that loses unseen
    /// quality fails. Mistakes are not printed: a blind set stays unread.
    func testBlindSetB1StaysAboveItsFirstRun() throws {
        try measure(directory: "blind", file: "b1.jsonl", floor: 0.5, categories: Self.conductCategories, revealMistakes: false, floors: [
            "threat": (0.80, 0.48), "missing-disclaimer": (0.72, 0.60), "confidential": (0.85, 0.70),
            "private-contact": (0.95, 0.95), "befriending": (0.95, 0.95),
        ])
    }

    /// B2's first run (frozen before the second round of threat and confidential work): threat P .971
    /// R .515, disclaimer .891/.891, confidential .978/.682, private contact .889/1.0, befriending 1.0/.625.
    func testBlindSetB2StaysAboveItsFirstRun() throws {
        try measure(directory: "blind", file: "b2.jsonl", floor: 0.5, categories: Self.conductCategories, revealMistakes: false, floors: [
            "threat": (0.93, 0.50), "missing-disclaimer": (0.85, 0.85), "confidential": (0.93, 0.66),
            "private-contact": (0.85, 0.95), "befriending": (0.95, 0.60),
        ])
    }

    /// B3's first run (written after the second round, measured once): threat P .902 R .489, disclaimer
    /// .929/.605, confidential .886/.674, private contact 1.0/1.0, befriending .833/.500.
    func testBlindSetB3StaysAboveItsFirstRun() throws {
        try measure(directory: "blind", file: "b3.jsonl", floor: 0.5, categories: Self.conductCategories, revealMistakes: false, floors: [
            "threat": (0.86, 0.46), "missing-disclaimer": (0.88, 0.57), "confidential": (0.84, 0.64),
            "private-contact": (0.95, 0.95), "befriending": (0.75, 0.45),
        ])
    }

    /// B4 (342 posts, the first with the clause categories of Fixtures/conduct/RECIPE-CLAUSES.md). Its first run
    /// (the README's figures) refused the 59 posts whose attachments were given by kind alone; with the reader
    /// fixed and no rule changed: threat P .914 R .561, disclaimer .340/.739, confidential .812/.743, private
    /// contact .857/1.0, befriending 1/1, discussion .375/.643, arguing 1/.077, quoting 1/.077, lesson
    /// recording 1/.143, school photo .875/.700, off-duty photo 1/.083. After that run it became development
    /// data for round 3, so its mistakes are shown.
    func testBlindSetB4StaysAboveItsFirstRun() throws {
        try measure(directory: "blind", file: "b4.jsonl", floor: 0.5, categories: Self.conductCategories.union(Self.protocolClauseCategories), floors: [
            "threat": (0.88, 0.53), "missing-disclaimer": (0.32, 0.70), "confidential": (0.78, 0.71),
            "private-contact": (0.80, 0.95), "befriending": (0.95, 0.95), "photo-channel": (0, 0),
            "discussion": (0.35, 0.60), "arguing": (0.8, 0.07), "quoting": (0.9, 0.07), "lesson-recording": (0.9, 0.14),
            "school-photo": (0.85, 0.65), "off-duty-photo": (0.9, 0.08),
        ])
    }

    /// B5 (350 posts, written blind with the same recipes as B4, frozen before round 3) measured once after
    /// it: threat P .963 R .591, disclaimer .655/.633, confidential .913/.808, private contact 1/1,
    /// befriending .833/.625, discussion .471/.615, arguing 1/.167, quoting .909/.769, lesson recording
    /// 1/.667, school photo .933/.583, off-duty photo 1/.583. Mistakes stay unread.
    func testBlindSetB5StaysAboveItsFirstRun() throws {
        try measure(directory: "blind", file: "b5.jsonl", floor: 0.5, categories: Self.conductCategories.union(Self.protocolClauseCategories),
                    revealMistakes: false, floors: [
            "threat": (0.92, 0.56), "missing-disclaimer": (0.62, 0.60), "confidential": (0.88, 0.77),
            "private-contact": (0.95, 0.95), "befriending": (0.80, 0.60), "photo-channel": (0, 0),
            "discussion": (0.44, 0.58), "arguing": (0.9, 0.15), "quoting": (0.88, 0.74), "lesson-recording": (0.9, 0.64),
            "school-photo": (0.9, 0.55), "off-duty-photo": (0.9, 0.55),
        ])
    }

    /// B6 (350 posts, weighted to threats and arguing), frozen before round 4 was measured, measured once:
    /// threat P .881 R .389, disclaimer .265/.643, confidential .765/.722, private contact 1/1, befriending
    /// 1/1, discussion .6/.6, arguing 1/.188, quoting 1/.909, lesson recording .875/.583, school photo
    /// .929/.722, off-duty photo 1/.5. Mistakes stay unread.
    func testBlindSetB6StaysAboveItsFirstRun() throws {
        try measure(directory: "blind", file: "b6.jsonl", floor: 0.5, categories: Self.conductCategories.union(Self.protocolClauseCategories),
                    revealMistakes: false, floors: [
            "threat": (0.84, 0.36), "missing-disclaimer": (0.24, 0.60), "confidential": (0.72, 0.68),
            "private-contact": (0.95, 0.95), "befriending": (0.95, 0.95), "photo-channel": (0, 0),
            "discussion": (0.55, 0.55), "arguing": (0.9, 0.17), "quoting": (0.95, 0.88), "lesson-recording": (0.82, 0.55),
            "school-photo": (0.88, 0.68), "off-duty-photo": (0.9, 0.45),
        ])
    }

    /// B7 (319 posts, weighted to arguing, threats and missing disclaimers), frozen before round 5 (the
    /// arguing model) was measured, measured once: threat P .949 R .607, disclaimer .515/.515,
    /// confidential .625/.625, discussion .667/.5, arguing .9/.837, quoting 1/1, lesson recording 1/1,
    /// school photo .667/1, off-duty photo 1/.25. Mistakes stay unread.
    func testBlindSetB7StaysAboveItsFirstRun() throws {
        try measure(directory: "blind", file: "b7.jsonl", floor: 0.5, categories: Self.conductCategories.union(Self.protocolClauseCategories),
                    revealMistakes: false, floors: [
            "threat": (0.9, 0.57), "missing-disclaimer": (0.48, 0.48), "confidential": (0.6, 0.6),
            "private-contact": (0.95, 0.95), "befriending": (0.95, 0.95), "photo-channel": (0, 0),
            "discussion": (0.6, 0.45), "arguing": (0.86, 0.8), "quoting": (0.95, 0.95), "lesson-recording": (0.95, 0.95),
            "school-photo": (0.6, 0.95), "off-duty-photo": (0.95, 0.2),
        ])
    }

    /// B8 (308 posts, weighted to threats), frozen before round 6 was measured, measured once: threat
    /// P .951 R .537, disclaimer .4/.667, confidential .833/1, discussion .833/.833, arguing .944/.85,
    /// quoting .833/1, lesson recording .833/1, school photo 1/.778, off-duty photo 1/.5. Mistakes stay unread.
    func testBlindSetB8StaysAboveItsFirstRun() throws {
        try measure(directory: "blind", file: "b8.jsonl", floor: 0.5, categories: Self.conductCategories.union(Self.protocolClauseCategories),
                    revealMistakes: false, floors: [
            "threat": (0.92, 0.5), "missing-disclaimer": (0.37, 0.62), "confidential": (0.8, 0.95),
            "private-contact": (0.95, 0.95), "befriending": (0.8, 0.95), "photo-channel": (0, 0),
            "discussion": (0.8, 0.8), "arguing": (0.9, 0.8), "quoting": (0.8, 0.95), "lesson-recording": (0.8, 0.95),
            "school-photo": (0.95, 0.75), "off-duty-photo": (0.95, 0.45),
        ])
    }

    private func measure(directory name: String, file: String? = nil, floor: Double, categories: Set<String>? = nil,
                         revealMistakes: Bool = true, floors: [String: (precision: Double, recall: Double)] = [:]) throws {
        var tallies: [String: Tally] = [:]
        var mistakes: [String] = []
        let posts = try Self.loadPosts(from: name, file: file)
        let scored = Set(RuleRegistry.all.map(\.description.category.rawValue)).intersection(categories ?? Self.allCategories)
        for post in posts {
            let found = Self.flagged(post.text, post.metadata)
            assertSameBehindMultibyteText(post, found)
            let expected = post.labels.filter { scored.contains($0.category) }
            var used = Set<Int>()
            for label in expected {
                let span = label.span == Self.wholePost ? OffsetRange(start: 0, end: post.text.unicodeScalars.count) : label.span
                let hit = found.indices.first { index in
                    !used.contains(index) && found[index].category.rawValue == label.category && (label.rule == nil || found[index].rule == label.rule)
                        && (found[index].span == span || Self.clauseCategories.contains(label.category) && found[index].span.overlaps(span))
                }
                if let hit {
                    used.insert(hit)
                    tallies[label.category, default: Tally()].truePositives += 1
                } else {
                    tallies[label.category, default: Tally()].falseNegatives += 1
                    mistakes.append("\(post.id): missed \(label.rule ?? label.category) '\(Self.text(post.text, span))'")
                }
            }
            for (index, finding) in found.enumerated() where !used.contains(index) && scored.contains(finding.category.rawValue) {
                // A second finding inside a clause label already found is no new mistake.
                if Self.clauseCategories.contains(finding.category.rawValue),
                   expected.contains(where: { label in
                       let span = label.span == Self.wholePost ? OffsetRange(start: 0, end: post.text.unicodeScalars.count) : label.span
                       return label.category == finding.category.rawValue && span.overlaps(finding.span)
                   }) { continue }
                tallies[finding.category.rawValue, default: Tally()].falsePositives += 1
                mistakes.append("\(post.id): unexpected \(finding.rule) '\(finding.match)'")
            }
        }
        print("fixture posts in \(name): \(posts.count)")
        print("| category | precision | recall | TP | FP | FN |\n|---|---:|---:|---:|---:|---:|")
        for (category, tally) in tallies.sorted(by: { $0.key < $1.key }) {
            print(String(format: "| %@ | %.3f | %.3f | %d | %d | %d |", category, tally.precision, tally.recall, tally.truePositives, tally.falsePositives, tally.falseNegatives))
            let (precisionFloor, recallFloor) = floors[category] ?? (floor, floor)
            let shown = revealMistakes ? "; mistakes:\n" + mistakes.joined(separator: "\n") : " (a blind set: mistakes stay unread)"
            XCTAssertGreaterThanOrEqual(tally.precision, precisionFloor, "\(name) \(category) precision" + shown)
            XCTAssertGreaterThanOrEqual(tally.recall, recallFloor, "\(name) \(category) recall" + shown)
        }
        if revealMistakes, !mistakes.isEmpty { print("fixture mistakes:\n" + mistakes.joined(separator: "\n")) }
    }

    private static let allCategories: Set<String> = Set(RuleRegistry.all.map(\.description.category.rawValue))
    private static let wholePostRules = Set(RuleRegistry.all.filter(\.description.judgesWholePost).map(\.description.id))

    /// The findings of severity warning or error.
    private static func flagged(_ text: String, _ metadata: RecordMetadata) -> [Finding] {
        TestSupport.findings(text, metadata: metadata).filter { $0.severity >= .warning }
    }

    /// The same post behind emoji, ĳ and a combining accent gives the same findings at shifted offsets
    /// (a post-level finding grows to span the prefix too).
    private func assertSameBehindMultibyteText(_ post: Post, _ found: [Finding]) {
        let prefix = "👩‍👩‍👧‍👦 ĳs e\u{0301}.\n"
        let shift = prefix.unicodeScalars.count, whole = post.text.unicodeScalars.count
        let shifted = Self.flagged(prefix + post.text, post.metadata).filter { !Self.wholePostRules.contains($0.rule) }.map { finding -> String in
            let span = finding.span == OffsetRange(start: 0, end: whole + shift) ? OffsetRange(start: 0, end: whole)
                : OffsetRange(start: finding.span.start - shift, end: finding.span.end - shift)
            return "\(finding.rule) \(span.start)..<\(span.end)"
        }
        XCTAssertEqual(shifted.sorted(), found.filter { !Self.wholePostRules.contains($0.rule) }.map { "\($0.rule) \($0.span.start)..<\($0.span.end)" }.sorted(), "findings move with multibyte text in \(post.id)")
    }

    private static func text(_ text: String, _ span: OffsetRange) -> String {
        let scalars = Array(text.unicodeScalars)
        return String(String.UnicodeScalarView(scalars[min(span.start, scalars.count)..<min(span.end, scalars.count)]))
    }

    struct Label { var category: String; var rule: String?; var span: OffsetRange }
    struct Post { var id: String; var text: String; var metadata: RecordMetadata; var labels: [Label] }

    static func loadPosts(from name: String = "posts", file: String? = nil) throws -> [Post] {
        let directory = TestSupport.fixtures.appendingPathComponent(name)
        var posts: [Post] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() where name.hasSuffix(".jsonl") && (file == nil || name == file) {
            let contents = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
            for line in contents.split(separator: "\n") where !line.isEmpty {
                let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
                let record = try JSONLRecordDecoder.decode(Array(line.utf8), fallbackID: name).get()
                let text = try XCTUnwrap(object["text"] as? String)
                var labels: [Label] = []
                for expectation in object["expect"] as? [[String: Any]] ?? [] {
                    let match = try XCTUnwrap(expectation["match"] as? String)
                    let category = try XCTUnwrap(expectation["category"] as? String)
                    let rule = expectation["rule"] as? String
                    if match == "*" {
                        labels.append(Label(category: category, rule: rule, span: wholePost))
                        continue
                    }
                    let occurrence = expectation["occurrence"] as? Int ?? 1
                    let span = try XCTUnwrap(scalarRange(of: match, in: text, occurrence: occurrence), "\(record.id): '\(match)' not in text")
                    labels.append(Label(category: category, rule: rule, span: span))
                }
                posts.append(Post(id: record.id, text: text, metadata: record.metadata, labels: labels))
            }
        }
        return posts
    }

    /// Stands for a post-level label until the text is known.
    static let wholePost = OffsetRange(start: -1, end: -1)

    static func scalarRange(of needle: String, in text: String, occurrence: Int) -> OffsetRange? {
        let haystack = Array(text.unicodeScalars), pattern = Array(needle.unicodeScalars)
        guard !pattern.isEmpty, pattern.count <= haystack.count else { return nil }
        var seen = 0
        for start in 0...(haystack.count - pattern.count) where Array(haystack[start..<(start + pattern.count)]) == pattern {
            seen += 1
            if seen == occurrence { return OffsetRange(start: start, end: start + pattern.count) }
        }
        return nil
    }
}

extension OffsetRange {
    func overlaps(_ other: OffsetRange) -> Bool { start < other.end && other.start < end }
}
