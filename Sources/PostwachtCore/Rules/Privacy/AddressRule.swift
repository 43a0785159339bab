/// Postal addresses: street and house number (with toevoeging), postcodes, with the town when it follows.
struct AddressRule: Rule {
    init() {}

    func detect(in context: RuleContext) -> [Detection] {
        context.personalData.candidates(.address).map { Detection($0) }
    }

    var description: RuleDescription { Self.about }

    private static let about = RuleDescription(
        id: "privacy.address",
        name: LocalizedText(nl: "Adres", en: "Postal address"),
        category: .address,
        defaultSeverity: .warning,
        rationale: LocalizedText(
            nl: "Een woonadres maakt iemand vindbaar; de protocollen verbieden informatie die tot personen herleidbaar is. Gevonden worden straat + huisnummer (12a, 12-II, 12 bis), postcodes (1234 AB, 1234AB; zonder voorloopnul, nooit SA/SD/SS) en de plaats die erop volgt. Een losse plaatsnaam of schoolnaam is geen adres.",
            en: "A home address makes someone findable; the protocols forbid information traceable to persons. Found are street + house number (12a, 12-II, 12 bis), postcodes (1234 AB, 1234AB; no leading zero, never SA/SD/SS) and the town that follows. A bare town or school name is not an address."
        ),
        message: LocalizedText(nl: "'{match}' is een adres", en: "'{match}' is a postal address"),
        suggestion: LocalizedText(
            nl: "Laat het adres weg; noem hooguit de wijk of verwijs naar een persoonlijk bericht.",
            en: "Leave the address out; at most name the neighbourhood or refer to a private message."
        ),
        triggeringExamples: [
            RuleExample("Het feest is bij ons thuis, ⟦Kerkstraat 12a⟧."),
            RuleExample("Ophalen kan op ⟦Beatrixlaan 7-II, 3521 AB Utrecht⟧"),
            RuleExample("Stuur het naar ⟦2511 CV Den Haag⟧ t.a.v. de penningmeester"),
            RuleExample("We wonen op de ⟦Van Goghstraat 3⟧"),
        ],
        nonTriggeringExamples: [
            RuleExample("OBS De Notenkraker in Zwolle viert feest!"),
            RuleExample("De Kerkstraat is afgesloten wegens werkzaamheden."),
            RuleExample("Groep 8 zit dit jaar in lokaal 12."),
            RuleExample("Postcode 0123 AB bestaat niet."),
        ]
    )
}
