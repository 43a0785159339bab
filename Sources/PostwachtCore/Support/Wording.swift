/// Messages a person reads, in the language of `--lang`: importers, the command line and the service write every message in both.
extension Language {
    package func say(_ dutch: String, _ english: String) -> String { self == .nl ? dutch : english }

    /// "1 bericht" / "3 berichten", "1 post" / "3 posts".
    package func count(_ number: Int, _ dutchOne: String, _ dutchMany: String, _ englishOne: String, _ englishMany: String) -> String {
        "\(number) " + (self == .nl ? (number == 1 ? dutchOne : dutchMany) : (number == 1 ? englishOne : englishMany))
    }
}
