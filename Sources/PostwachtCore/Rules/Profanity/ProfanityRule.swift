/// Shared detection for the profanity rules: each takes the lexicon classes it is about.
/// Sureness follows the lexicon (2 sure, 1 likely, 0 a hint); the severity in force steps down from there.
enum ProfanityDetections {
    /// `keepingUnaimed`: whether a word that insults only when aimed counts when nothing aims it (the insult rule says no).
    static func detections(in context: RuleContext, classes: Set<ProfanityClass>, keepingUnaimed: Bool = true) -> [Detection] {
        context.profanityMatches.compactMap { match in
            guard classes.contains(match.entry.wordClass), keepingUnaimed || match.isAimed != false else { return nil }
            // A word that insults only when aimed is sure once something aims it ("jij sukkel").
            return Detection(range: match.range, sureness: match.isAimed == true ? .sure : Sureness(lexicon: match.sureness),
                             normalized: match.normalized, detail: detail(of: match))
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
