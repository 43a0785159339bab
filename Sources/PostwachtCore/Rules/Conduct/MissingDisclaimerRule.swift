/// A staff member's personal post about their school without saying it is a personal view.
public struct MissingDisclaimerRule: Rule {
    public init() {}

    public func detect(in context: RuleContext) -> [Detection] {
        guard context.authorRole == .staff else { return [] }
        let voice = context.voice
        guard voice.mentionsSchool, voice.hasPersonalVoice, !voice.hasDisclaimer else { return [] }
        return [Detection(range: 0..<context.document.bytes.count, normalized: "", detail: Self.detail,
                          suggestion: suggestion(for: context.policyPack))]
    }

    private static let detail = LocalizedText(nl: "auteur: medewerker", en: "author: staff")

    /// The school's own disclaimer sentence when the post's school is known.
    private func suggestion(for pack: PolicyPack?) -> LocalizedText? {
        guard let pack else { return nil }
        return LocalizedText(nl: "Voeg toe: \"\(pack.disclaimer.nl)\"", en: "Add: \"\(pack.disclaimer.en)\"")
    }

    public var description: RuleDescription { Self.about }

    private static let about = RuleDescription(
        id: "conduct.missing-disclaimer",
        name: LocalizedText(nl: "Disclaimer ontbreekt", en: "Missing disclaimer"),
        category: .missingDisclaimer,
        defaultSeverity: .warning,
        rationale: LocalizedText(
            nl: "Een medewerker die in eigen naam over de school, leerlingen, collega's of het onderwijs schrijft, moet laten weten dat het een persoonlijke mening is (\"op persoonlijke titel\", \"dit is mijn persoonlijke mening\", \"views are my own\"); SVOK vraagt ook te zeggen dat je er werkt, Kits Primair en Montessori dat je niet verantwoordelijk bent voor uitlatingen van derden. Gemeld wordt een bericht van een medewerker (author_role staff) over school, in de ik-vorm of met een mening, zonder zo'n zin. Berichten van het schoolaccount, ouders en leerlingen nooit. De suggestie is de disclaimer uit het protocol van de school.",
            en: "A staff member writing in their own name about the school, pupils, colleagues or education must say it is a personal view (\"op persoonlijke titel\", \"dit is mijn persoonlijke mening\", \"views are my own\"); SVOK also asks to say you work there, Kits Primair and Montessori that you are not responsible for third-party remarks. Reported: a staff post (author_role staff) about school, in the first person or giving an opinion, without such a sentence. Posts by the school account, parents and pupils never. The suggestion is the disclaimer from the school's protocol."
        ),
        message: LocalizedText(nl: "persoonlijk bericht over school zonder disclaimer ({detail})", en: "personal post about school without a disclaimer ({detail})"),
        suggestion: LocalizedText(
            nl: "Voeg toe: \"Ik werk bij [school] en deel dit bericht op persoonlijke titel.\"",
            en: "Add: \"I work at [school] and share this post in a personal capacity.\""
        ),
        triggeringExamples: [
            RuleExample("⟦Ik vind het echt schandalig hoe weinig tijd we krijgen voor onze leerlingen.⟧", metadata: RecordMetadata(authorRole: .staff)),
            RuleExample("⟦Vanochtend met mijn groep 3 naar de bibliotheek, wat een feest!⟧", metadata: RecordMetadata(authorRole: .staff, organisation: "svok")),
            RuleExample("⟦Weer een toetsweek met de helft van de klas ziek 😩⟧", metadata: RecordMetadata(authorRole: .staff)),
        ],
        nonTriggeringExamples: [
            RuleExample("Ik vind het schandalig hoe weinig tijd we krijgen voor onze leerlingen. Dit is mijn persoonlijke mening.", metadata: RecordMetadata(authorRole: .staff)),
            RuleExample("Ik ben docent Wiskunde bij school x en deel dit bericht op persoonlijke titel: de werkdruk op school is te hoog.", metadata: RecordMetadata(authorRole: .staff)),
            RuleExample("Ik vind het schandalig hoe weinig tijd de leerlingen krijgen.", metadata: RecordMetadata(authorRole: .parent)),
            RuleExample("Morgen is de school gesloten vanwege een studiedag.", metadata: RecordMetadata(authorRole: .school)),
            RuleExample("Wat een mooie zonsondergang vanavond op het strand, ik geniet!", metadata: RecordMetadata(authorRole: .staff)),
            RuleExample("Morgen geen gym, de gymzaal is dicht 👍", metadata: RecordMetadata(authorRole: .staff)),
            RuleExample("Weer een toetsweek met de helft van de klas ziek 😩", metadata: RecordMetadata(authorRole: .school)),
        ],
        judgesWholePost: true
    )
}
