import XCTest
@testable import PostwachtCore

/// The examples in the construction files (Lexicons/nl/constructions/*.tsv): every family has examples that
/// must be found at exactly their marked span and counterexamples that must stay clean.
final class ConstructionExampleTests: XCTestCase {
    func testEveryFamilyHasExamplesAndCounterexamples() {
        for (name, set) in [("threat", TestSupport.resources.threatConstructions), ("disclaimer", TestSupport.resources.disclaimerConstructions),
                            ("befriending", TestSupport.resources.befriendingConstructions), ("arguing", TestSupport.resources.arguingConstructions),
                            ("staff-identification", TestSupport.resources.staffIdentificationConstructions)] {
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

    /// Disclaimer and befriending examples must be matched by a construction of their family, at their span.
    func testDisclaimerAndBefriendingExamplesMatchTheirFamily() throws {
        let checker = TestSupport.checker()
        let sets = [("disclaimer", TestSupport.resources.disclaimerConstructions), ("befriending", TestSupport.resources.befriendingConstructions),
                    ("arguing", TestSupport.resources.arguingConstructions), ("staff-identification", TestSupport.resources.staffIdentificationConstructions)]
        for (name, set) in sets {
            for family in set.families {
                for text in family.examples {
                    let (plain, spans) = RuleExample(text).unmarked
                    let found = try matches(of: family.id, in: plain, set: set, checker: checker)
                    XCTAssertTrue(spans.allSatisfy(found.contains), "\(name) \(family.id): '\(text)' matched \(found), expected \(spans)")
                }
                for text in family.counterexamples {
                    XCTAssertEqual(try matches(of: family.id, in: text, set: set, checker: checker), [], "\(name) \(family.id) counterexample: '\(text)'")
                }
            }
        }
    }

    private func matches(of family: String, in text: String, set: ConstructionSet, checker: Checker) throws -> [OffsetRange] {
        let context = checker.context(for: try checker.document(for: Record(id: "test", text: text)))
        var positions = TextPositions(context.document.bytes)
        return context.matches(of: set).filter { $0.family == family }.map { positions.location(of: $0.range).scalars }
    }
}
