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

    /// Every rule's description by id, for renderers that word a finding.
    private static let descriptions = Dictionary(uniqueKeysWithValues: all.map { ($0.description.id, $0.description) })

    public static func description(of id: String) -> RuleDescription? { descriptions[id] }
}
