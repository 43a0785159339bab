import Foundation
import Hummingbird
import PostwachtCore
import XCTest
@testable import PostwachtServer

/// The HTTP service end to end over loopback HTTP: same findings as the CLI, clear errors,
/// limits, token, metrics, and the OpenAPI document naming every route.
final class ServerTests: XCTestCase {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let resources: LinterResources = {
        do { return try LinterResources.load(from: repositoryRoot.appendingPathComponent("Lexicons")) } catch { fatalError("\(error)") }
    }()

    private func serve(token: String? = nil, maximumBodyBytes: Int = 1 << 20, maximumPending: Int = 64, maximumConcurrent: Int = 4,
                       beforeCheck: (@Sendable () -> Void)? = nil, _ body: @Sendable (LoopbackClient) async throws -> Void) async throws {
        var settings = ServerSettings()
        settings.token = token
        settings.maximumBodyBytes = maximumBodyBytes
        settings.maximumPendingChecks = maximumPending
        settings.beforeCheck = beforeCheck
        let service = CheckService(resources: Self.resources, options: LintOptions(), maximumConcurrentChecks: maximumConcurrent)
        try await LoopbackServer.run(service: service, settings: settings, body)
    }

    private static func json(_ text: String) -> ByteBuffer { ByteBuffer(string: text) }

