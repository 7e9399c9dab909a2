import ExportKit
import Foundation
import TrialModel

/// The JSON Schema of `trialexport.yaml` (`schema/settings.schema.json`): the site-wide keys and lint's, then each
/// registered format's section as that format declares it. A test keeps the file equal to what this builds.
public enum SettingsSchema {
    public static func json(sections: [any SettingsSection.Type] = ExporterRegistry.settingsSections) throws -> Data {
        var properties: [String: any Sendable] = [
            "siteName": ["type": "string", "minLength": 1, "description": "The site's name (PDF footer, EPUB and JSON-LD publisher context)."] as [String: any Sendable],
            "publisher": ["type": "string", "minLength": 1, "description": "PDF Author, EPUB creator, JSON-LD publisher."] as [String: any Sendable],
            "baseURL": ["type": "string", "pattern": "^https?://", "description": "Absolute http(s) URL; a summary's page is baseURL + id."] as [String: any Sendable],
            "lint": ["type": "object", "additionalProperties": false, "description": "Targets and levels for `trialexport lint`.",
                     "properties": [
                        "maxGrade": ["type": "number", "minimum": 1, "maximum": 20] as [String: any Sendable],
                        "maxSentenceWords": ["type": "integer", "minimum": 5, "maximum": 200] as [String: any Sendable],
                        "readabilityLevel": ["enum": LintSettings.Level.allCases.map(\.rawValue)] as [String: any Sendable],
                        "failOn": ["enum": LintSettings.Level.allCases.map(\.rawValue)] as [String: any Sendable],
                        "acronyms": ["type": "array", "items": ["type": "string"] as [String: any Sendable]] as [String: any Sendable],
                     ] as [String: any Sendable]] as [String: any Sendable],
        ]
        for section in sections { properties[section.key] = section.jsonSchema }
        let root: [String: any Sendable] = [
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": "https://cleartrials.example.org/schema/settings.schema.json",
            "title": "trialexport settings (trialexport.yaml)",
            "description": "Project settings; every key is optional and has a default. See README, 'Settings'.",
            "type": "object", "additionalProperties": false, "properties": properties,
        ]
        var data = try JSONSerialization.data(withJSONObject: root, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        data.append(contentsOf: Array("\n".utf8))
        return data
    }
}
