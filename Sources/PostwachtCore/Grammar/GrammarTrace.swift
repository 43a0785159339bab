/// What the grammar makes of a text, for people writing constructions (`postwacht lexicon parse`):
/// every sentence's words with their classes, and every construction that matched, with its file and line.
public struct GrammarTrace: Sendable {
    public struct Word: Sendable {
        public var text: String
        public var classes: [String]
    }

    public struct Match: Sendable {
        public var family: String
        public var text: String
        /// file:line of the construction.
        public var source: String
    }

    public var sentences: [[Word]]
    public var matches: [Match]
}

extension Checker {
    /// The grammar's reading of `record`: words, classes, threat constructions that matched (before the
    /// threat rule's judgement: negations, reports and games are not yet let go).
    public func grammarTrace(of record: Record) throws(RecordError) -> GrammarTrace {
        let document = try self.document(for: record)
        let context = context(for: document)
        let book = context.resources.grammar.book
        var sentences: [[GrammarTrace.Word]] = []
        var matches: [GrammarTrace.Match] = []
        let barrier = (book.classSet(named: "BARRIER") ?? []).union(book[.comma])
        for index in context.sentences.indices {
            let units = context.units(ofSentence: index)
            sentences.append(units.tokens.indices.map { unit in
                GrammarTrace.Word(text: document.text(of: document.tokens[units.tokens[unit]]), classes: book.names(of: units.classes[unit]))
            })
            let matcher = ConstructionMatcher(units: units, keys: context.keys, barrier: barrier)
            for construction in context.resources.threatConstructions.constructions {
                var from = 0
                while from < units.count, let match = matcher.firstMatch(of: construction, from: from) {
                    from = match.last + 1
                    let range = Int(document.tokens[units.tokens[match.first]].start)..<Int(document.tokens[units.tokens[match.last]].end)
                    matches.append(GrammarTrace.Match(family: construction.family, text: document.text(of: range), source: construction.source))
                }
            }
        }
        return GrammarTrace(sentences: sentences, matches: matches)
    }
}
