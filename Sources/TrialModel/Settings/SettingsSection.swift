/// A format's own part of `trialexport.yaml`, under its own top-level key (`pdf:`, `newsletter:`), with its own
/// defaults. The settings reader knows only the site-wide keys and the sections it is given (the registered
/// formats'), so adding a format never touches `Settings` or `SettingsReader`.
public protocol SettingsSection: Sendable, Equatable {
    /// Top-level key in `trialexport.yaml`.
    static var key: String { get }
    static var defaults: Self { get }
    /// The section read from its YAML value; each bad value is a located error on `value.log` and keeps its default.
    static func read(_ value: YAMLValue) -> Self
    /// The section's JSON Schema (draft 2020-12), for `schema/settings.schema.json`.
    static var jsonSchema: [String: any Sendable] { get }
}

extension SettingsSection {
    func isEqual(to other: any SettingsSection) -> Bool { (other as? Self) == self }
}
