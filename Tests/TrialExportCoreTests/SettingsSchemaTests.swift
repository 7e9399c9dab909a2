import Foundation
import Testing
import TestSupport
import TrialExportCore

/// `schema/settings.schema.json` is built from the site-wide keys and each registered format's own section entry.
@Suite struct SettingsSchemaTests {
    @Test func theSchemaFileIsWhatTheFormatsDeclare() throws {
        try TestSupport.expectGolden(try SettingsSchema.json(), at: TestSupport.repoRoot.appendingPathComponent("schema/settings.schema.json"))
    }

    @Test func everyRegisteredSectionHasItsEntry() throws {
        let root = try #require(try JSONSerialization.jsonObject(with: try SettingsSchema.json()) as? [String: Any])
        let properties = try #require(root["properties"] as? [String: Any])
        for section in ExporterRegistry.settingsSections { #expect(properties[section.key] != nil, "\(section.key)") }
        #expect(properties["pdf"] != nil && properties["newsletter"] != nil)
    }
}
