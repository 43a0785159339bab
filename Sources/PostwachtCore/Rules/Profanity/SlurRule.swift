/// Slurs: words that demean people for their origin, sexuality, faith or disability.
struct SlurRule: Rule {
    init() {}

    private static let classes: Set<ProfanityClass> = [.slur]

    func detect(in context: RuleContext) -> [Detection] {
        ProfanityDetections.detections(in: context, classes: Self.classes)
    }

    var description: RuleDescription { Self.about }

    private static let about = RuleDescription(
        id: "profanity.slur",
        name: LocalizedText(nl: "Discriminerend scheldwoord", en: "Slur"),
        category: .profanity,
        defaultSeverity: .error,
        rationale: LocalizedText(
            nl: "Woorden die mensen kleineren om afkomst, seksuele geaardheid, geloof of beperking. Naast schuttingtaal kwetst dit een hele groep; de protocollen rekenen kwetsen en zwartmaken tot de ergste overschrijdingen van de fatsoensnormen.",
            en: "Words that demean people for their origin, sexual orientation, faith or disability. Beyond being coarse, they hurt a whole group; the protocols count hurting and denigrating people among the worst breaches of decency."
        ),
        message: LocalizedText(nl: "'{match}' is een discriminerend scheldwoord ({detail})", en: "'{match}' is a slur ({detail})"),
        suggestion: LocalizedText(
            nl: "Verwijder dit woord: het kwetst en discrimineert.",
            en: "Remove this word: it hurts and discriminates."
        ),
        triggeringExamples: [
            RuleExample("Die ⟦flikkers⟧ van 3B weer"),
            RuleExample("Die ⟦homo's⟧ van 3B"),
        ],
        nonTriggeringExamples: [
            RuleExample("De flikkerende lichtjes in de aula."),
            RuleExample("Een homogeen mengsel bij scheikunde."),
        ]
    )
}
