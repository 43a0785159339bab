/// Every rule postwacht ships, in the order `postwacht rules` lists them.
public enum RuleRegistry {
    package static let all: [any Rule] = [
        CurseRule(), InsultRule(), SlurRule(),
        PhoneRule(), EmailRule(), AddressRule(), BSNRule(), IBANRule(), BirthdateRule(), NameWithPhotoRule(),
        MissingDisclaimerRule(), ConfidentialRule(), ThreatRule(), PrivateContactRule(), BefriendingRule(), PhotoOutsideAppRule(),
        StaffUnidentifiedRule(), ArguingRule(), QuotingColleaguesRule(), LessonRecordingRule(), SchoolPhotoPermissionRule(),
        TeacherOffDutyPhotoRule(), DuringLessonsRule(), AccountPosterRule(),
    ]

    /// The settings the rules' examples are checked with: the rules that read the configuration
    /// (lesson hours, who may post on the school account) find nothing without it.
    static var exampleOptions: LintOptions {
        var options = LintOptions()
        options.lessonHours = DuringLessonsRule.exampleHours
        options.accountPosters = AccountPosterRule.examplePosters
        return options
    }

    package static func rule(withID id: String) -> (any Rule)? {
        all.first { $0.description.id == id }
    }

    /// Every rule's description by id, for renderers that word a finding.
    private static let descriptions = Dictionary(uniqueKeysWithValues: all.map { ($0.description.id, $0.description) })

    /// The description of the rule with `id`, or nil when there is none.
    public static func description(of id: String) -> RuleDescription? { descriptions[id] }
}
