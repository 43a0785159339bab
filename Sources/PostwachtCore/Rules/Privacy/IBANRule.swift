/// Bank account numbers (IBAN) of any country, grouped or not, passing the mod-97 check.
struct IBANRule: Rule {
    init() {}

    func detect(in context: RuleContext) -> [Detection] {
        context.personalData.candidates(.iban).map { Detection($0) }
    }

    var description: RuleDescription { Self.about }

    private static let about = RuleDescription(
        id: "privacy.iban",
        name: LocalizedText(nl: "Rekeningnummer (IBAN)", en: "Bank account number (IBAN)"),
        category: .iban,
        defaultSeverity: .error,
        rationale: LocalizedText(
            nl: "Een rekeningnummer is een persoonsgegeven en wordt misbruikt voor fraude. Elk IBAN-formaat (89 landen) wordt herkend, gegroepeerd of niet, en alleen gemeld als de mod-97-controle klopt.",
            en: "An account number is personal data and is misused for fraud. Every IBAN format (89 countries) is recognised, grouped or not, and reported only when the mod-97 check passes."
        ),
        message: LocalizedText(nl: "'{match}' is een rekeningnummer", en: "'{match}' is a bank account number"),
        suggestion: LocalizedText(
            nl: "Laat het rekeningnummer weg; betalingen lopen via de schoolapp of een betaalverzoek.",
            en: "Leave the account number out; payments go through the school app or a payment request."
        ),
        triggeringExamples: [
            RuleExample("Maak het over naar ⟦NL91 ABNA 0417 1643 00⟧ o.v.v. schoolreis"),
            RuleExample("Rekening ⟦NL91ABNA0417164300⟧ t.n.v. de ouderraad"),
            RuleExample("Belgische rekening: ⟦BE68 5390 0754 7034⟧"),
        ],
        nonTriggeringExamples: [
            RuleExample("Maak het over naar NL91 ABNA 0417 1643 01"),
            RuleExample("NL wint met 2-1 van België!"),
        ]
    )
}
