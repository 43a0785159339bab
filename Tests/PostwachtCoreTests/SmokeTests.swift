import XCTest
@testable import PostwachtCore
final class SmokeTests: XCTestCase { func testICU() { XCTAssertTrue(ICUProbe.version.hasPrefix("7")) } }
