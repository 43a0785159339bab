/// What the grammar makes of a text, for people writing constructions (`postwacht lexicon parse`):
/// every sentence's words with their classes, and every construction that matched, with its file and line.
package struct GrammarTrace: Sendable {
    package struct Word: Sendable {
        package var text: String
        package var classes: [String]
    }

    package struct Match: Sendable {
        package var family: String
        package var text: String
        /// file:line of the construction.
        package var source: String
    }

    /// A threat construction's match the threat rule let go, and why (a negation, a report, a game …).
    package struct LetGo: Sendable {
        package var text: String
        package var source: String
        package var reason: String
    }

    package var sentences: [[Word]]
    package var matches: [Match]
    package var lettingGo: [LetGo] = []
}

extension Checker {
    /// The grammar's reading of `record`: words, classes, and the constructions (threat, disclaimer,
    /// befriending) that matched, before the rules' judgement (negations, reports and games not yet let go).
    package func grammarTrace(of record: Record) throws(RecordError) -> GrammarTrace {
        let document = try self.document(for: record)
        let context = context(for: document)
        let book = context.resources.grammar.book
        var sentences: [[GrammarTrace.Word]] = []
        var matches: [GrammarTrace.Match] = []
        for index in context.sentences.indices {
            let units = context.units(ofSentence: index)
            sentences.append(units.tokens.indices.map { unit in
                GrammarTrace.Word(text: document.text(of: document.tokens[units.tokens[unit]]), classes: book.names(of: units.classes[unit]))
            })
        }
        let sets = [context.resources.threatConstructions, context.resources.disclaimerConstructions, context.resources.befriendingConstructions,
                    context.resources.arguingConstructions, context.resources.staffIdentificationConstructions]
        for set in sets {
            for match in context.matches(of: set) {
                matches.append(GrammarTrace.Match(family: match.family, text: document.text(of: match.range), source: match.source))
            }
        }
        var lettingGo: [GrammarTrace.LetGo] = []
        ThreatFinder(context: context).judge { found, letGo in
            if let letGo { lettingGo.append(GrammarTrace.LetGo(text: document.text(of: found.range), source: found.source, reason: letGo.rawValue)) }
        }
        return GrammarTrace(sentences: sentences, matches: matches, lettingGo: lettingGo)
    }
}
