/// How a post speaks about school, for the rules about who writes it and where: whether it is about
/// school (a topic word or the school's name), in a personal voice, with a disclaimer, pointing to a
/// closed channel, or calling pupils to follow the writer. Only asked for when such a rule applies
/// (a staff post, a photo bound for a public channel), so most posts never pay for it.
struct VoiceScan {
    private(set) var hasDisclaimer = false
    private(set) var mentionsSchool = false
    /// An opinion or feeling, or the first person outside a practical message in the teacher's role.
    var hasPersonalVoice: Bool { hasOpinion || speaksForSelf && !isPractical }
    private var hasOpinion = false
    private var speaksForSelf = false
    private var isPractical = false
    /// Names the school app or another closed channel ("de foto's staan in de schoolapp").
    private(set) var pointsToClosedChannel = false
    private(set) var befriending: [Detection] = []

    init(document: Document, keys: WordKeys, resources: LinterResources, organisationNames: [[UInt8]]) {
        let tokens = document.tokens
        let scanned: LexiconFacets.Facet = [.closedChannel, .disclaimer, .schoolTopic, .befriending]
        let disclaimers = resources.conduct.disclaimers, schoolTopics = resources.conduct.schoolTopics
        let befriendingPhrases = resources.conduct.befriending
        for index in tokens.indices {
            let facet = keys.facet(index).intersection(scanned)
            guard !facet.isEmpty else { continue }
            if facet.contains(.closedChannel) { pointsToClosedChannel = true }
            if facet.contains(.disclaimer), !hasDisclaimer {
                disclaimers.forEachTerm(anchoredAt: index, in: document, keys: keys) { _, _, _ in hasDisclaimer = true }
            }
            if facet.contains(.schoolTopic) {
                schoolTopics.forEachTerm(anchoredAt: index, in: document, keys: keys) { kind, _, _ in
                    switch kind {
                    case .topic: mentionsSchool = true
                    case .voice: hasOpinion = true
                    case .`self`: speaksForSelf = true
                    case .practical: isPractical = true
                    case .policy: mentionsSchool = true
                    case .stance, .sarcasm: hasOpinion = true
                    case .news: break
                    }
                }
            }
            if facet.contains(.befriending) {
                befriendingPhrases.forEachTerm(anchoredAt: index, in: document, keys: keys) { _, first, last in
                    befriending.append(DetectionSpans.detection(document, first, last))
                }
            }
        }
        if !mentionsSchool, !organisationNames.isEmpty {
            mentionsSchool = tokens.indices.contains { index in organisationNames.contains { keys.key(index).elementsEqual($0) } }
        }
        if mentionsSchool, !hasOpinion {
            hasOpinion = resources.conduct.voiceEmoji.occurs(in: document.bytes)
        }
        befriending = DetectionSpans.longestOnly(befriending)
    }
}
