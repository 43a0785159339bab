/// A post on the school's own account by someone not authorised to post there (`account_posters:`).
struct AccountPosterRule: Rule {
    init() {}

    func detect(in context: RuleContext) -> [Detection] {
        let posters = context.accountPosters
        guard !posters.isEmpty, context.authorRole == .school, let author = context.document.metadata.author,
              !author.trimmingCharacters(in: .whitespaces).isEmpty else { return [] }
        let folded = PolicyBook.fold(author)
        guard !posters.contains(where: { PolicyBook.fold($0) == folded }) else { return [] }
        // An export that names the account itself as the author ("Konot added a new photo") does not
        // say who posted: nothing to judge.
        if let pack = context.policyPack, pack.names.contains(where: { PolicyBook.fold($0) == folded }) { return [] }
        return [Detection(range: 0..<context.document.bytes.count, normalized: folded,
                          detail: LocalizedText(nl: "geplaatst door '\(author)'", en: "posted by '\(author)'"))]
    }

    var description: RuleDescription { Self.about }

    /// The posters the rule's examples are checked with (`RuleExample` has no configuration).
    static let examplePosters = ["Redactie", "directie.hendriks", "M. de Vries"]

    private static func by(_ author: String?, _ role: AuthorRole = .school) -> RecordMetadata {
        RecordMetadata(authorRole: role, organisation: "konot", channel: "website", author: author)
    }

    private static let about = RuleDescription(
        id: "conduct.account-poster",
        name: LocalizedText(nl: "Niet bevoegd op het schoolaccount", en: "Not authorised on the school account"),
        category: FindingCategory(rawValue: "account"),
        defaultSeverity: .warning,
        rationale: LocalizedText(
            nl: "Konot: \"Berichten onder Konot-account worden uitsluitend geplaatst door: CvB, Directieleden, Stafmedewerkers.\" Met account_posters: in de configuratie (de namen of logins zoals de export auteurs noemt) meldt een audit een bericht van het schoolaccount (author_role school, of --role school) waarvan de auteur (author, WordPress dc:creator, CSV author) daar niet bij staat. Een export die alleen het account zelf als auteur noemt, zegt niet wie plaatste: niets te melden. Zonder account_posters: meldt de regel niets.",
            en: "Konot: \"Posts under the Konot account are placed only by: the board, directors, staff officers.\" With account_posters: in the configuration (the names or logins as the export names authors), an audit reports a post of the school account (author_role school, or --role school) whose author (author, WordPress dc:creator, CSV author) is not among them. An export that names only the account itself as author does not say who posted: nothing to report. Without account_posters: the rule reports nothing."
        ),
        message: LocalizedText(nl: "bericht op het schoolaccount door iemand die daar niet mag plaatsen ({detail})",
                               en: "a post on the school account by someone not authorised to post there ({detail})"),
        suggestion: LocalizedText(
            nl: "Laat berichten op het schoolaccount plaatsen door wie daarvoor is aangewezen (account_posters), of voeg deze persoon daar toe.",
            en: "Have posts on the school account placed by those appointed to it (account_posters), or add this person there."
        ),
        triggeringExamples: [
            RuleExample("⟦Morgen is de school dicht vanwege de studiedag.⟧", metadata: by("stagiair.piet")),
        ],
        nonTriggeringExamples: [
            RuleExample("Morgen is de school dicht vanwege de studiedag.", metadata: by("directie.hendriks")),
            RuleExample("Morgen is de school dicht vanwege de studiedag.", metadata: by("redactie")),
            RuleExample("Morgen is de school dicht vanwege de studiedag.", metadata: by("Konot")),
            RuleExample("Morgen is de school dicht vanwege de studiedag.", metadata: by(nil)),
            RuleExample("Morgen is de school dicht vanwege de studiedag.", metadata: by("stagiair.piet", .staff)),
        ],
        judgesWholePost: true,
        exampleConfiguration: "account_posters: [Redactie, directie.hendriks, M. de Vries]"
    )
}
