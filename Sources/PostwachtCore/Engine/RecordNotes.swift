/// Warnings about what a record says of itself that the check could not use: a school (`org`) no
/// policy pack is known by, a channel no rule knows (a typo would silently turn the photo rules off),
/// or, when asked for, that no school's protocol applied at all.
enum RecordNotes {
    static func warnings(for metadata: RecordMetadata, checkedBy linter: Linter) -> [RecordWarning] {
        var notes: [RecordWarning] = []
        let options = linter.options
        let resources = linter.resources
        if options.policy == nil {
            if let organisation = metadata.organisation {
                // The record's school would have picked that school's linter, whose policy is set.
                notes.append(RecordWarning(code: "input.unknown-org", text: LocalizedText(
                    nl: "org '\(organisation)' is geen bekende school; bekend zijn \(resources.policies.ids.joined(separator: ", ")). Het bericht is aan geen protocol getoetst",
                    en: "org '\(organisation)' names no known school; known: \(resources.policies.ids.joined(separator: ", ")). The post was held to no protocol")))
            } else if options.marksRecordsWithoutSchool {
                notes.append(noSchool)
            }
        }
        if let channel = metadata.channel, !isKnown(channel, resources.conduct) {
            notes.append(RecordWarning(code: "input.unknown-channel", text: LocalizedText(
                nl: "kanaal '\(channel)' is onbekend, dus regels over openbare kanalen kunnen het niet plaatsen; bekend zijn \(resources.conduct.channels.joined(separator: ", "))",
                en: "channel '\(channel)' is unknown, so rules about public channels cannot place it; known: \(resources.conduct.channels.joined(separator: ", "))")))
        }
        return notes
    }

    /// No school configured and none in the record: every rule ran, no protocol was cited.
    static let noSchool = RecordWarning(code: "policy.none", text: LocalizedText(
            nl: "geen school ingesteld: alle regels zijn toegepast en er is geen schoolprotocol geciteerd; kies de school met --org, --policy-file of organisation: in postwacht.yaml",
            en: "no school configured: every rule was applied and no school's protocol is cited; choose the school with --org, --policy-file or organisation: in postwacht.yaml"))

    private static func isKnown(_ channel: String, _ conduct: ConductLexicon) -> Bool {
        if conduct.publicChannels.contains(channel) || conduct.closedChannels.contains(channel) { return true }
        let lowered = channel.lowercased()
        return conduct.publicChannels.contains(lowered) || conduct.closedChannels.contains(lowered)
    }
}

extension RecordWarning {
    /// The warning a record checked without any school's protocol gets in JSON outputs.
    public static var noSchool: RecordWarning { RecordNotes.noSchool }
}
