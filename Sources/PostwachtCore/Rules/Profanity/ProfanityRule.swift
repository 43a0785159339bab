/// Shared detection for the profanity rules: each takes the lexicon classes it is about.
/// Severity follows sureness: 2 → error, 1 → warning, 0 → info.
enum ProfanityDetections {
    static func detections(in context: RuleContext, classes: Set<ProfanityClass>) -> [Detection] {
        context.profanityMatches.compactMap { match in
            guard classes.contains(match.entry.wordClass) else { return nil }
            return Detection(range: match.range, severity: severity(forSureness: match.sureness),
                             normalized: match.normalized, detail: detail(of: match))
        }
    }

    static func severity(forSureness sureness: Int) -> Severity {
        switch sureness {
        case 2...: return .error
        case 1: return .warning
        default: return .info
        }
    }

    private static func detail(of match: ProfanityMatch) -> LocalizedText {
        let label = classLabels[match.entry.wordClass]!
        let term = match.entry.term
        if match.isCompound {
            return LocalizedText(nl: "\(label.nl), samenstelling met '\(term)'", en: "\(label.en), compound with '\(term)'")
        }
        if match.normalized != term {
            return LocalizedText(nl: "\(label.nl): '\(term)'", en: "\(label.en): '\(term)'")
        }
        return label
    }

    private static let classLabels: [ProfanityClass: LocalizedText] = [
        .disease: LocalizedText(nl: "ziekte als vloek", en: "disease curse"),
        .sexual: LocalizedText(nl: "seksueel grof", en: "sexually coarse"),
        .scatological: LocalizedText(nl: "fecaal grof", en: "scatological"),
        .insult: LocalizedText(nl: "belediging", en: "insult"),
        .slur: LocalizedText(nl: "discriminerend scheldwoord", en: "slur"),
        .blasphemy: LocalizedText(nl: "godslasterlijke vloek", en: "blasphemous curse"),
        .slang: LocalizedText(nl: "grove straattaal", en: "coarse slang"),
    ]
}
