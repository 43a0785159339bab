/// Every rule postwacht ships, in the order `postwacht rules` lists them.
public enum RuleRegistry {
    public static let all: [any Rule] = [
        CurseRule(), InsultRule(), SlurRule(),
        PhoneRule(), EmailRule(), AddressRule(), BSNRule(), IBANRule(), BirthdateRule(), NameWithPhotoRule(),
        MissingDisclaimerRule(), ConfidentialRule(), ThreatRule(), PrivateContactRule(), BefriendingRule(), PhotoOutsideAppRule(),
    ]

    public static func rule(withID id: String) -> (any Rule)? {
        all.first { $0.description.id == id }
    }
}
