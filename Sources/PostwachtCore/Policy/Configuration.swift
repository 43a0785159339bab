import Foundation
import Yams

/// A school's postwacht configuration (`postwacht.yaml`, see `postwacht init`): policy pack, organisation,
/// defaults for drafts, rule severities, and terms added to or allowed in the lexicons.
public struct Configuration: Sendable, Equatable {
    /// The policy pack every post is checked against (`policy:`); nil: chosen per post by its school.
    public var policy: String?
    /// Policy pack id of posts that do not name their school.
    public var organisation: String?
    /// Names and aliases of the school: a staff post naming them is about school.
    public var aliases: [String] = []
    /// Author role of drafts that do not say (`role:`).
    public var role: AuthorRole?
    /// Channel of drafts that do not say (`channel:`).
    public var channel: String?
    /// Per rule id: switched off or given another severity (`rules:`).
    public var rules: [String: RuleSetting] = [:]
    /// Terms the school adds to, or allows in, the shipped lexicons.
    public var additions = LexiconAdditions()
    /// The school's own policy packs (`policy_file:`, one path or a list) and folders of packs
    /// (`policy_dir:`), relative to the configuration file: see `resolvedPolicyFiles`.
    public var policyFiles: [String] = []
    /// Folders of the school's own policy packs (`policy_dir:`), relative to the configuration file.
    public var policyDirectories: [String] = []
    /// When lessons are given (`lesson_hours:`): staff and pupil posts then are reported (info).
    public var lessonHours: LessonHours?
    /// Who may post on the school's own account (`account_posters:`), as the exports name authors.
    public var accountPosters: [String] = []
    /// File holding the school's secret for fingerprints (`fingerprint_key_file`; relative to the
    /// configuration file), and the key the front end read from it.
    public var fingerprintKeyFile: String?
    /// The key read from `fingerprintKeyFile`, set by the front end that loaded it.
    public var fingerprintKey: FingerprintKey?
    /// Where it was read from, for messages.
    public var source: String?

    /// One rule's entry under `rules:`.
    public struct RuleSetting: Sendable, Equatable {
        /// False switches the rule off.
        public var enabled = true
        /// The severity of a sure detection instead of the policy's or the rule's default.
        public var severity: Severity?
    }

    /// An empty configuration: every default.
    public init() {}

    /// The file names `find(from:)` looks for, in this order.
    public static let fileNames = ["postwacht.yaml", ".postwacht.yaml"]

    /// The first `postwacht.yaml` (or `.postwacht.yaml`) in `directory` or above it.
    public static func find(from directory: URL) -> URL? {
        var current = directory.standardizedFileURL
        while true {
            for name in fileNames {
                let candidate = current.appendingPathComponent(name)
                if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
            }
            let parent = current.deletingLastPathComponent()
            if parent.path == current.path { return nil }
            current = parent
        }
    }

    /// Why a configuration file could not be read, as one message.
    public struct Problem: Error, CustomStringConvertible, Sendable {
        /// The message, naming the file and, where known, the line.
        public var description: String
        /// A problem with this message.
        public init(description: String) { self.description = description }
    }

