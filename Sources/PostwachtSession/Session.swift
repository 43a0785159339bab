import Foundation
import PostwachtCore

/// One run's engine, as both front ends get it: the configuration file's settings, the lexicons and
/// policy packs, and the flags over them.
///
/// The session layer is the part of `postwacht check`, `postwacht audit` and `postwacht serve` that is
/// neither a terminal nor HTTP: what to load, what to refuse and in which words, which options a run
/// gets, and when a run has failed. The CLI prints what it says and turns its verdict into an exit
/// status; the server answers with it. It is a target of its own rather than a folder of
/// PostwachtCore because it needs the run's summary and the reporters' contract from
/// PostwachtReporting, and PostwachtCore must stay below the reporters (data flows one way: record →
/// text model → analyses → rules → findings → renderer → reporter).
public struct Session: Sendable {
    public let settings: SessionSettings
    public let configuration: Configuration
    public let resources: LinterResources

    /// Loads the configuration file, the lexicons and the policy packs, and checks that the policy and
    /// organisation chosen name a pack. `warn` hears each warning as it arises (a setting the
    /// configuration does not know, a rule id no rule has), before any error that follows it.
    public static func load(_ settings: SessionSettings, warn: (LocalizedText) -> Void) throws(SessionError) -> Session {
        let configuration = try ConfigurationLoading.load(settings, warn: warn)
        let resources = try ResourceLoading.load(settings, configuration: configuration, warn: warn)
        return Session(settings: settings, configuration: configuration, resources: resources)
    }

    /// The lexicons and packs without a configuration file (`postwacht lexicon`): only the flags count.
    public static func loadResources(_ settings: SessionSettings, warn: (LocalizedText) -> Void) throws(SessionError) -> LinterResources {
        try ResourceLoading.load(settings, configuration: Configuration(), warn: warn)
    }

    /// The policy every post is held to, from the flag over the setting.
    public var policy: String? { settings.policy ?? configuration.policy }
    /// The school of posts that name none, from the flag over the setting.
    public var organisation: String? { settings.organisation ?? configuration.organisation }

    /// Flags over the configuration file over the defaults: the one place the default role, channel,
    /// lesson hours, account posters and fingerprint key of a run are decided.
    public func lintOptions(role: AuthorRole? = nil, consent: ConsentRegister? = nil) -> LintOptions {
        var options = LintOptions(policy: policy, consent: consent,
                                  organisation: organisation, organisationNames: configuration.aliases,
                                  defaultRole: role ?? configuration.role, defaultChannel: settings.channel ?? configuration.channel)
        options.ruleSettings = configuration.rules
        options.fingerprintKey = configuration.fingerprintKey
        options.lessonHours = configuration.lessonHours
        options.accountPosters = configuration.accountPosters
        return options
    }

    /// Without a school (no policy, organisation or setting) nothing can be cited: the notice to give
    /// once, with how to choose one, or nil when a school is set. Machine output then marks each such
    /// record (`policy.none`), so the options change too.
    public func schoolNotice(_ options: inout LintOptions, machineOutput: Bool) -> LocalizedText? {
        guard options.policy == nil, options.organisation == nil else { return nil }
        options.marksRecordsWithoutSchool = machineOutput
        return LocalizedText(
            nl: "geen school ingesteld: een bericht zonder org wordt aan alle regels getoetst en citeert geen schoolprotocol; kies de school met --org, --policy-file of organisation: in postwacht.yaml",
            en: "no school configured: a post without an org is held to every rule and cites no school's protocol; choose the school with --org, --policy-file or organisation: in postwacht.yaml")
    }

    /// How findings are worded: the session's language, masked when asked.
    public func renderer(redact: Bool = false) -> FindingRenderer {
        FindingRenderer(language: settings.language, redact: redact)
    }
}
