/// Curses and coarse words: disease curses, sexual and scatological terms, blasphemy, coarse slang.
struct CurseRule: Rule {
    init() {}

    private static let classes: Set<ProfanityClass> = [.disease, .sexual, .scatological, .blasphemy, .slang]

    func detect(in context: RuleContext) -> [Detection] {
        ProfanityDetections.detections(in: context, classes: Self.classes)
    }

    var description: RuleDescription { Self.about }

    private static let about = RuleDescription(
        id: "profanity.curse",
        name: LocalizedText(nl: "Schuttingtaal", en: "Coarse language"),
        category: .profanity,
        defaultSeverity: .error,
        rationale: LocalizedText(
            nl: "Vloeken en grove woorden (ziektes als vloek, seksuele en fecale termen, godslastering, grove straattaal), ook verhuld als k4nker, k a n k e r, kuuut, met Cyrillische letters of in samenstellingen als kutschool. Alle vijf protocollen vragen om fatsoenlijk taalgebruik; De Regenboog en Konot noemen schuttingtaal bij naam. Onschuldige woorden met dezelfde letters (KWF Kankerbestrijding, pestprotocol, kleren, Hoera) blijven vrij via een allowlist die tegen de OpenTaal-woordenlijst is getoetst. Ernst volgt de zekerheid in het lexicon: bij 2 de ernst van de regel (standaard fout, of wat het beleid van de school zegt), bij 1 één stap lager, bij 0 info.",
            en: "Curses and coarse words (disease curses, sexual and scatological terms, blasphemy, coarse slang), also disguised as k4nker, k a n k e r, kuuut, with Cyrillic letters or inside compounds such as kutschool. All five protocols demand decent language; De Regenboog and Konot name coarse language (schuttingtaal) outright. Innocent words with the same letters (KWF Kankerbestrijding, pestprotocol, kleren, Hoera) stay clean through an allowlist checked against the OpenTaal word list. Severity follows the lexicon's sureness: at 2 the rule's severity (error by default, or what the school's policy says), at 1 one step lower, at 0 info."
        ),
        message: LocalizedText(nl: "'{match}' is schuttingtaal ({detail})", en: "'{match}' is coarse language ({detail})"),
        suggestion: LocalizedText(
            nl: "Laat dit woord weg of zeg het netjes. Bij twijfel niet publiceren.",
            en: "Leave the word out or say it politely. When in doubt, do not publish."
        ),
        triggeringExamples: [
            RuleExample("Wat een ⟦k4nkerschool⟧, bel me maar"),
            RuleExample("wat een ⟦k a n k e r⟧ dag"),
            RuleExample("Dit is ⟦t.y.f.u.s⟧ irritant"),
            RuleExample("⟦kuuuuut⟧ dat de gymles uitvalt"),
            RuleExample("Wat een ⟦k\u{0430}nkerweer⟧ vandaag"), // Cyrillic а
            RuleExample("Weer die ⟦klotebende⟧ bij het hek"),
            RuleExample("⟦teringzooi⟧ in de fietsenstalling"),
            RuleExample("Die ⟦tyfushond⟧ van de buren blaft weer"),
            RuleExample("⟦ＫＡＮＫＥＲ⟧ slecht geregeld"),
            RuleExample("En nu ⟦k-u-t⟧ weer regen"),
            RuleExample("⟦Godverdomme⟧, alweer te laat"),
            RuleExample("Ach ⟦krijg de tering⟧ met je huiswerk"),
            RuleExample("Mijn ⟦kl0tetelefoon⟧ doet het niet"),
        ],
        nonTriggeringExamples: [
            RuleExample("Wij lopen mee voor KWF Kankerbestrijding!"),
            RuleExample("Het kankeronderzoek gaat snel vooruit."),
            RuleExample("Lees ons nieuwe pestprotocol op de website."),
            RuleExample("Hoera, groep 8 heeft gewonnen!"),
            RuleExample("Vergeet geen extra kleren voor het schoolkamp."),
            RuleExample("De flikkerende lichtjes van de kerstboom."),
            RuleExample("Deze week leren we over Mongolië."),
            RuleExample("Een homogeen mengsel bij scheikunde."),
            RuleExample("Onze juf heeft kanker en is voorlopig afwezig."),
            RuleExample("Veel gezinnen weten wat kanker met een familie doet; daarom lopen we voor het KWF."),
            RuleExample("Fietstocht van Sneek naar Kuttekoven."),
        ]
    )
}
