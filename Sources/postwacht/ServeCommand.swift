import ArgumentParser
import Foundation
import Logging
import PostwachtCore
import PostwachtServer
import PostwachtSession

/// `postwacht serve`: the pre-publish check as an HTTP service for a CMS or school app.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the pre-publish check as an HTTP service (POST /v1/check, GET / for the demo page).",
        discussion: """
        Endpoints: POST /v1/check, GET /v1/rules, GET /healthz, GET /metrics (Prometheus), \
        GET /openapi.yaml, GET / (live demo page). Logs hold method, path, status and time, never post \
        text. Try: curl -d '{"text":"wat een k4nkerschool"}' localhost:8787/v1/check
        """
    )

    @Option(name: .customLong("host"), help: "Address to listen on.")
    var host = "127.0.0.1"

    @Option(name: .customLong("port"), help: "Port to listen on (1-65535, or 0 for a free one, named in the start-up log line).")
    var port = 8787

    @Option(name: .customLong("token-file"), help: ArgumentHelp("File holding a bearer token that /v1/ requests must send.", valueName: "file"))
    var tokenFile: String?

    @Option(name: .customLong("max-body-bytes"), help: "Largest request body accepted (413 beyond).")
    var maximumBodyBytes = 1 << 20

    @Option(name: .customLong("max-pending"), help: "Check requests in progress before new ones get 503 (load shedding).")
    var maximumPending = 64

    @Option(name: .customLong("max-concurrent-checks"), help: "Checks running at once (default: 2 per core); a request finding them all busy waits up to 500 ms, then gets 503.")
    var maximumConcurrentChecks = 2 * ProcessInfo.processInfo.activeProcessorCount

    @Option(name: .customLong("idle-timeout"), help: ArgumentHelp("Seconds a connection may go without sending a complete request head (idle keep-alive, or headers sent slowly) before it is closed; a check body must arrive within the same time.", valueName: "seconds"))
    var idleTimeout = 10

    @Option(name: .customLong("cors-origin"), help: ArgumentHelp("A browser origin (e.g. https://school.example) that may call the API from a web page; repeat for more, '*' for any. Default: none, no CORS headers.", valueName: "origin"))
    var corsOrigins: [String] = []

    @Option(name: .customLong("log-level"), help: "Log level: info (start-up and errors) or debug (also one line per request: method, path, status, time).")
    var logLevel = "info"

    @OptionGroup var engine: EngineOptions

    /// Out-of-range values would otherwise wrap (port 70000 listens on 4464), refuse every request (a
    /// limit of 0) or be ignored (a misspelt log level): refuse them here with a usage error (exit 2).
    private func say(_ dutch: String, _ english: String) -> String { engine.language.say(dutch, english) }

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError(say("--port moet tussen 1 en 65535 liggen (of 0 voor een vrije poort), niet \(port)", "--port must be between 1 and 65535 (or 0 for a free port), not \(port)")) }
        for (flag, value) in [("--max-body-bytes", maximumBodyBytes), ("--max-pending", maximumPending),
                              ("--max-concurrent-checks", maximumConcurrentChecks), ("--idle-timeout", idleTimeout)] where value < 1 {
            throw ValidationError(say("\(flag) moet minstens 1 zijn, niet \(value)", "\(flag) must be at least 1, not \(value)"))
        }
        for origin in corsOrigins where origin != "*" {
            guard let url = URL(string: origin), let scheme = url.scheme, ["http", "https"].contains(scheme), url.host != nil,
                  url.path.isEmpty, url.query == nil else {
                throw ValidationError(say("--cors-origin moet een origin zijn zoals https://school.example (schema, host, eventueel poort, geen pad) of '*', niet '\(origin)'", "--cors-origin must be an origin such as https://school.example (scheme, host, optional port, no path) or '*', not '\(origin)'"))
            }
        }
        guard Logger.Level(rawValue: logLevel) != nil else {
            let levels = Logger.Level.allCases.map(\.rawValue).joined(separator: ", ")
            throw ValidationError(say("--log-level moet een van \(levels) zijn, niet '\(logLevel)'", "--log-level must be one of \(levels), not '\(logLevel)'"))
        }
    }

    func run() async throws {
        let session = try engine.loadSession()
        var settings = ServerSettings()
        settings.host = host
        settings.port = port
        settings.maximumBodyBytes = maximumBodyBytes
        settings.maximumPendingChecks = maximumPending
        settings.idleTimeout = .seconds(idleTimeout)
        settings.bodyTimeout = .seconds(idleTimeout)
        settings.corsOrigins = corsOrigins
        if let tokenFile {
            guard let token = try? String(contentsOfFile: tokenFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines), !token.isEmpty else {
                StandardError.write("postwacht: cannot read a token from \(tokenFile)\n")
                throw ExitStatus.unusable
            }
            settings.token = token
        }
        let service = CheckService(session: session, maximumConcurrentChecks: maximumConcurrentChecks)
        var logger = Logger(label: "postwacht")
        logger.logLevel = Logger.Level(rawValue: logLevel) ?? .info  // checked in validate()
        do {
            try await buildApplication(service: service, settings: settings, logger: logger).runService()
        } catch {
            guard let reason = describeStartupError(error, host: host, port: port) else { throw error }
            StandardError.write("postwacht: \(reason)\n")
            throw ExitStatus.unusable
        }
    }
}
