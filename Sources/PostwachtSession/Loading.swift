import Foundation
import PostwachtCore

/// The configuration file: found or named, parsed, with the fingerprint key it names read.
enum ConfigurationLoading {
    static func load(_ settings: SessionSettings, warn: (LocalizedText) -> Void) throws(SessionError) -> Configuration {
        let url = settings.configFile.map { URL(fileURLWithPath: $0) }
            ?? Configuration.find(from: URL(fileURLWithPath: settings.workingDirectory))
        do {
            guard let url else { return try withFingerprintKey(Configuration(), settings: settings, relativeTo: nil) }
            guard let text = String(data: try Data(contentsOf: url), encoding: .utf8) else {
                throw Configuration.Problem(description: "\(url.path): not valid UTF-8")
            }
            let (configuration, warnings) = try Configuration.parse(text, source: url.path)
            for warning in warnings { warn(.english(warning)) }
            return try withFingerprintKey(configuration, settings: settings, relativeTo: url.deletingLastPathComponent())
        } catch let problem as Configuration.Problem {
            throw SessionError(.configuration, .english(problem.description))
        } catch {
            throw SessionError(.configuration, LocalizedText(
                nl: "\(url?.path ?? "configuratie"): de configuratie is niet te lezen (\(error.localizedDescription))",
                en: "\(url?.path ?? "configuration"): cannot read the configuration (\(error.localizedDescription))"))
        }
    }

    /// The key from the flag, else from the setting (a path relative to the configuration file).
    private static func withFingerprintKey(_ configuration: Configuration, settings: SessionSettings, relativeTo directory: URL?) throws -> Configuration {
        let path = settings.fingerprintKeyFile ?? configuration.fingerprintKeyFile.map { setting in
            setting.hasPrefix("/") || directory == nil ? setting : directory!.appendingPathComponent(setting).path
        }
        guard let path else { return configuration }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Configuration.Problem(description: "\(path): cannot read the fingerprint key file")
        }
        guard let key = FingerprintKey(secret: [UInt8](data)) else {
            throw Configuration.Problem(description: "\(path): a fingerprint key needs at least \(FingerprintKey.minimumSecretBytes) bytes (make one with: openssl rand -hex 32)")
        }
        var keyed = configuration
        keyed.fingerprintKey = key
        return keyed
    }
}

/// The lexicons and policy packs, with the configuration's added terms and the schools' own packs.
enum ResourceLoading {
    static func load(_ settings: SessionSettings, configuration: Configuration, warn: (LocalizedText) -> Void) throws(SessionError) -> LinterResources {
        let resources: LinterResources
        do {
            let directory = try LinterResources.locateLexicons(explicit: settings.lexiconDirectory, executablePath: settings.executablePath)
            let base = configuration.source.map { URL(fileURLWithPath: $0).deletingLastPathComponent() }
            func resolved(_ setting: String) -> URL {
                setting.hasPrefix("/") || base == nil ? URL(fileURLWithPath: setting) : base!.appendingPathComponent(setting)
            }
            let schoolPacks = try PolicyBook.schoolPacks(
                files: settings.policyFiles.map { URL(fileURLWithPath: $0) } + configuration.policyFiles.map(resolved),
                directories: settings.policyDirectories.map { URL(fileURLWithPath: $0) } + configuration.policyDirectories.map(resolved),
                language: settings.language)
            resources = try LinterResources.load(from: directory, additions: configuration.additions, schoolPacks: schoolPacks)
        } catch let problems as PolicyProblems {
            throw SessionError(.resources, problems.problems.map { .english($0.description) })
        } catch let error as LexiconError {
            throw SessionError(.resources, .english(error.description))
        } catch {
            // Neither loader throws anything else; a new error type must still stop the run, not crash it.
            throw SessionError(.resources, .english("\(error)"))
        }
        for (setting, id) in [("policy", settings.policy ?? configuration.policy), ("organisation", settings.organisation ?? configuration.organisation)] {
            try PackChoice.named.check(id, setting: setting, in: resources.policies)
        }
        let unknownRules = Set(configuration.rules.keys).subtracting(RuleRegistry.all.map(\.description.id))
        for rule in unknownRules.sorted() {
            warn(LocalizedText(nl: "\(configuration.source ?? "configuratie"): onbekende regel '\(rule)' (zie postwacht rules)",
                               en: "\(configuration.source ?? "configuration"): unknown rule '\(rule)' (see postwacht rules)"))
        }
        return resources
    }
}

/// How a policy or organisation id must name one of the packs loaded; otherwise the one error naming
/// the ones there are (`SessionError.Kind.unknownPack`).
public enum PackChoice: Sendable {
    /// By id, organisation name or alias, in any case: the CLI's flags and the configuration's settings.
    case named
    /// By id exactly: the service's request fields, whose valid values its OpenAPI document lists.
    case id

    public func check(_ id: String?, setting: String, in policies: PolicyBook) throws(SessionError) {
        guard let id else { return }
        let pack = self == .named ? policies.pack(named: id) : policies.pack(id)
        if pack == nil { throw SessionError.unknownPack(setting: setting, id: id, known: policies.ids) }
    }
}
