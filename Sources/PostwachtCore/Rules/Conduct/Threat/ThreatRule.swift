/// Threats, intimidation, death wishes, exclusion, doxxing, and insults and dehumanising statements
/// aimed at a person or a group, found by constructions over word classes rather than by phrases:
/// Dutch puts words between the parts, inverts after a fronted clause and says the same thing a
/// hundred ways ("ik maak je morgen kapot", "dan sla ik je", "die brugklassers moeten allemaal weg").
struct ThreatRule: Rule {
    init() {}

    /// The constructions: data a reader can follow, with examples per family.
    static let constructionFile = "nl/constructions/threat.tsv"

    func detect(in context: RuleContext) -> [Detection] {
        Self.longestFirst(ThreatFinder(context: context).matches()).map { match in
            Detection(range: match.range, sureness: match.family.sureness >= 2 ? .sure : .likely,
                      normalized: context.document.text(of: match.range).lowercased(), detail: match.family.label)
        }
    }

    /// Of overlapping matches the longest, and of equally long ones the first found: constructions are
    /// tried in file order, so a group's construction that covers the same words as a person's wins.
    /// Kept matches mark the bytes they cover, so the work grows with the matches' length, not their
    /// number squared (a post may be megabytes of insults).
    private static func longestFirst(_ found: [ThreatFinder.Found]) -> [ThreatFinder.Found] {
        guard found.count > 1 else { return found }
        let order = found.indices.sorted { (found[$0].range.count, $1) > (found[$1].range.count, $0) }
        let base = found.lazy.map(\.range.lowerBound).min()!
        var covered = [Bool](repeating: false, count: found.lazy.map(\.range.upperBound).max()! - base)
        var kept: [ThreatFinder.Found] = []
        for index in order {
            let bytes = (found[index].range.lowerBound - base)..<(found[index].range.upperBound - base)
            guard !covered[bytes].contains(true) else { continue }
            kept.append(found[index])
            for byte in bytes { covered[byte] = true }
        }
        return kept.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// 2 → error (threats, doxxing, groups), 1 → warning (aimed insults, exclusion), 0 → warning (a weak
    /// construction the post corroborates).
    var description: RuleDescription { Self.about }

    private static let about = RuleDescription(
        id: "conduct.threat",
        name: LocalizedText(nl: "Bedreiging of gerichte belediging", en: "Threat or aimed insult"),
        category: .threat,
        defaultSeverity: .error,
        rationale: LocalizedText(
            nl: "Bedreigen, pesten, kwetsen en zwartmaken overschrijden de fatsoensnormen van elk protocol (\"Schelden of dreigen doe ik niet\", \"Laster, beledigingen\"). Gemeld worden, ook met woorden ertussen, na een voorwaarde of in omgekeerde volgorde: dreigen met geweld (\"ik maak je morgen kapot\", \"dan sla ik je in elkaar\", \"we steken je banden lek\"), intimidatie (\"je kan maar beter uitkijken\", \"dat gaat hij voelen\"), doodswensen en aanzetten tot zelfdoding (\"ga dood\", \"niemand zou je missen\"), uitsluiting (\"niemand wil jou erbij\"), doxxing (\"ik weet waar je woont\"), beledigingen gericht aan iemand (\"jij bent echt een sukkel\", \"die juf is zo lelijk\") en dreiging of ontmenselijking van een groep (\"[groep] moeten allemaal weg\", \"[groep] zijn ratten\"). Niet gemeld: ontkenningen (\"ik ga je niet slaan\"), een dreiging die wordt gemeld of afgekeurd (\"we hebben aangifte gedaan\"), sport en spel (\"we maken ze in bij de quiz\"), uitdrukkingen (\"dood van het lachen\"). Het scheldwoord zelf meldt profanity.insult apart.",
            en: "Threatening, bullying, hurting and smearing break every protocol's decency norms (\"Schelden of dreigen doe ik niet\", \"Laster, beledigingen\"). Reported, also with words in between, after a condition or in inverted order: threats of violence (\"ik maak je morgen kapot\", \"dan sla ik je in elkaar\", \"we steken je banden lek\"), intimidation (\"je kan maar beter uitkijken\", \"dat gaat hij voelen\"), death wishes and suicide baiting (\"ga dood\", \"niemand zou je missen\"), exclusion (\"niemand wil jou erbij\"), doxxing (\"ik weet waar je woont\"), insults aimed at someone (\"jij bent echt een sukkel\", \"die juf is zo lelijk\") and threats or dehumanising statements against a group (\"[group] moeten allemaal weg\", \"[group] zijn ratten\"). Not reported: negations (\"ik ga je niet slaan\"), a threat being reported or condemned (\"we hebben aangifte gedaan\"), sports and games (\"we maken ze in bij de quiz\"), idioms (\"dood van het lachen\"). profanity.insult reports the insult word itself."
        ),
        message: LocalizedText(nl: "'{match}' is een bedreiging of gerichte belediging ({detail})", en: "'{match}' is a threat or an aimed insult ({detail})"),
        suggestion: LocalizedText(
            nl: "Plaats dit niet. Ben je boos, bespreek het dan persoonlijk of meld het bij school.",
            en: "Do not post this. If you are angry, talk in person or report it to the school."
        ),
        triggeringExamples: [
            RuleExample("Als je dat nog een keer doet, ⟦maak ik je af⟧."),
            RuleExample("Pas maar op, ⟦ik weet waar je woont⟧."),
            RuleExample("Nog één keer en ⟦ik maak\u{00A0}je\u{00A0}af⟧."),
            RuleExample("⟦Jij bent een debiel⟧, echt waar."),
            RuleExample("⟦Ik ga je morgen na het zesde uur helemaal kapot maken⟧ 🔪"),
            RuleExample("⟦die brugklassers moeten allemaal weg⟧ van deze school"),
        ],
        nonTriggeringExamples: [
            RuleExample("Ik maak je blij met een extra pauze!"),
            RuleExample("Ik weet waar je het kunt vinden: in de la."),
            RuleExample("Pas op voor gladheid op het schoolplein."),
            RuleExample("Er is een dreigbericht binnengekomen (\"ik maak je af\"); we hebben aangifte gedaan."),
            RuleExample("Zaterdag maken we ze in bij de hockeywedstrijd!"),
        ]
    )
}
