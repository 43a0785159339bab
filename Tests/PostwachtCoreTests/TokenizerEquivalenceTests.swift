import Foundation
import XCTest
@testable import PostwachtCore

/// The byte-level fast path is only allowed because it yields exactly ICU's segments: this proves it on
/// several megabytes of real and adversarial text, boundaries and rule statuses alike.
final class TokenizerEquivalenceTests: XCTestCase {
    func testFastPathMatchesICUOnTrickyStrings() throws {
        let samples = [
            "a@b k@nker @x a:b 1:2 a_b _ __x k_u_t a.b 1.a a.1 3,5 a,b z'n 'a a' 1'2 k4nker 4a a4 12ab a'4",
            "k$u$t a;b 1;2 x!y a\"b a\tb a  b a\nb x.y.z. 1.5.6 a.b.1 06-12345678 (010) 123 45 67 +31 6 1234 5678",
            "Café-bezoek ’s-Hertogenbosch jan.de.vries@voorbeeld.nl #hashtag https://school.nl/a?b=c euro's z’n",
            "\r\n\r\r\n\n \t \u{00A0}x \u{3000} y \u{0301}a e\u{0301} \u{200D}\u{1F600} 🇳🇱🇧🇪 👩‍👩‍👧‍👦 ĳs 漢字 カタカナ",
            "k a n k e r t.y.f.u.s k-u-t kuuuuut ＫＡＮＫＥＲ kаnker \u{0000}nul\u{0000} \u{0007}bel \u{000B}vt \u{000C}ff \u{007F}del",
            "a.\u{00E9} 1.\u{0661} x\u{00AD}y a'\u{0301}b 3,\u{0301}5 a\u{2019}b ..a.. ''a'' ,,1,,2",
            "", " ", "a", ".", "1", "é", "\u{0301}", "  \u{0301}", "x  \u{0301}", "a \u{3000} b",
            "😀 a😀b 😀😀 📸! 🎉. 👍🏽 👩‍👩‍👧 ❤️ ☀️ 🇳🇱 😀\u{FE0F} 😀\u{200D}😀 1😀2 é😀 😀é 🏻 🀄 🃏x",
            "a.é é.a é'a café's naïef Ærø ß ŀl ǆ ǅ ÷ × ĳs1 é1 1é é.1 1.é é,1 ë;ë ø\u{0301} é\u{00AD}x ʼn ΑΒΓ αβ.γ Ωμέγα שלום ١٢ ǉ·ǉ",
        ]
        for sample in samples { try assertEquivalent(sample) }
    }

    func testFastPathMatchesICUOnGeneratedText() throws {
        var generator = SplitMix(seed: 2026)
        let pieces = ["a", "b", "K", "z", "e", "0", "7", "42", ".", ",", ";", ":", "'", "-", "_", "@", "!", "?", "(", ")",
                      "/", "\"", "#", "$", "%", "&", "*", "+", "=", "<", ">", "[", "]", "{", "}", "|", "~", "^", "`", "\\",
                      " ", "  ", "\t", "\n", "\r\n", "\r", "é", "ĳ", "€", "’", "\u{0301}", "\u{200D}", "\u{00A0}", "\u{3000}",
                      "😀", "🇳", "🇱", "а", "字", "\u{0000}", "\u{FEFF}", "school", "kanker", "3,5", "12.000", "z'n"]
        for _ in 0..<400 {
            var text = ""
            for _ in 0..<Int.random(in: 1...400, using: &generator) { text += pieces.randomElement(using: &generator)! }
            try assertEquivalent(text)
        }
    }

    func testFastPathMatchesICUOnRealDutchText() throws {
        var corpus: [String] = []
        let protocols = TestSupport.fixtures.appendingPathComponent("protocols")
        for name in try FileManager.default.contentsOfDirectory(atPath: protocols.path) {
            corpus.append(try String(contentsOf: protocols.appendingPathComponent(name), encoding: .utf8))
        }
        let posts = TestSupport.fixtures.appendingPathComponent("posts")
        for name in (try? FileManager.default.contentsOfDirectory(atPath: posts.path)) ?? [] {
            corpus.append(try String(contentsOf: posts.appendingPathComponent(name), encoding: .utf8))
        }
        if let words = try? String(contentsOfFile: "/usr/share/dict/nederlands", encoding: .utf8) {
            corpus.append(words)
            corpus.append(words.replacingOccurrences(of: "\n", with: " "))
        }
        var total = 0
        for text in corpus {
            try assertEquivalent(text)
            total += text.utf8.count
        }
        XCTAssertGreaterThan(total, 1_000_000, "the equivalence corpus should be large (is wdutch installed?)")
    }