    /// Parses the YAML; unknown keys do not fail but come back as warnings naming the key.
    public static func parse(_ text: String, source: String) throws(Problem) -> (Configuration, warnings: [String]) {
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch {
            throw Problem(description: "\(source): not valid YAML (\(error))")
        }
        var configuration = Configuration()
        configuration.source = source
        var reader = NodeReader(source: source)
        guard let root else { return (configuration, []) }
        guard let mapping = root.mapping else { throw Problem(description: "\(source): expected a mapping of settings at the top") }
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            if NodeReader.isEmpty(value) { continue } // "rules:" with every entry commented out
            switch key {
            case "policy": configuration.policy = try reader.string(value, at: key)
            case "organisation", "organization": configuration.organisation = try reader.string(value, at: key)
            case "aliases": configuration.aliases = try reader.strings(value, at: key)
            case "role": configuration.role = try reader.choice(value, at: key, AuthorRole.init(rawValue:), AuthorRole.allCases.map(\.rawValue))
            case "channel": configuration.channel = try reader.string(value, at: key)
            case "rules": configuration.rules = try reader.rules(value)
            case "lexicons": configuration.additions = try reader.lexicons(value)
            case "fingerprint_key_file": configuration.fingerprintKeyFile = try reader.string(value, at: key)
            case "policy_file", "policy_files": configuration.policyFiles = try reader.strings(value, at: key)
            case "policy_dir": configuration.policyDirectories = try reader.strings(value, at: key)
            case "lesson_hours": configuration.lessonHours = try reader.lessonHours(value)
            case "account_posters": configuration.accountPosters = try reader.strings(value, at: key)
            default: reader.warnings.append("\(source): unknown setting '\(key)' (ignored)")
            }
        }
        return (configuration, reader.warnings)
    }

    /// A path of a setting, relative to the configuration file it was written in.
    public func resolve(_ path: String) -> String {
        guard !path.hasPrefix("/"), let source else { return path }
        return URL(fileURLWithPath: source).deletingLastPathComponent().appendingPathComponent(path).path
    }
}

/// Terms a school adds to, or allows in, the shipped lexicons.
public struct LexiconAdditions: Sendable, Equatable {
    /// Extra profane terms (`profanity:`).
    public var profanity: [String] = []
    /// Words never to report as profanity (`profanity_allowed:`).
    public var profanityAllowed: [String] = []
    /// Extra confidential terms (`confidential:`).
    public var confidential: [String] = []
    /// Words never to report as confidential (`confidential_allowed:`).
    public var confidentialAllowed: [String] = []
    /// Extra sentences that count as a personal-title disclaimer (`disclaimers:`).
    public var disclaimers: [String] = []

    /// No additions.
    public init() {}

    /// Whether nothing is added or allowed.
    public var isEmpty: Bool { self == LexiconAdditions() }
}

/// Reads YAML nodes into settings, with errors that name the file and the setting.
private struct NodeReader {
    let source: String
    var warnings: [String] = []

    static func isEmpty(_ node: Node) -> Bool {
        guard let scalar = node.scalar else { return false }
        return ["", "~", "null"].contains(scalar.string)
    }

    func string(_ node: Node, at path: String) throws(Configuration.Problem) -> String {
        guard let value = node.scalar?.string else { throw problem(path, "expected a text value") }
        return value
    }

    func strings(_ node: Node, at path: String) throws(Configuration.Problem) -> [String] {
        if let single = node.scalar?.string { return [single] }
        guard let sequence = node.sequence else { throw problem(path, "expected a list of texts") }
        var result: [String] = []
        for item in sequence {
            guard let value = item.scalar?.string else { throw problem(path, "expected a list of texts") }
            result.append(value)
        }
        return result
    }

    func choice<T>(_ node: Node, at path: String, _ make: (String) -> T?, _ allowed: [String]) throws(Configuration.Problem) -> T {
        let value = try string(node, at: path)
        guard let result = make(value) else { throw problem(path, "'\(value)' is not one of \(allowed.joined(separator: ", "))") }
        return result
    }

    mutating func rules(_ node: Node) throws(Configuration.Problem) -> [String: Configuration.RuleSetting] {
        guard let mapping = node.mapping else { throw problem("rules", "expected rule ids with settings") }
        var result: [String: Configuration.RuleSetting] = [:]
        for (idNode, settings) in mapping {
            let id = idNode.string ?? ""
            var setting = Configuration.RuleSetting()
            if let word = settings.scalar?.string {
                // Short form: `privacy.phone: off` or `privacy.phone: error`.
                if ["off", "false", "disabled"].contains(word) { setting.enabled = false } else {
                    setting.severity = try choice(settings, at: "rules.\(id)", Severity.init(rawValue:), Severity.allCases.map(\.rawValue) + ["off"])
                }
            } else if let fields = settings.mapping {
                for (fieldNode, value) in fields {
                    let field = fieldNode.string ?? ""
                    switch field {
                    case "severity": setting.severity = try choice(value, at: "rules.\(id).severity", Severity.init(rawValue:), Severity.allCases.map(\.rawValue))
                    case "enabled": setting.enabled = value.bool ?? true
                    default: warnings.append("\(source): unknown setting 'rules.\(id).\(field)' (ignored)")
                    }
                }
            } else {
                throw problem("rules.\(id)", "expected a severity, off, or {severity, enabled}")
            }
            result[id] = setting
        }
        return result
    }

