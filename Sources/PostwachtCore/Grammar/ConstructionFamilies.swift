/// What a rule's construction file holds, family by family, for `postwacht explain`: a reader sees
/// which kinds of threat (or disclaimer, or befriending request) the grammar knows, how sure each is,
/// and an example of each.
package struct ConstructionFamilySummary: Sendable {
    package var id: String
    package var label: LocalizedText
    /// 2: an error on its own, 1: a warning, 0: only with more evidence in the post.
    package var sureness: Int
    package var constructionCount: Int
    package var example: String?
}

extension LinterResources {
    /// The construction families of the rule with `ruleID`, in file order; empty for rules without a
    /// construction file.
    package func constructionFamilies(ofRule ruleID: String) -> [ConstructionFamilySummary] {
        let set: ConstructionSet
        switch ruleID {
        case "conduct.threat": set = threatConstructions
        case "conduct.missing-disclaimer": set = disclaimerConstructions
        case "conduct.befriending-pupils": set = befriendingConstructions
        case "conduct.arguing": set = arguingConstructions
        case "conduct.staff-unidentified": set = staffIdentificationConstructions
        default: return []
        }
        var counts: [String: Int] = [:]
        for construction in set.constructions { counts[construction.family, default: 0] += 1 }
        return set.families.map { family in
            ConstructionFamilySummary(id: family.id, label: family.label, sureness: family.sureness,
                                      constructionCount: counts[family.id, default: 0], example: family.examples.first)
        }
    }
}
