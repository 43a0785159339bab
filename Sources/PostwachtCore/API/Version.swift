/// postwacht's version, as `--version`, SARIF's driver and the service report it.
public enum PostwachtVersion {
    /// The version, as `postwacht --version` prints it.
    public static let string = "0.1.0"
}
