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

/// Clauses on decency and coarse language, quoted from the protocols in ../shared/protocols/.
enum DecencyClauses {
    static let coarseLanguage: [ProtocolClause] = [
        ProtocolClause(policy: "regenboog", section: "Praktische voorbeelden — Don'ts op sociale media",
                       quote: "Te populair taalgebruik en schuttingtaal, scheldgedrag."),
        ProtocolClause(policy: "konot", section: "In de praktijk — Don’ts",
                       quote: "Te populair taalgebruik en schuttingtaal."),
        ProtocolClause(policy: "kits-primair", section: "4 Social Media binnen onze IKC's — Voor alle gebruikers",
                       quote: "Alle betrokkenen nemen de fatsoensnormen in acht."),
        ProtocolClause(policy: "montessori-flevoland", section: "A. Voor alle gebruikers, 9",
                       quote: "Alle betrokkenen nemen de fatsoensnormen in acht."),
        ProtocolClause(policy: "svok", section: "III.A Voor alle gebruikers, 6",
                       quote: "Alle betrokkenen nemen steeds de reguliere fatsoensnormen in acht, zoals deze ook offline gelden."),
    ]

    static let insulting: [ProtocolClause] = [
        ProtocolClause(policy: "regenboog", section: "Praktische voorbeelden — Don'ts op sociale media",
                       quote: "Te populair taalgebruik en schuttingtaal, scheldgedrag."),
        ProtocolClause(policy: "regenboog", section: "Leerlingen: Sociale media en telefoons, de regels",
                       quote: "Schelden of dreigen doe ik niet."),
        ProtocolClause(policy: "konot", section: "Achtergrondinformatie — Bedenk dat...",
                       quote: "Laster, beledigingen en obsceniteit zijn niet geoorloofd."),
        ProtocolClause(policy: "konot", section: "In de praktijk — Do’s", quote: "Spreek met respect over anderen"),
        ProtocolClause(policy: "kits-primair", section: "4 Social Media binnen onze IKC's — Voor alle gebruikers",
                       quote: "Als fatsoensnormen worden overschreden (bijvoorbeeld: mensen pesten, kwetsen, stalken, bedreigen, zwartmaken of anderszins beschadigen), dan neemt de onderwijsinstelling passende maatregelen."),
        ProtocolClause(policy: "montessori-flevoland", section: "A. Voor alle gebruikers, 9",
                       quote: "Als fatsoensnormen worden overschreden (bijvoorbeeld: mensen pesten, kwetsen, stalken, bedreigen, zwartmaken of anderszins beschadigen) dan neemt de school passende maatregelen."),
        ProtocolClause(policy: "svok", section: "III.A Voor alle gebruikers, 6",
                       quote: "Als fatsoensnormen worden overschreden (waaronder ook bijvoorbeeld: pesten, kwetsen, stalken, bedreigen, zwartmaken of anderszins beschadigen), dan neemt de school en/of SVOK passende maatregelen (zie ook paragraaf IV)."),
    ]
}