    func lessonHours(_ node: Node) throws(Configuration.Problem) -> LessonHours {
        guard let mapping = node.mapping else {
            throw problem("lesson_hours", "expected weekdays with lesson periods, e.g. werkdagen: \"08:30-12:00, 12:45-15:15\"")
        }
        var hours = LessonHours(periods: [:])
        // A general key (werkdagen) first, so a day named beside it replaces it whatever the order.
        let entries = mapping.map { (key: $0.key.string ?? "", value: $0.value) }
            .sorted { (LessonHours.weekdays(named: $0.key)?.count ?? 0) > (LessonHours.weekdays(named: $1.key)?.count ?? 0) }
        for (key, value) in entries {
            let path = "lesson_hours.\(key)"
            switch key {
            case "timezone", "tijdzone":
                let name = try string(value, at: path)
                guard let zone = TimeZone(identifier: name) else { throw problem(path, "'\(name)' is not a time zone (e.g. Europe/Amsterdam)") }
                hours.timeZone = zone
            case "vrije_dagen", "days_off", "holidays":
                hours.daysOff = try strings(value, at: path).map { (text) throws(Configuration.Problem) -> ClosedRange<Int> in
                    guard let days = LessonHours.daysOff(text) else { throw problem(path, "'\(text)' is not a date (2025-10-20) or range of dates (2025-10-20..2025-10-24)") }
                    return days
                }
            default:
                guard let days = LessonHours.weekdays(named: key) else {
                    throw problem(path, "not a weekday (maandag … zondag, ma … zo, werkdagen), timezone or vrije_dagen")
                }
                let text = try string(value, at: path)
                let periods: [Range<Int>]
                if ["", "geen", "none", "-"].contains(text.lowercased()) { periods = [] } else {
                    guard let parsed = LessonHours.periods(text) else {
                        throw problem(path, "'\(text)' is not a list of periods such as \"08:30-12:00, 12:45-15:15\"")
                    }
                    periods = parsed
                }
                for day in days { hours.periods[day] = periods }
            }
        }
        guard hours.periods.values.contains(where: { !$0.isEmpty }) else { throw problem("lesson_hours", "gives no lesson period on any day") }
        return hours
    }

    mutating func lexicons(_ node: Node) throws(Configuration.Problem) -> LexiconAdditions {
        guard let mapping = node.mapping else { throw problem("lexicons", "expected lexicon names with add/allow lists") }
        var additions = LexiconAdditions()
        for (nameNode, lists) in mapping {
            let name = nameNode.string ?? ""
            guard let fields = lists.mapping else { throw problem("lexicons.\(name)", "expected add: and allow: lists") }
            for (fieldNode, value) in fields {
                let field = fieldNode.string ?? ""
                let path = "lexicons.\(name).\(field)"
                switch (name, field) {
                case ("profanity", "add"): additions.profanity += try strings(value, at: path)
                case ("profanity", "allow"): additions.profanityAllowed += try strings(value, at: path)
                case ("confidential", "add"): additions.confidential += try strings(value, at: path)
                case ("confidential", "allow"): additions.confidentialAllowed += try strings(value, at: path)
                case ("disclaimers", "add"): additions.disclaimers += try strings(value, at: path)
                default: warnings.append("\(source): unknown setting '\(path)' (ignored; lexicons take profanity, confidential and disclaimers with add/allow)")
                }
            }
        }
        return additions
    }

    private func problem(_ path: String, _ message: String) -> Configuration.Problem {
        Configuration.Problem(description: "\(source): \(path): \(message)")
    }
}
