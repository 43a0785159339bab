/// The five school protocols postwacht knows, by policy pack id.
public enum Policies {
    public struct Policy: Sendable {
        public var id: String
        public var organisation: String
        /// The protocol text's file name under `Fixtures/protocols/` (copied from ../shared/protocols/).
        public var protocolFile: String
    }

    public static let all: [Policy] = [
        Policy(id: "kits-primair", organisation: "Kits Primair", protocolFile: "000_79de0a5f68e288d4.txt"),
        Policy(id: "montessori-flevoland", organisation: "Montessori Lyceum Flevoland", protocolFile: "001_1436cb817ed1df7a.txt"),
        Policy(id: "regenboog", organisation: "GBS De Regenboog", protocolFile: "002_4392c5043c043513.txt"),
        Policy(id: "svok", organisation: "SVOK", protocolFile: "003_ceb25bc98e90f960.txt"),
        Policy(id: "konot", organisation: "Konot", protocolFile: "004_f665fb5482d1d8f7.txt"),
    ]

    public static func policy(_ id: String) -> Policy? { all.first { $0.id == id } }

    public static func organisation(of id: String) -> String { policy(id)?.organisation ?? id }
}