    private static func object(_ buffer: ByteBuffer) throws -> [String: Any] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: Data(buffer: buffer)) as? [String: Any])
    }

    func testCheckReturnsTheCLIFindingsWithAVerdict() async throws {
        try await serve() { client in
            try await client.execute(uri: "/v1/check", method: .post, body: Self.json(#"{"text": "😀 Wat een k4nkerschool, bel me op 06-12345678"}"#)) { response in
                XCTAssertEqual(response.status, .ok)
                let body = try Self.object(response.body)
                XCTAssertEqual(body["verdict"] as? String, "block")
                let findings = try XCTUnwrap(body["findings"] as? [[String: Any]])
                XCTAssertEqual(findings.map { $0["rule"] as? String }, ["profanity.curse", "privacy.phone"])
                let utf16 = try XCTUnwrap(findings[0]["utf16"] as? [String: Int])
                XCTAssertEqual(utf16["start"], 11, "UTF-16 offsets count the emoji as two units")
                XCTAssertEqual((findings[0]["span"] as? [String: Int])?["start"], 10)
            }
            try await client.execute(uri: "/v1/check", method: .post, body: Self.json(#"{"text": "Hoera, de sportdag was geweldig!"}"#)) { response in
                XCTAssertEqual(try Self.object(response.body)["verdict"] as? String, "ok")
            }
        }
    }

    func testSegmentsShareTheMetadataAndCarryTheirIds() async throws {
        let request = #"{"segments": [{"id": "b1", "text": "Ik vind de werkdruk op school te hoog. 😀"}, {"id": "b2", "text": "Mail juf.anna@gmail.com"}], "author_role": "staff", "policy": "svok"}"#
        try await serve() { client in
            try await client.execute(uri: "/v1/check", method: .post, body: Self.json(request)) { response in
                let findings = try XCTUnwrap(try Self.object(response.body)["findings"] as? [[String: Any]])
                let pairs = findings.map { "\($0["segment"] as? String ?? "post") \($0["rule"] as? String ?? "-")" }
                XCTAssertEqual(Set(pairs), ["post conduct.missing-disclaimer", "b2 privacy.email", "b2 conduct.private-contact"])
                let email = try XCTUnwrap(findings.first { $0["rule"] as? String == "privacy.email" })
                XCTAssertEqual(email["utf16"] as? [String: Int], ["start": 5, "end": 23], "offsets are relative to the segment")
                XCTAssertEqual(email["line"] as? Int, 1)
                let disclaimer = try XCTUnwrap(findings.first { $0["rule"] as? String == "conduct.missing-disclaimer" })
                XCTAssertEqual(disclaimer["match"] as? String, "", "not the joined text, which the client never sent")
                XCTAssertEqual(disclaimer["utf16"] as? [String: Int], ["start": 0, "end": 0])
            }
            // One segment: the post-level finding is still not given to it.
            let single = #"{"segments": [{"id": "b1", "text": "Ik vind de werkdruk op school te hoog."}], "author_role": "staff"}"#
            try await client.execute(uri: "/v1/check", method: .post, body: Self.json(single)) { response in
                let findings = try XCTUnwrap(try Self.object(response.body)["findings"] as? [[String: Any]])
                XCTAssertEqual(findings.map { $0["rule"] as? String }, ["conduct.missing-disclaimer"])
                XCTAssertNil(findings.first?["segment"])
                XCTAssertEqual(findings.first?["match"] as? String, "")
            }
            // A disclaimer in a later block covers the whole post.
            let covered = #"{"segments": [{"id": "b1", "text": "Ik vind de werkdruk op school te hoog."}, {"id": "b2", "text": "Dit is mijn persoonlijke mening."}], "author_role": "staff"}"#
            try await client.execute(uri: "/v1/check", method: .post, body: Self.json(covered)) { response in
                XCTAssertEqual(try Self.object(response.body)["verdict"] as? String, "ok")
            }
        }
    }

    func testBadRequestsGetClearErrors() async throws {
        try await serve(maximumBodyBytes: 64) { client in
            let cases: [(String, HTTPResponse.Status, String)] = [
                ("{not json", .badRequest, "request.invalid-json"),
                (#"{"author_role": "staff"}"#, .badRequest, "request.missing-text"),
                (#"{"text": "x", "policy": "nope"}"#, .badRequest, "request.invalid-field"),
                (#"{"text": "x", "author_role": "teacher"}"#, .badRequest, "request.invalid-field"),
                (#"{"text": 5}"#, .badRequest, "request.invalid-json"),
                (#"{"text": "\#(String(repeating: "a", count: 100))"}"#, .contentTooLarge, "request.too-large"),
            ]
            for (body, status, code) in cases {
                try await client.execute(uri: "/v1/check", method: .post, body: Self.json(body)) { response in
                    XCTAssertEqual(response.status, status, body)
                    let error = try XCTUnwrap(try Self.object(response.body)["error"] as? [String: Any])
                    XCTAssertEqual(error["code"] as? String, code, body)
                }
            }
        }
    }

    func testAWrongValueNamesTheFieldAndItsValues() async throws {
        let packs = Self.resources.policies.ids
        let cases: [(body: String, field: String, allowed: [String]?)] = [
            (#"{"text": "x", "author_role": "teacher"}"#, "author_role", ["staff", "parent", "pupil", "school"]),
            (#"{"text": "x", "lang": "de"}"#, "lang", ["nl", "en"]),
            (#"{"text": "x", "policy": "sint-jozef"}"#, "policy", packs),
            (#"{"text": "x", "org": "sint-jozef"}"#, "org", packs),
            (#"{"text": "x", "channel": "myspace"}"#, "channel", Self.resources.conduct.channels),
            (#"{"text": "x", "attachments": [{"type": "image"}, {"type": "hologram"}]}"#, "attachments.1.type", ["image", "video", "audio", "file"]),
            (#"{"text": "x", "lang": null}"#, "lang", nil),
            (#"{"text": "x", "policy": null}"#, "policy", nil),
            (#"{"text": "x", "attachments": [{"type": "image", "name": null}]}"#, "attachments.0.name", nil),
        ]
        try await serve() { client in
            for (body, field, allowed) in cases {
                try await client.execute(uri: "/v1/check", method: .post, body: Self.json(body)) { response in
                    XCTAssertEqual(response.status, .badRequest, body)
                    let error = try XCTUnwrap(try Self.object(response.body)["error"] as? [String: Any], body)
                    XCTAssertEqual(error["code"] as? String, "request.invalid-field", body)
                    XCTAssertEqual(error["field"] as? String, field, body)
                    XCTAssertEqual(error["allowed"] as? [String], allowed, body)
                    XCTAssertTrue((error["message"] as? String ?? "").hasPrefix(field), "the message starts with the field: \(error)")
                }
            }
            try await client.execute(uri: "/v1/rules?policy=sint-jozef", method: .get) { response in
                XCTAssertEqual(response.status, .badRequest)
                XCTAssertEqual((try Self.object(response.body)["error"] as? [String: Any])?["field"] as? String, "policy")
            }
            // The valid values are taken, also in the same request.
            let valid = #"{"text": "x", "author_role": "school", "lang": "en", "policy": "regenboog", "org": "regenboog", "channel": "website", "attachments": [{"type": "video"}, "foto"]}"#
            try await client.execute(uri: "/v1/check", method: .post, body: Self.json(valid)) { response in
                XCTAssertEqual(response.status, .ok)
            }
        }
    }

    func testPoliciesListsThePacksLoaded() async throws {
        try await serve() { client in
            try await client.execute(uri: "/v1/policies", method: .get) { response in
                XCTAssertEqual(response.status, .ok)
                let body = try Self.object(response.body)
                let packs = try XCTUnwrap(body["policies"] as? [[String: String]])
                XCTAssertEqual(packs.compactMap { $0["id"] }, Self.resources.policies.ids)
                XCTAssertEqual(packs.first { $0["id"] == "regenboog" }?["organisation"], "GBS De Regenboog (Cordeo scholengroep)")
                XCTAssertTrue(body["default"] is NSNull, "no --policy: the default is null")
            }
        }
    }

    func testRequestsNoRouteTakesGetJSONErrors() async throws {
        try await serve() { client in
            let cases: [(String, HTTPRequest.Method, HTTPResponse.Status, String, String?)] = [
                ("/nope", .get, .notFound, "request.unknown-route", nil),
                ("/v1/check/extra", .post, .notFound, "request.unknown-route", nil),
                ("/v1/check", .get, .methodNotAllowed, "request.method-not-allowed", "POST"),
                ("/v1/check", .put, .methodNotAllowed, "request.method-not-allowed", "POST"),
                ("/v1/check", .options, .methodNotAllowed, "request.method-not-allowed", "POST"),
                ("/healthz", .delete, .methodNotAllowed, "request.method-not-allowed", "GET, HEAD"),
            ]
            for (path, method, status, code, allow) in cases {
                try await client.execute(uri: path, method: method) { response in
                    XCTAssertEqual(response.status, status, "\(method) \(path)")
                    XCTAssertEqual(response.headers[.contentType], "application/json; charset=utf-8", "\(method) \(path)")
                    XCTAssertEqual(response.headers[.allow], allow, "\(method) \(path)")
                    XCTAssertEqual((try Self.object(response.body)["error"] as? [String: String])?["code"], code, "\(method) \(path)")
                }
            }
            try await client.execute(uri: "/healthz/", method: .get) { response in
                XCTAssertEqual(response.status, .ok, "a trailing slash names the same route")
            }
            try await client.execute(uri: "/healthz", method: .head) { response in
                XCTAssertEqual(response.status, .ok, "HEAD is GET without the body")
                XCTAssertEqual(response.body.readableBytes, 0)
                XCTAssertEqual(response.headers[.contentType], "application/json; charset=utf-8")
            }
        }
    }

    func testTokenGuardsOnlyTheAPI() async throws {
        try await serve(token: "geheim") { client in
            // Missing, another scheme and a wrong token: three different messages, two codes.
            let refusals: [(HTTPFields, String, String, String)] = [
                ([:], "auth.required", "needs a token", #"Bearer realm="postwacht""#),
                ([.authorization: "Basic Z2VoZWlt"], "auth.required", "not with the Basic scheme", #"Bearer realm="postwacht""#),
                ([.authorization: "Bearer"], "auth.required", "needs a token", #"Bearer realm="postwacht""#),
                ([.authorization: "Bearer fout"], "auth.invalid-token", "is not the one", #"Bearer realm="postwacht", error="invalid_token""#),
            ]
            for (headers, code, message, challenge) in refusals {
                try await client.execute(uri: "/v1/check", method: .post, headers: headers, body: Self.json(#"{"text": "x"}"#)) { response in
                    XCTAssertEqual(response.status, .unauthorized, "\(headers)")
                    let error = try XCTUnwrap(try Self.object(response.body)["error"] as? [String: String])
                    XCTAssertEqual(error["code"], code, "\(headers)")
                    XCTAssertTrue(error["message"]?.contains(message) == true, "\(headers): \(error)")
                    XCTAssertEqual(response.headers[.wwwAuthenticate], challenge, "\(headers)")
                }
            }
            // RFC 7235: the scheme name is case-insensitive.
            for scheme in ["Bearer", "bearer", "BEARER"] {
                try await client.execute(uri: "/v1/check", method: .post, headers: [.authorization: "\(scheme) geheim"], body: Self.json(#"{"text": "x"}"#)) { response in
                    XCTAssertEqual(response.status, .ok, scheme)
                }
            }
            try await client.execute(uri: "/healthz", method: .get) { response in XCTAssertEqual(response.status, .ok) }
            // The router takes these for /v1/check, so the guard must too.
            for path in ["//v1/check", "/v1/check/", "/v1//check"] {
                try await client.execute(uri: path, method: .post, body: Self.json(#"{"text": "x"}"#)) { response in
                    XCTAssertEqual(response.status, .unauthorized, path)
                }
            }
        }
    }

    func testRulesMetricsDemoAndOpenAPI() async throws {
        try await serve() { client in
            try await client.execute(uri: "/v1/rules?policy=konot", method: .get) { response in
                let rules = try XCTUnwrap(try Self.object(response.body)["rules"] as? [[String: Any]]).compactMap { $0["id"] as? String }
                XCTAssertTrue(rules.contains("conduct.confidential"))
                XCTAssertFalse(rules.contains("conduct.photo-outside-app"))
            }
            try await client.execute(uri: "/v1/check", method: .post, body: Self.json(#"{"text": "kut"}"#))
            try await client.execute(uri: "/metrics", method: .get) { response in
                let text = String(buffer: response.body)
                XCTAssertTrue(text.contains(#"postwacht_requests_total{route="/v1/check",status="200"} 1"#), text)
                XCTAssertTrue(text.contains(#"postwacht_findings_total{category="profanity"} 1"#), text)
                XCTAssertTrue(text.contains("postwacht_request_duration_seconds_bucket"), text)
            }
            try await client.execute(uri: "/", method: .get) { response in
                XCTAssertEqual(response.headers[.contentType], "text/html; charset=utf-8")
                XCTAssertTrue(String(buffer: response.body).contains("fetch(\"v1/check\""), "the demo page calls the check endpoint")
            }
            try await client.execute(uri: "/", method: .get) { response in
                let page = String(buffer: response.body)
                XCTAssertTrue(page.contains(#"" andere bepaling" : " andere bepalingen""#), "other clauses are counted as clauses")
                XCTAssertTrue(page.contains(#"el("details", "more-clauses")"#), "and open in a <details>")
                XCTAssertFalse(page.contains("protocol(len)"))
            }
            try await client.execute(uri: "/openapi.yaml", method: .get) { response in
                let document = String(buffer: response.body)
                for path in Routes.methods.keys {
                    XCTAssertTrue(document.contains("\n  \(path):\n"), "openapi.yaml lacks \(path)")
                }
                XCTAssertFalse(document.contains("__"), "every placeholder is filled in")
                let packs = "enum: [" + Self.resources.policies.ids.map { "\"\($0)\"" }.joined(separator: ", ") + "]"
                XCTAssertEqual(document.components(separatedBy: packs).count - 1, 3, "policy, org and the rules' policy parameter list the packs")
                XCTAssertTrue(document.contains("enum: [" + Self.resources.conduct.channels.map { "\"\($0)\"" }.joined(separator: ", ") + "]"))
                let lang = try XCTUnwrap(document.range(of: "        lang:\n"))
                XCTAssertFalse(document[lang.upperBound...].prefix(200).contains("nullable"), "lang is not nullable: null is refused")
                for code in ["request.invalid-field", "auth.invalid-token", "request.timeout"] {
                    XCTAssertTrue(document.contains("- \(code)\n"), "the Error schema lists \(code)")
                }
                XCTAssertFalse(document.contains("request.unknown-policy"), "no longer answered")
            }
        }
    }

    func testServiceAgreesWithTheLinter() throws {
        let text = "📸 Onze leerling Sanne de Vries, bel 06-12345678. Ik vind het schandalig op school."
        let service = CheckService(resources: Self.resources, options: LintOptions())
        let request = try JSONDecoder().decode(CheckRequest.self, from: Data(#"{"text": "\#(text)", "author_role": "staff"}"#.utf8))
        let fromService = try service.check(request).findings.map(\.finding)
        guard case .checked(let result) = try Linter(resources: Self.resources).makeChecker()
            .lint(Record(id: "x", text: text, metadata: RecordMetadata(authorRole: .staff))) else { return XCTFail() }
        let renderer = FindingRenderer()
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        XCTAssertEqual(try encoder.encode(fromService), try encoder.encode(result.findings.map { renderer.render($0) }))
    }

    func testAPostWithTooManyFindingsSaysSo() throws {
        let service = CheckService(resources: Self.resources, options: LintOptions())
        let plain = try service.check(try JSONDecoder().decode(CheckRequest.self, from: Data(#"{"text": "wat een kutdag"}"#.utf8)))
        XCTAssertNil(plain.warnings, "no warnings key unless there is something to say")
        let flood = String(repeating: "kut ", count: Checker.maximumFindings + 10)
        let response = try service.check(try JSONDecoder().decode(CheckRequest.self, from: Data(#"{"text": "\#(flood)"}"#.utf8)))
        XCTAssertEqual(response.findings.count, Checker.maximumFindings)
        XCTAssertEqual(response.warnings?.map(\.code), ["findings.truncated"])
        XCTAssertEqual(response.verdict, .block)
    }

    func testOverloadIsAnsweredWith503() async throws {
        try await serve(maximumPending: 0) { client in
            try await client.execute(uri: "/v1/check", method: .post, body: Self.json(#"{"text": "x"}"#)) { response in
                XCTAssertEqual(response.status, .serviceUnavailable)
                XCTAssertEqual((try Self.object(response.body)["error"] as? [String: String])?["code"], "server.busy")
            }
        }
    }

    func testALargePostDoesNotKeepItsChecker() throws {
        let service = CheckService(resources: Self.resources, options: LintOptions(), maximumConcurrentChecks: 2)
        let pool = service.pool(policy: nil)
        _ = try service.check(CheckRequest(text: "Hoera, de sportdag was geweldig!"))
        XCTAssertEqual(pool.idleCount, 1, "a small post's checker is kept for the next one")
        let large = String(repeating: "De sportdag was geweldig. ", count: CheckService.largePostBytes / 20)
        _ = try service.check(CheckRequest(text: large))
        XCTAssertEqual(pool.idleCount, 0, "the checker of a large post is dropped with its buffers")
        _ = try service.check(CheckRequest(text: "Hoera!"))
        XCTAssertEqual(pool.idleCount, 1, "a new checker is made when needed")
    }

    func testBusyPoolShedsLoad() throws {
        let service = CheckService(resources: Self.resources, options: LintOptions(), maximumConcurrentChecks: 0)
        XCTAssertThrowsError(try service.check(try JSONDecoder().decode(CheckRequest.self, from: Data(#"{"text": "x"}"#.utf8)))) { error in
            XCTAssertEqual((error as? ServiceError)?.status, 503)
        }
    }
}
