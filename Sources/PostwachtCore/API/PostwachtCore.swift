/// PostwachtCore checks Dutch school social-media posts against a school's social-media protocol.
///
/// The public API is small; everything else in the module (the tokenizer, word keys, lexicon
/// tables, the grammar, each rule's implementation) is `package` or `internal`. docs/api.md lists
/// the public types in one page.
///
/// The entry points, in the order a user meets them:
///
/// 1. ``LinterResources/load(from:additions:schoolPacks:)`` reads the lexicons and the shipped
///    policy packs once (``LinterResources/locateLexicons(explicit:executablePath:)`` finds the
///    directory the way the `postwacht` command does; ``PolicyBook/schoolPacks(files:directories:language:)``
///    reads a school's own packs).
/// 2. ``Linter`` is the engine: resources, the rules and ``LintOptions`` (the policy pack, the
///    organisation, a ``ConsentRegister``, ``LessonHours``, per-rule settings from a
///    ``Configuration``). It is immutable and `Sendable`.
/// 3. ``Linter/makeChecker()`` makes a ``Checker``: one per thread, it checks a ``Record`` (an id,
///    the text's bytes and ``RecordMetadata``) and returns a ``RecordOutcome``, a ``LintResult``
///    with ``Finding``s and ``RecordWarning``s, or a ``RecordError``.
/// 4. ``FindingRenderer`` words a finding in Dutch or English, optionally masking matched values,
///    and gives the ``RenderedFinding`` the JSON outputs write.
///
/// ``RuleRegistry`` and ``RuleDescription`` describe every rule (for documentation and help
/// screens); ``PolicyBook`` and ``PolicyPack`` are the schools' protocols the findings cite as
/// ``ProtocolClause``s. ``PostwachtVersion`` and ``ICUVersion`` name the versions in use.
///
/// ```swift
/// import Foundation
/// import PostwachtCore
///
/// let resources = try LinterResources.load(from: URL(fileURLWithPath: "Lexicons"))
/// var options = LintOptions()
/// options.policy = "regenboog"   // a policy pack id; nil: chosen per record by its `org`
/// let checker = try Linter(resources: resources, options: options).makeChecker()
///
/// let record = Record(id: "1", text: "Bel me op 06-12345678",
///                     metadata: RecordMetadata(authorRole: .staff))
/// let renderer = FindingRenderer(language: .en, redact: true)
/// switch checker.lint(record) {
/// case .checked(let result):
///     for finding in result.findings {
///         print(finding.line, finding.column, finding.severity, renderer.message(finding))
///     }
///     for warning in result.warnings { print(renderer.message(of: warning)) }
/// case .failed(_, let error):
///     print(error.message)
/// }
/// ```
///
/// (This overview is attached to the extension below, which adds the public way to make a
/// ``Linter``: with every shipped rule.)
extension Linter {
    /// A linter with every rule postwacht ships (those of the chosen policy pack, if any, without
    /// those the options switch off).
    public convenience init(resources: LinterResources, options: LintOptions = LintOptions()) {
        self.init(resources: resources, rules: RuleRegistry.all, options: options)
    }
}

extension RuleRegistry {
    /// Every rule's description, in the order `postwacht rules` lists them.
    public static var allDescriptions: [RuleDescription] { all.map(\.description) }
}
