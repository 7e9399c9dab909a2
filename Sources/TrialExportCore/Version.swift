/// The tool's version: shown by `--version`, written into output metadata and every input hash.
public enum TrialExportVersion {
    public static let current = "0.1.0"
}
