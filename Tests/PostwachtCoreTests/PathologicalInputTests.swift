import Foundation
import XCTest
@testable import PostwachtCore

/// Text built to be slow: long runs of single letters. Behaviour only; the speed is measured outside the tests.
final class PathologicalInputTests: XCTestCase {
    /// A long run of single letters is read in pieces of 41 letters; a spelled-out curse inside a piece
    /// is found with the span of its own letters, not of the run around it. (Spelled with `-` or `.`
    /// among other letters, a curse is not found, before this test as now: a-k-a-n-k-e-r is one
    /// cluster, a.k.a.n.k.e.r one word.)
    func testSpelledOutCurseInsideALongRunOfSingleLetters() {
        let before = String(repeating: "a ", count: 41 * 100 + 10)
        let text = before + "k a n k e r " + String(repeating: "b ", count: 5000)
        let curses = TestSupport.findings(text).filter { $0.rule == "profanity.curse" }
        let start = before.unicodeScalars.count
        XCTAssertEqual(curses.map(\.span), [OffsetRange(start: start, end: start + 11)])
        XCTAssertEqual(curses.map(\.normalized), ["kanker"])
        XCTAssertEqual(curses.map(\.match), ["k a n k e r"])
        XCTAssertEqual(TestSupport.findings(String(repeating: "a ", count: 20000)), [])
    }

    /// Many short spelled-out curses in one post are each found with their own span.
    func testRepeatedSpelledOutCursesAreEachFound() {
        let text = String(repeating: "k a n k e r, ", count: 500) + String(repeating: "x y ", count: 2000)
        let curses = TestSupport.findings(text).filter { $0.rule == "profanity.curse" }
        XCTAssertEqual(curses.count, 500)
        XCTAssertEqual(curses.first?.span, OffsetRange(start: 0, end: 11))
        XCTAssertEqual(curses.last?.span, OffsetRange(start: 499 * 13, end: 499 * 13 + 11))
        XCTAssertEqual(Set(curses.map(\.normalized)), ["kanker"])
    }
}
