/// The weights of a logistic model over a rule's evidence (`Lexicons/nl/models/*.tsv`, fitted at
/// development time by the scripts in scripts/models/): log-odds = bias + Σ weight × feature. Rows
/// are `feature<TAB>weight`, one of them `bias`.
struct LogisticModel<Feature: RawRepresentable & CaseIterable & Sendable>: Sendable where Feature.RawValue == String {
    private(set) var bias = 0.0
    private(set) var weights: [(feature: Feature, weight: Double)] = []

    init() {}

    init(_ file: LexiconFile) throws(LexiconError) {
        for row in file.rows {
            guard row.fields.count >= 2, let weight = Double(row.fields[1]) else {
                throw file.error(row, "expected feature<TAB>weight (a number)")
            }
            if row.fields[0] == "bias" { bias = weight; continue }
            guard let feature = Feature(rawValue: row.fields[0]) else {
                throw file.error(row, "unknown feature '\(row.fields[0])'; known: bias, \(Feature.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            weights.append((feature, weight))
        }
    }

    /// The log-odds, given each feature's value.
    func score(_ value: (Feature) -> Double) -> Double {
        weights.reduce(bias) { $0 + $1.weight * value($1.feature) }
    }
}
