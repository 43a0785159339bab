/// A staff member's post that gives an opinion about their school or education without saying it is a
/// personal view. Judged on the whole post from weighted evidence (`DisclaimerEvidence`): what it is
/// about, how much it judges, whether it is a practical message or personal news, and whether any
/// paraphrase of a disclaimer stands in it.
struct MissingDisclaimerRule: Rule {
    init() {}

    /// The ways a disclaimer is said (Lexicons/nl/constructions/disclaimer.tsv).
    static let constructionFile = "nl/constructions/disclaimer.tsv"

    func detect(in context: RuleContext) -> [Detection] {
        guard context.authorRole == .staff else { return [] }
        // In a discussion the protocols ask staff to say they work there (Montessori B.2, SVOK III.B.7):
        // a reply that does ("als mentor van deze klas …") answers in that capacity, not as a private
        // opinion needing a disclaimer.
        if context.document.metadata.isInDiscussion, context.writerSaysTheyWorkThere { return [] }
        let evidence = DisclaimerEvidence(context: context, organisationNames: context.organisationNames(context.policyPack?.id))
        guard evidence.isAboutSchool, evidence.disclaimer == nil, context.resources.disclaimerModel.score(evidence) > 0 else { return [] }
        return [Detection(range: 0..<context.document.bytes.count, normalized: "", detail: Self.detail(evidence),
                          suggestion: suggestion(for: context.policyPack))]
    }

    /// "medewerker; over school: 'werkdruk'; mening: 'schandalig', '?'": the evidence the verdict rests on.
    private static func detail(_ evidence: DisclaimerEvidence) -> LocalizedText {
        let about = evidence.cues(.topic).map { "'\($0)'" }.joined(separator: ", ")
        let judging: [DisclaimerEvidence.Feature] = [.opinion, .stance, .sarcasm, .negativeWords, .positiveWords, .judgingNouns, .deontic, .question]
        let opinion = judging.flatMap { evidence.cues($0) }.prefix(4).map { "'\($0)'" }.joined(separator: ", ")
        return LocalizedText(nl: "medewerker; over school: \(about)\(opinion.isEmpty ? "" : "; mening: \(opinion)")",
                             en: "staff; about school: \(about)\(opinion.isEmpty ? "" : "; opinion: \(opinion)")")
    }

    /// The school's own disclaimer sentence when the post's school is known.
    private func suggestion(for pack: PolicyPack?) -> LocalizedText? {
        guard let pack else { return nil }
        return LocalizedText(nl: "Voeg toe: \"\(pack.disclaimer.nl)\"", en: "Add: \"\(pack.disclaimer.en)\"")
    }

    var description: RuleDescription { Self.about }

