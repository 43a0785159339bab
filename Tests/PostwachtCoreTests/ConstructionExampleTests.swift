import XCTest
@testable import PostwachtCore

/// The examples in the construction files (Lexicons/nl/constructions/*.tsv): every family has examples that
/// must be found at exactly their marked span and counterexamples that must stay clean.
final class ConstructionExampleTests: XCTestCase {
    func testEveryFamilyHasExamplesAndCounterexamples() {
        for (name, set) in [("threat", TestSupport.resources.threatConstructions), ("disclaimer", TestSupport.resources.disclaimerConstructions)] {
            for family in set.families {
                XCTAssertFalse(family.examples.isEmpty, "\(name) family \(family.id) has no example")
                XCTAssertFalse(family.counterexamples.isEmpty, "\(name) family \(family.id) has no counterexample")
            }
        }
    }

    /// Threat examples go through the whole rule, its judgement included; a pupil wrote them.
    func testThreatExamplesAreFoundAtTheirSpansAndCounterexamplesStayClean() {
        let pupil = RecordMetadata(authorRole: .pupil)
        for family in TestSupport.resources.threatConstructions.families {
            for text in family.examples {
                let example = RuleExample(text)
                let (plain, spans) = example.unmarked
                let found = TestSupport.findings(plain, metadata: pupil).filter { $0.rule == "conduct.threat" }.map(\.span)
                XCTAssertEqual(found, spans, "threat \(family.id): '\(text)'")
            }
            for text in family.counterexamples {
                let found = TestSupport.findings(text, metadata: pupil).filter { $0.rule == "conduct.threat" }.map(\.match)
                XCTAssertEqual(found, [], "threat \(family.id) counterexample: '\(text)'")
            }
        }
    }

    /// Disclaimer examples must be matched by a construction of their family, at their span.
    func testDisclaimerExamplesMatchTheirFamily() throws {
        let checker = TestSupport.checker()
        let set = TestSupport.resources.disclaimerConstructions
        for family in set.families {
            for text in family.examples {
                let (plain, spans) = RuleExample(text).unmarked
                let found = try matches(of: family.id, in: plain, set: set, checker: checker)
                XCTAssertTrue(spans.allSatisfy(found.contains), "disclaimer \(family.id): '\(text)' matched \(found), expected \(spans)")
            }
            for text in family.counterexamples {
                XCTAssertEqual(try matches(of: family.id, in: text, set: set, checker: checker), [], "disclaimer \(family.id) counterexample: '\(text)'")
            }
        }
    }

    private func matches(of family: String, in text: String, set: ConstructionSet, checker: Checker) throws -> [OffsetRange] {
        let context = checker.context(for: try checker.document(for: Record(id: "test", text: text)))
        let book = context.resources.grammar.book
        let barrier = (book.classSet(named: "BARRIER") ?? []).union(book[.comma])
        var spans: [OffsetRange] = []
        for index in context.sentences.indices {
            let units = context.units(ofSentence: index)
            let matcher = ConstructionMatcher(units: units, keys: context.keys, barrier: barrier)
            for construction in set.constructions where construction.family == family {
                guard let match = matcher.firstMatch(of: construction) else { continue }
                let tokens = context.document.tokens
                let range = Int(tokens[units.tokens[match.first]].start)..<Int(tokens[units.tokens[match.last]].end)
                var positions = TextPositions(context.document.bytes)
                let span = positions.location(of: range).scalars
                if !spans.contains(span) { spans.append(span) }
            }
        }
        return spans
    }
}
