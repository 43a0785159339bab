import Foundation
import XCTest
@testable import PostwachtCore

/// The Scunthorpe guard: no word of the OpenTaal list (Debian's wdutch) that is not itself a lexicon term
/// may produce a sureness-2 (error) profanity finding. Innocent collisions belong in profanity-allow.tsv.
final class OpenTaalCollisionTests: XCTestCase {
    func testNoOpenTaalWordOutsideTheLexiconIsASurenessTwoFinding() throws {
        let path = "/usr/share/dict/nederlands"
        guard let words = try? String(contentsOfFile: path, encoding: .utf8) else {
            return XCTFail("\(path) is missing: apt-get install -y wdutch (the README's install command does)")
        }
        let checker = try Linter(resources: TestSupport.resources, rules: RuleRegistry.all.filter { $0.description.category == .profanity }).makeChecker()
        let folder = KeyFolder()
        var collisions: [String] = []
        var checked = 0
        for word in words.split(separator: "\n") {
            checked += 1
            guard case .checked(let result) = checker.lint(Record(id: String(word), text: String(word))) else { continue }
            let sure = result.findings.filter { $0.severity == .error }
            guard !sure.isEmpty, !TestSupport.resources.profanity.contains(key: folder.key(of: String(word))) else { continue }
            // A hyphenated entry whose parts are each lexicon terms (kut-Marokkaan) is not a collision.
            let partsAreTerms = sure.allSatisfy { TestSupport.resources.profanity.contains(key: folder.key(of: $0.match)) }
            if !partsAreTerms { collisions.append("\(word) → \(sure.map { "\($0.rule) '\($0.match)'" }.joined(separator: ", "))") }
        }
        XCTAssertGreaterThan(checked, 400_000)
        XCTAssertEqual(collisions, [], "OpenTaal words flagged as sure profanity; add them to Lexicons/nl/profanity-allow.tsv or profanity.tsv")
    }

    func testNamedScunthorpeWordsStayClean() {
        let innocent = ["KWF Kankerbestrijding", "kankeronderzoek", "pestprotocol", "Hoera", "kleren", "flikkerende", "Mongolië", "homogeen",
                        "kankerpatiënt", "pesten", "klerenkast", "Kuttekoven", "buiktyfus", "vertering", "strontium"]
        for text in innocent {
            XCTAssertEqual(TestSupport.findings(text).map(\.match), [], text)
        }
    }

    func testLexiconsAreRealSizeAndDocumented() throws {
        XCTAssertGreaterThanOrEqual(TestSupport.resources.profanity.entries.count, 300)
        for name in LinterResources.requiredFiles {
            let file = try LinterResources.readFile(TestSupport.lexicons, name)
            let header = file.header.joined(separator: "\n").lowercased()
            for word in ["source", "licence", "date"] {
                XCTAssertTrue(header.contains(word), "\(name) header does not name its \(word)")
            }
        }
        let classes = Set(TestSupport.resources.profanity.entries.map(\.wordClass))
        XCTAssertEqual(classes, Set(ProfanityClass.allCases))
    }
}
