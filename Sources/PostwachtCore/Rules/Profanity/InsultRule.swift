/// Insults: words that call a person names (mongool, debiel, klootzak, idioot).
struct InsultRule: Rule {
    init() {}

    private static let classes: Set<ProfanityClass> = [.insult]

    func detect(in context: RuleContext) -> [Detection] {
        // "eikel", "sukkel" insult only when aimed ("die eikel", "jij sukkel"); "eikels rapen" does not.
        ProfanityDetections.detections(in: context, classes: Self.classes, keepingUnaimed: false)
    }

    var description: RuleDescription { Self.about }

    private static let about = RuleDescription(
        id: "profanity.insult",
        name: LocalizedText(nl: "Scheldwoord", en: "Insult"),
        category: .profanity,
        defaultSeverity: .error,
        rationale: LocalizedText(
            nl: "Scheldwoorden die iemand uitmaken voor iets (mongool, debiel, klootzak, idioot), ook verhuld of in samenstellingen. De protocollen noemen kwetsen, zwartmaken en scheldgedrag als overschrijding van de fatsoensnormen.",
            en: "Words that call someone names (mongool, debiel, klootzak, idioot), also disguised or in compounds. The protocols count hurting, denigrating and name-calling as breaches of decency."
        ),
        message: LocalizedText(nl: "'{match}' is een scheldwoord ({detail})", en: "'{match}' is an insult ({detail})"),
        suggestion: LocalizedText(
            nl: "Spreek met respect over anderen: laat het scheldwoord weg en benoem wat er mis is.",
            en: "Speak about others with respect: drop the insult and say what is wrong."
        ),
        triggeringExamples: [
            RuleExample("Die ⟦mongool⟧ van groep 7 weer"),
            RuleExample("Wat een ⟦debielen⟧ daar op het bestuur"),
            RuleExample("De conciërge is echt een ⟦klootzak⟧"),
            RuleExample("Jij ⟦m0ngool⟧, hou op"),
            RuleExample("Wat een ⟦schoolmongool⟧ ben jij"),
        ],
        nonTriggeringExamples: [
            RuleExample("Deze week leren we over Mongolië en de Mongoolse steppe."),
            RuleExample("Een homogeen mengsel bij scheikunde."),
            RuleExample("Idioom en uitdrukkingen oefenen in groep 6."),
            RuleExample("Wat een debiteurenlijst moet de penningmeester bijhouden."),
        ]
    )
}
