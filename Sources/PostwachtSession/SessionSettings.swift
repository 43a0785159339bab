import Foundation
import PostwachtCore

/// What a front end was told about the engine: the CLI's shared flags, `serve`'s too. Every value is
/// optional and overrides the configuration file's setting of the same name.
public struct SessionSettings: Sendable {
    /// The configuration file; nil looks for postwacht.yaml from `workingDirectory` up.
    public var configFile: String?
    public var lexiconDirectory: String?
    public var policy: String?
    public var policyFiles: [String] = []
    public var policyDirectories: [String] = []
    public var organisation: String?
    public var channel: String?
    public var language: Language = .nl
    public var fingerprintKeyFile: String?
    /// Where the configuration file is looked for.
    public var workingDirectory = FileManager.default.currentDirectoryPath
    /// The running binary: the lexicons are found beside or above it.
    public var executablePath: String? = SessionSettings.runningExecutable()

    public init() {}

    /// The running binary, through symlinks.
    public static func runningExecutable() -> String? {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments.first
    }
}