    private static let about = RuleDescription(
        id: "conduct.missing-disclaimer",
        name: LocalizedText(nl: "Disclaimer ontbreekt", en: "Missing disclaimer"),
        category: .missingDisclaimer,
        defaultSeverity: .warning,
        rationale: LocalizedText(
            nl: "Een medewerker die in eigen naam zijn mening geeft over de school, leerlingen, collega's, ouders of het onderwijs en het onderwijsbeleid (werkdruk, lerarentekort, passend onderwijs, inspectie, ministerie), moet laten weten dat het een persoonlijke mening is; SVOK vraagt ook te zeggen dat je er werkt, Kits Primair en Montessori dat je niet verantwoordelijk bent voor uitlatingen van derden. postwacht weegt het hele bericht: waar het over gaat, hoeveel het oordeelt (oordelende woorden uit het subjectiviteitslexicon van CLiPS, \"hoort niet\", \"zou moeten\", retorische vragen, ironie, \"eerlijk:\"), of het een praktisch bericht of persoonlijk nieuws is (verlof, jubileum, bedankt, een vraag aan collega's), en of er al een disclaimer in staat, ook in eigen woorden (\"eigen mening\", \"ik spreek voor mezelf\", \"views are my own\", \"(privé-account)\", \"niet namens mijn werkgever\"). De melding noemt het bewijs. Berichten van het schoolaccount, ouders en leerlingen nooit. De suggestie is de disclaimer uit het protocol van de school.",
            en: "A staff member giving their own opinion about the school, pupils, colleagues, parents or education and education policy (workload, teacher shortage, inclusive education, inspectorate, ministry) must say it is a personal view; SVOK also asks to say you work there, Kits Primair and Montessori that you are not responsible for third-party remarks. postwacht weighs the whole post: what it is about, how much it judges (judging words from the CLiPS subjectivity lexicon, \"hoort niet\", \"zou moeten\", rhetorical questions, irony, \"eerlijk:\"), whether it is a practical message or personal news (leave, an anniversary, thanks, a request to colleagues), and whether a disclaimer already stands in it, also paraphrased (\"eigen mening\", \"ik spreek voor mezelf\", \"views are my own\", \"(privé-account)\", \"niet namens mijn werkgever\"). The finding names the evidence. Posts by the school account, parents and pupils never. The suggestion is the disclaimer from the school's protocol."
        ),
        message: LocalizedText(nl: "persoonlijke mening over school zonder disclaimer ({detail})", en: "personal opinion about school without a disclaimer ({detail})"),
        suggestion: LocalizedText(
            nl: "Voeg toe: \"Ik werk bij [school] en deel dit bericht op persoonlijke titel.\"",
            en: "Add: \"I work at [school] and share this post in a personal capacity.\""
        ),
        triggeringExamples: [
            RuleExample("⟦Ik vind het echt schandalig hoe weinig tijd we krijgen voor onze leerlingen.⟧", metadata: RecordMetadata(authorRole: .staff)),
            RuleExample("⟦Passend onderwijs in de praktijk: 31 kinderen en geen onderwijsassistent. Wie heeft dit bedacht?⟧", metadata: RecordMetadata(authorRole: .staff, organisation: "svok")),
            RuleExample("⟦Weer een toetsweek met de helft van de klas ziek 😩⟧", metadata: RecordMetadata(authorRole: .staff)),
            RuleExample("⟦Honestly, the inspectorate should visit a real lesson for once instead of checking folders.⟧", metadata: RecordMetadata(authorRole: .staff)),
        ],
        nonTriggeringExamples: [
            RuleExample("Ik vind het schandalig hoe weinig tijd we krijgen voor onze leerlingen. Dit is mijn persoonlijke mening.", metadata: RecordMetadata(authorRole: .staff)),
            RuleExample("Ik ben docent Wiskunde bij school x en deel dit bericht op persoonlijke titel: de werkdruk op school is te hoog.", metadata: RecordMetadata(authorRole: .staff)),
            RuleExample("Eigen mening, niet namens mijn werkgever: de werkdruk in het onderwijs is niet meer te doen.", metadata: RecordMetadata(authorRole: .staff)),
            RuleExample("Ik vind het schandalig hoe weinig tijd de leerlingen krijgen.", metadata: RecordMetadata(authorRole: .parent)),
            RuleExample("Morgen is de school gesloten vanwege een studiedag.", metadata: RecordMetadata(authorRole: .school)),
            RuleExample("Wat een mooie zonsondergang vanavond op het strand, ik geniet!", metadata: RecordMetadata(authorRole: .staff)),
            RuleExample("Morgen geen gym, de gymzaal is dicht 👍", metadata: RecordMetadata(authorRole: .staff)),
            RuleExample("Vandaag mijn laatste werkdag voor het zwangerschapsverlof. Dank aan alle lieve collega's!", metadata: RecordMetadata(authorRole: .staff)),
            RuleExample("Weer een toetsweek met de helft van de klas ziek 😩", metadata: RecordMetadata(authorRole: .school)),
        ],
        judgesWholePost: true
    )
}

extension Checker {
    /// The disclaimer evidence of `record` as `MissingDisclaimerRule` weighs it, and its score (log-odds;
    /// above 0 the rule reports a staff post about school without a disclaimer). For training the weights
    /// (`postwacht lexicon evidence`) and for explaining a verdict.
    package func disclaimerEvidence(of record: Record) throws(RecordError) -> (evidence: DisclaimerEvidence, score: Double) {
        let context = context(for: try document(for: record))
        let evidence = DisclaimerEvidence(context: context, organisationNames: context.organisationNames(context.policyPack?.id))
        return (evidence, context.resources.disclaimerModel.score(evidence))
    }
}