    private func assertEquivalent(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let fast = try Tokenizer()
        let icu = try Tokenizer()
        icu.usesFastPath = false
        let bytes = Array(text.utf8)
        let (fastSegments, icuSegments) = try bytes.withUnsafeBufferPointer { buffer in
            (try fast.segments(of: buffer), try icu.segments(of: buffer))
        }
        guard fastSegments.count == icuSegments.count
                && zip(fastSegments, icuSegments).allSatisfy({ $0.end == $1.end && $0.status == $1.status }) else {
            let firstDifference = Array(zip(fastSegments, icuSegments)).firstIndex { $0.end != $1.end || $0.status != $1.status } ?? min(fastSegments.count, icuSegments.count)
            let at = firstDifference < icuSegments.count ? icuSegments[firstDifference].end : bytes.count
            let context = String(decoding: bytes[max(0, at - 30)..<min(bytes.count, at + 30)], as: UTF8.self)
            XCTFail("fast path differs from ICU at segment \(firstDifference) near byte \(at): \(context.debugDescription)", file: file, line: line)
            return
        }
        // tokens(of:) has its own one-pass fast path.
        let (fastTokens, icuTokens) = try bytes.withUnsafeBufferPointer { buffer in
            (try fast.tokens(of: buffer), try icu.tokens(of: buffer))
        }
        if fastTokens != icuTokens {
            let firstDifference = Array(zip(fastTokens, icuTokens)).firstIndex { $0 != $1 } ?? min(fastTokens.count, icuTokens.count)
            let at = firstDifference < icuTokens.count ? Int(icuTokens[firstDifference].start) : bytes.count
            let context = String(decoding: bytes[max(0, at - 30)..<min(bytes.count, at + 30)], as: UTF8.self)
            XCTFail("fast tokens differ from ICU at token \(firstDifference) near byte \(at): \(context.debugDescription)", file: file, line: line)
        }
    }
}

/// `WordKeys` keys ASCII and two-byte letters itself, for speed; it must give exactly `KeyFolder`'s keys.
final class WordKeysEquivalenceTests: XCTestCase {
    func testWordKeysAgreeWithKeyFolder() throws {
        var words = ["Café", "ÉÉN", "ĳsbaan", "Ĳzer", "kаnker", "Øresund", "straße", "Łódź", "Ærø", "naïef", "e\u{0301}e\u{0301}n",
                     "ＫＡＮＫＥＲ", "Ωμέγα", "ǅemal", "ſchool", "k4nk€r", "İstanbul", "Iğdır", "Şükrü", "Müller-Lüdenscheidt"]
        if let list = try? String(contentsOfFile: "/usr/share/dict/nederlands", encoding: .utf8) {
            words += list.split(separator: "\n").map(String.init)
        }
        XCTAssertGreaterThan(words.count, 100_000, "the comparison should cover the OpenTaal list (is wdutch installed?)")
        let checker = try TestSupport.linter.makeChecker()
        let folder = KeyFolder(lookalikes: TestSupport.resources.letterLookalikes)
        let keys = WordKeys(folder: KeyFolder(lookalikes: TestSupport.resources.letterLookalikes), tables: TestSupport.resources.keyTables, facets: TestSupport.resources.facets)
        var mismatches: [String] = []
        for chunk in stride(from: 0, to: words.count, by: 5000) {
            let text = words[chunk..<min(chunk + 5000, words.count)].joined(separator: " ")
            let document = try checker.document(for: Record(id: "words", text: text))
            keys.rebuild(for: document)
            for index in document.tokens.indices where document.tokens[index].isWordLike {
                let expected = folder.key(of: document.text(of: document.tokens[index]))
                if !keys.key(index).elementsEqual(expected) {
                    mismatches.append("\(document.text(of: document.tokens[index])): \(keys.keyString(index)) ≠ \(String(decoding: expected, as: UTF8.self))")
                }
            }
        }
        XCTAssertEqual(mismatches.prefix(20), [], "\(mismatches.count) keys differ")
    }
}
