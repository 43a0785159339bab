import PostwachtCore
import PostwachtReporting

/// The lowest severity that fails a run (`--fail-on`); `never` fails none.
public enum FailOn: String, CaseIterable, Sendable {
    case info, warning, error, never

    var threshold: Severity? { Severity(rawValue: rawValue) }
}

/// How a run of `check` or `audit` ended, as scripts read it: 0, 1 or 2.
public enum RunVerdict: Int32, Sendable {
    /// Nothing at or above the threshold was found.
    case clean = 0
    /// Something at or above the threshold was found.
    case findings = 1
    /// Nothing could be read: no input opened, or every record in them failed (bad JSON, too large).
    case unusable = 2

    /// The verdict on a run: `opened` says whether any input could be opened at all.
    public init(_ summary: RunSummary, opened: Bool, failOn: FailOn) {
        if !opened || summary.checked == 0 && summary.failed > 0 {
            self = .unusable
        } else if let highest = summary.highestSeverity, let threshold = failOn.threshold, highest >= threshold {
            self = .findings
        } else {
            self = .clean
        }
    }
}
