import Foundation

/// Turns one line of `--input jsonl` into a record: `id`, `text` (required), and optional `author_role`,
/// `attachments`, `org`, `channel`, `author`, `created_at`, `kind`, `in_reply_to`, `reply_to_role`. Unknown fields are ignored; anything else
/// wrong is a `RecordError` that names the field, so one bad line never stops the others.
public enum JSONLRecordDecoder {
    /// The record, or the error together with the best id known for it (the line's `id`, else `fallbackID`).
    public static func decode(_ line: [UInt8], fallbackID: @autoclosure () -> String, language: Language = .en) -> Result<Record, IdentifiedRecordError> {
        decode(line[...], fallbackID: fallbackID(), language: language)
    }

    /// `fallbackID` is made only for a line without an id.
    /// Messages are in `language`: English by default, as the HTTP service answers.
    public static func decode(_ line: ArraySlice<UInt8>, fallbackID: @autoclosure () -> String, language: Language = .en) -> Result<Record, IdentifiedRecordError> {
        var id: String?
        return decode(line, fallbackID: fallbackID, language: language, id: &id).mapError { IdentifiedRecordError(id: id ?? fallbackID(), error: $0) }
    }

    private static func decode(_ line: ArraySlice<UInt8>, fallbackID: () -> String, language: Language, id: inout String?) -> Result<Record, RecordError> {
        func say(_ dutch: String, _ english: String) -> String { language == .nl ? dutch : english }
        let object: JSONValue
        do { object = try JSONValue.parse(line) } catch {
            return .failure(RecordError(code: "input.invalid-json", message: say(
                "geen geldige JSON: \(error.description(in: .nl)) bij byte \(error.offset + 1)", "not valid JSON: \(error)")))
        }
        guard case .object(let members) = object else {
            return .failure(RecordError(code: "input.invalid-json", message: say(
                "verwacht een JSON-object met een veld \"text\"", "expected a JSON object with a \"text\" field")))
        }
        // One pass over the members; a repeated key keeps its last value, as in JSONSerialization.
        // Indexes, not copies of the values: a post's text is the one large value, used once.
        var text: Int?, role: Int?, attachments: Int?, createdAt: Int?, kind: Int?, replyToRole: Int?
        var metadata = RecordMetadata()
        id = nil
        for index in members.indices {
            switch members[index].key {
            case "id":
                switch members[index].value {
                // An empty id names nothing: the line's position stands in for it.
                case .string(let bytes): id = bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self)
                case .number(let spelling): id = spelling
                default: id = nil
                }
            case "text": text = index
            case "author_role": role = index
            case "attachments": attachments = index
            case "created_at": createdAt = index
            case "org": metadata.organisation = members[index].value.string
            case "channel": metadata.channel = members[index].value.string
            case "author": metadata.author = members[index].value.string
            case "kind": kind = index
            case "reply_to_role": replyToRole = index
            case "in_reply_to":
                switch members[index].value {
                case .string(let bytes): metadata.inReplyTo = bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self)
                case .number(let spelling): metadata.inReplyTo = spelling
                default: metadata.inReplyTo = nil
                }
            default: continue
            }
        }
        func failure(_ code: String, _ message: String) -> Result<Record, RecordError> {
            .failure(RecordError(code: code, message: message))
        }
        guard let text else { return failure("input.missing-text", say("het bericht heeft geen veld \"text\"", "the record has no \"text\" field")) }
        guard case .string(let textBytes) = members[text].value else {
            return failure("input.invalid-field", say("\"text\" moet tekst zijn", "\"text\" must be a string"))
        }
        let roles = AuthorRole.allCases.map(\.rawValue).joined(separator: ", ")
        for (field, index) in [("author_role", role), ("reply_to_role", replyToRole)] {
            guard let index, members[index].value != .null else { continue }
            guard let roleName = members[index].value.string, let parsed = AuthorRole(named: roleName) else {
                return failure("input.invalid-field", say("\"\(field)\" moet een van \(roles) zijn (of docent, ouder, leerling)",
                                                          "\"\(field)\" must be one of \(roles) (or docent, ouder, leerling)"))
            }
            if field == "author_role" { metadata.authorRole = parsed } else { metadata.replyToRole = parsed }
        }
        if let kind, members[kind].value != .null {
            guard let kindName = members[kind].value.string, let parsed = PostKind(named: kindName) else {
                let kinds = PostKind.allCases.map(\.rawValue).joined(separator: ", ")
                return failure("input.invalid-field", say("\"kind\" moet een van \(kinds) zijn (of bericht, reactie, antwoord)",
                                                          "\"kind\" must be one of \(kinds) (or bericht, reactie, antwoord)"))
            }
            metadata.kind = parsed
        }
        if let attachments, members[attachments].value != .null {
            guard case .array(let list) = members[attachments].value else {
                return failure("input.invalid-field", say("\"attachments\" moet een lijst zijn", "\"attachments\" must be an array"))
            }
            // An attachment is an object {"type", "alt"?, "name"?} or just its type: ["image", "video"].
            for (index, item) in list.enumerated() {
                guard let typeName = item.string ?? item["type"]?.string, let type = Attachment.Kind(named: typeName) else {
                    return failure("input.invalid-field", say("attachments[\(index)] moet een soort zijn of een object met \"type\": image, video, audio of file (of foto, film, geluid, bestand)",
                                                              "attachments[\(index)] must be a kind or an object with a \"type\": image, video, audio or file (or foto, film, geluid, bestand)"))
                }
                metadata.attachments.append(Attachment(type: type, alt: item["alt"]?.string, name: item["name"]?.string))
            }
        }
        metadata.createdAt = date(createdAt.map { members[$0].value })
        return .success(Record(id: id ?? fallbackID(), bytes: Array(textBytes), metadata: metadata))
    }

    /// A JSON date: ISO 8601 text, or Unix seconds as a number or numeric text.
    package static func date(_ value: JSONValue?) -> Date? {
        switch value {
        case .number(let spelling)?: return Double(spelling).map { Date(timeIntervalSince1970: $0) }
        case .string?: return date(value?.string)
        default: return nil
        }
    }

    /// ISO 8601 text ("2024-03-06T09:12:00Z", also without time) or Unix seconds.
    package static func date(_ text: String?) -> Date? {
        guard let text else { return nil }
        if let date = try? Date(text, strategy: .iso8601) { return date }
        if let date = try? Date(text, strategy: Date.ISO8601FormatStyle().year().month().day()) { return date }
        if let seconds = Double(text) { return Date(timeIntervalSince1970: seconds) }
        return nil
    }
}

/// A record error with the id of the record it belongs to.
public struct IdentifiedRecordError: Error, Sendable {
    /// The record's id, or the fallback id when it has none.
    public var id: String
    /// Why it could not be read.
    public var error: RecordError
}
