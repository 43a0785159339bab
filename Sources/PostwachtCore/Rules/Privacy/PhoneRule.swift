/// Phone numbers: Dutch mobile, landline and service numbers checked against the numbering plan, and
/// international numbers written with + or 00.
struct PhoneRule: Rule {
    init() {}

    func detect(in context: RuleContext) -> [Detection] {
        context.personalData.candidates(.phone).map { Detection($0) }
    }

    var description: RuleDescription { Self.about }

    private static let about = RuleDescription(
        id: "privacy.phone",
        name: LocalizedText(nl: "Telefoonnummer", en: "Phone number"),
        category: .phone,
        defaultSeverity: .warning,
        rationale: LocalizedText(
            nl: "Een telefoonnummer is persoonsgegeven: het maakt iemand bereikbaar en vindbaar. Alle protocollen verbieden persoonlijke informatie te publiceren; De Regenboog vraagt medewerkers terughoudend te zijn met hun privénummer. Nederlandse nummers worden getoetst aan het nummerplan (netnummers, lengtes, 06, 0800/0900), in elke schrijfwijze (06-12345678, +31 (0)6 …, (010) 123 45 67). Tijden, prijzen, datums, jaartallen, IBAN-cijfergroepen, postcodes en 112 zijn geen telefoonnummer.",
            en: "A phone number is personal data: it makes someone reachable and findable. Every protocol forbids publishing personal information; De Regenboog asks staff to be reticent with private numbers. Dutch numbers are checked against the numbering plan (area codes, lengths, 06, 0800/0900) in every common writing (06-12345678, +31 (0)6 …, (010) 123 45 67). Times, prices, dates, years, IBAN digit groups, postcodes and 112 are not phone numbers."
        ),
        message: LocalizedText(nl: "'{match}' is een telefoonnummer", en: "'{match}' is a phone number"),
        suggestion: LocalizedText(
            nl: "Haal het nummer weg; verwijs naar het algemene nummer van school of laat mensen een persoonlijk bericht sturen.",
            en: "Remove the number; refer to the school's general number or ask people to send a private message."
        ),
        triggeringExamples: [
            RuleExample("Bel me op ⟦06-12345678⟧ als je vragen hebt"),
            RuleExample("App even naar ⟦06 1234 5678⟧ 📱"),
            RuleExample("Mijn nummer: ⟦+31 (0)6 23 45 67 89⟧"),
            RuleExample("Bereikbaar op ⟦(010) 123 45 67⟧ na 16 uur"),
            RuleExample("Bel de ouderraad: ⟦020-6543210⟧."),
            RuleExample("Gratis infolijn ⟦0800-0123⟧"),
            // The no-break spaces and en dash that phones and word processors type.
            RuleExample("Bel ⟦06\u{00A0}12\u{00A0}34\u{00A0}56\u{00A0}78⟧ of ⟦020–6543210⟧"),
            RuleExample("Oma in Antwerpen: ⟦+32 470 12 34 56⟧"),
            RuleExample("⟦0031 6 98765432⟧ is mijn nieuwe nummer"),
        ],
        nonTriggeringExamples: [
            RuleExample("De les begint om 14.30 en duurt tot 15.15."),
            RuleExample("Het schoolreisje kost € 12,50 per kind."),
            RuleExample("De studiedag is op 09-06-2025."),
            RuleExample("Bij brand altijd 112 bellen!"),
            RuleExample("Ons postcodegebied 1234 AB krijgt een nieuwe speeltuin."),
            RuleExample("In 2024 hadden we 312 leerlingen en 28 leerkrachten."),
        ]
    )
}
