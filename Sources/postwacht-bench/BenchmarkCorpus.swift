import PostwachtCore

/// Generates posts that look like what schools, parents and pupils write: newsletter sentences,
/// WhatsApp-style messages with emoji, numbers and dates, and now and then coarse language, disguised
/// or not, or a sentence another rule reports (a phone number, an opinion without disclaimer, a
/// diagnosis, a threat), so every rule has work. Deterministic, so figures compare across runs.
/// The names and numbers are invented; the IBAN and BSN are the well-known test values.
enum BenchmarkCorpus {
    static func generate(bytes target: Int) -> [Record] {
        var generator = SplitMix(seed: 42)
        var records: [Record] = []
        var total = 0
        while total < target {
            var text = ""
            let sentences = Int.random(in: 1...8, using: &generator)
            for _ in 0..<sentences {
                text += sentence(&generator) + " "
                if Int.random(in: 0..<6, using: &generator) == 0 { text += emoji.randomElement(using: &generator)! + " " }
            }
            if Int.random(in: 0..<12, using: &generator) == 0 { text += coarse.randomElement(using: &generator)! }
            if Int.random(in: 0..<12, using: &generator) == 0 { text += reported.randomElement(using: &generator)! }
            // Metadata as an export has it: staff, parents, pupils and the school account; the school;
            // the channel; a photo on every third post.
            let number = records.count
            let metadata = RecordMetadata(authorRole: roles[number % roles.count], attachments: number % 3 == 0 ? [Attachment(type: .image)] : [],
                                          organisation: schools[number % schools.count], channel: channels[number / 7 % channels.count])
            records.append(Record(id: "bench-\(number)", text: text, metadata: metadata))
            total += text.utf8.count
        }
        return records
    }

    private static func sentence(_ generator: inout SplitMix) -> String {
        var words: [String] = [openers.randomElement(using: &generator)!]
        for _ in 0..<Int.random(in: 4...16, using: &generator) {
            switch Int.random(in: 0..<20, using: &generator) {
            case 0: words.append(String(Int.random(in: 1...2030, using: &generator)))
            case 1: words.append("\(Int.random(in: 8...17, using: &generator)).\(Int.random(in: 10...59, using: &generator))")
            case 2: words.append(accented.randomElement(using: &generator)!)
            default: words.append(vocabulary.randomElement(using: &generator)!)
            }
        }
        return words.joined(separator: " ") + [".", "!", "?", ",", "."].randomElement(using: &generator)!
    }

    static let roles: [AuthorRole] = [.staff, .parent, .pupil, .school]
    private static let schools = ["regenboog", "svok", "konot", "kits-primair", "montessori-flevoland"]
    private static let channels = ["facebook", "schoolapp", "instagram", "website", "x"]
    private static let openers = ["Beste ouders,", "Lieve kinderen", "Vandaag", "Morgen", "Groep 7", "De juf", "Meester Bram", "Wij", "Na de vakantie", "Op vrijdag", "Hoi allemaal"]
    private static let vocabulary = """
        de het een en van in op met voor naar is zijn was wordt worden heeft hebben kan kunnen zal zullen we wij jullie ze
        school klas groep leerlingen ouders kinderen juf meester les lessen toets rapport schoolreis sportdag gym pauze
        fruit gymtas huiswerk ouderavond kerstviering sinterklaas musical project thema rekenen taal lezen schrijven
        spelling aardrijkskunde geschiedenis natuur muziek tekenen handvaardigheid computer chromebook tablet bibliotheek
        speelplein fietsenstalling aula conciërge directeur team vakantie studiedag vrij weer morgen vandaag gisteren
        graag samen leuk mooi fijn goed snel rustig even alvast nog ook al niet wel heel erg echt super gezellig
        vergeten meenemen inleveren ophalen brengen helpen vragen antwoorden oefenen spelen leren werken kijken zien
        mail app bericht foto's nieuwsbrief informatie aanmelden inschrijven betalen ouderbijdrage commissie vrijwilligers
        pestprotocol kankerbestrijding sponsorloop kleren hoera mongolië klerenkast flikkerende homogeen
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
    private static let accented = ["café", "één", "ideeën", "ĳsbaan", "privé", "geëvalueerd", "coördinator", "financiële", "reünie", "crème"]
    private static let emoji = ["😀", "👍", "🎉", "❤️", "📸", "🙏", "😂", "👩‍👩‍👧‍👦", "🇳🇱", "☀️"]
    private static let coarse = ["wat een k4nkerschool", "kuuuut weer", "k a n k e r saai", "t.y.f.u.s irritant", "godverdomme",
                                 "die mongool", "klotebende", "teringzooi", "kut-toets", "k\u{0430}nker", "krijg de tering"]
    private static let reported = ["Bel gerust: 06-12345678.", "Mail me op juf.sanne@gmail.com",
                                   "Ouderbijdrage graag naar NL91ABNA0417164300 t.n.v. de oudervereniging.",
                                   "Het BSN van mijn zoon is 111222333.", "Lotte is geboren op 12-03-2016, hoera!",
                                   "Ons adres: Lindelaan 12, 1234 AB Ergenshuizen.",
                                   "Eerlijk gezegd vind ik het nieuwe rooster van onze school een slecht plan.",
                                   "Daan heeft dyslexie, hij krijgt extra tijd bij de toets.", "Als je dat nog eens doet, ik maak je af.",
                                   "Volg me op Instagram voor meer foto's van de klas!"]
}
