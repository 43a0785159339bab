/// Dates of birth: a date with a birth cue before or after it, or an age said with it.
struct BirthdateRule: Rule {
    init() {}

    func detect(in context: RuleContext) -> [Detection] {
        context.personalData.candidates(.birthdate).map { Detection($0) }
    }

    var description: RuleDescription { Self.about }

    private static let about = RuleDescription(
        id: "privacy.birthdate",
        name: LocalizedText(nl: "Geboortedatum", en: "Date of birth"),
        category: .birthdate,
        defaultSeverity: .warning,
        rationale: LocalizedText(
            nl: "Een geboortedatum is een persoonsgegeven en helpt bij identiteitsfraude. Een datum telt alleen als geboortedatum met een aanwijzing: \"geboren op 3 maart 2015\", \"geb. 03-03-2015\", \"geboortedatum: 14/07/2016\", \"op 12 mei jarig\", \"… 8 jaar geworden\". Een datum van een activiteit (\"de sportdag is op 3 maart\") wordt niet gemeld.",
            en: "A date of birth is personal data and helps identity fraud. A date counts only with a cue: \"geboren op 3 maart 2015\", \"geb. 03-03-2015\", \"geboortedatum: 14/07/2016\", \"op 12 mei jarig\", \"… 8 jaar geworden\". An event date (\"de sportdag is op 3 maart\") is not reported."
        ),
        message: LocalizedText(nl: "'{match}' is een geboortedatum", en: "'{match}' is a date of birth"),
        suggestion: LocalizedText(
            nl: "Feliciteer zonder datum, bijvoorbeeld \"Hoera, onze jarige!\".",
            en: "Congratulate without the date, e.g. \"Hooray for our birthday girl!\"."
        ),
        triggeringExamples: [
            RuleExample("Onze Lotte is geboren op ⟦3 maart 2015⟧ 🎂"),
            RuleExample("Naam: Daan, geb. ⟦03-03-2015⟧"),
            RuleExample("Geboortedatum: ⟦14/07/2016⟧"),
            RuleExample("Hij is op ⟦12 mei⟧ jarig, dan trakteert hij."),
        ],
        nonTriggeringExamples: [
            RuleExample("De sportdag is op 3 maart, neem je gymspullen mee."),
            RuleExample("Inleveren vóór 14/07/2016 graag."),
            RuleExample("Op 12 mei is er geen school."),
        ]
    )
}
