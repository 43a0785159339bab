/// Threats and insults aimed at a person, and threats to publish where someone lives.
public struct ThreatRule: Rule {
    public init() {}

    public func detect(in context: RuleContext) -> [Detection] { context.conduct.threats }

    public var description: RuleDescription { Self.about }

    private static let about = RuleDescription(
        id: "conduct.threat",
        name: LocalizedText(nl: "Bedreiging", en: "Threat"),
        category: .threat,
        defaultSeverity: .error,
        rationale: LocalizedText(
            nl: "Bedreigen, kwetsen en zwartmaken overschrijdt de fatsoensnormen van elk protocol (\"Schelden of dreigen doe ik niet\"). Gemeld worden dreigingen (\"ik maak je af\", \"ik weet waar je woont\"), doxxing (\"ik zet je adres online\") en beledigingen gericht aan iemand (\"jij bent een debiel\"); het scheldwoord zelf meldt profanity.insult apart. Uitdrukkingen als \"ik maak je blij met\" of \"ik weet waar je het kunt vinden\" blijven vrij.",
            en: "Threatening, hurting and smearing break every protocol's decency norms (\"Schelden of dreigen doe ik niet\"). Reported: threats (\"ik maak je af\", \"ik weet waar je woont\"), doxxing (\"ik zet je adres online\") and insults aimed at someone (\"jij bent een debiel\"); profanity.insult reports the insult word itself. Idioms such as \"ik maak je blij met\" or \"ik weet waar je het kunt vinden\" stay clean."
        ),
        message: LocalizedText(nl: "'{match}' is een bedreiging of gerichte belediging", en: "'{match}' is a threat or an aimed insult"),
        suggestion: LocalizedText(
            nl: "Plaats dit niet. Ben je boos, bespreek het dan persoonlijk of meld het bij school.",
            en: "Do not post this. If you are angry, talk in person or report it to the school."
        ),
        triggeringExamples: [
            RuleExample("Als je dat nog een keer doet, ⟦ik maak je af⟧."),
            RuleExample("Pas maar op, ⟦ik weet waar je woont⟧."),
            RuleExample("Nog één keer en ⟦ik maak\u{00A0}je\u{00A0}af⟧."),
            RuleExample("⟦Jij bent een debiel⟧, echt waar."),
        ],
        nonTriggeringExamples: [
            RuleExample("Ik maak je blij met een extra pauze!"),
            RuleExample("Ik weet waar je het kunt vinden: in de la."),
            RuleExample("Pas op voor gladheid op het schoolplein."),
        ]
    )
}
