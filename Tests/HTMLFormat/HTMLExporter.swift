import ArgumentParser
import ExportKit
import Foundation
import TrialModel
import XMLKit

/// A fifth format that trialexport does not ship: one XHTML page per summary, `html/<id>.html`. It exists to show
/// that a format owns all of itself (settings section, options, command, output folder) and needs nothing else.
struct HTMLExporter: Exporter {
    static let info = FormatInfo(name: "html", title: "HTML page (test format)", mediaType: "application/xhtml+xml",
                                 hasCollection: false, abstract: "Export one HTML page per summary (a test format).")
    typealias CommandOptions = HTMLCommandOptions
    static var settingsSection: (any SettingsSection.Type)? { HTMLSettings.self }

    let context: ExportContext
    let settings: HTMLSettings
    let options: HTMLOptions

    init(context: ExportContext) throws {
        self.context = context
        settings = context.settings[section: HTMLSettings.self]
        options = context.options[HTMLOptions.self] ?? HTMLOptions(withStylesheet: true)
    }

    func configurationFingerprint(collection: Bool) -> [UInt8] {
        ConfigurationFingerprint.site(context.settings) + ConfigurationFingerprint.of(settings.stylesheet, options.withStylesheet)
    }

    func render(_ item: LoadedSummary, variant: String, worker: WorkerCache) throws -> [OutputFile] {
        let xml = XMLBuilder()
        xml.doctype("html")
        let html = xml.root("html", namespace: "http://www.w3.org/1999/xhtml")
        html.set("lang", item.summary.language)
        let head = html.element("head")
        _ = head.element("title", text: item.summary.title)
        if options.withStylesheet { _ = head.element("link", ["rel": "stylesheet", "href": settings.stylesheet]) }
        let body = html.element("body")
        _ = body.element("h1", text: item.summary.title)
        _ = body.element("p", text: context.settings.siteName)
        return [OutputFile(path: Self.info.outputPath("\(item.id).html"), data: xml.serialize())]
    }
}

/// `html:` in trialexport.yaml.
struct HTMLSettings: SettingsSection {
    var stylesheet: String

    static let key = "html"
    static let defaults = HTMLSettings(stylesheet: "summary.css")

    static func read(_ value: YAMLValue) -> HTMLSettings {
        var s = defaults
        if let m = value.map(["stylesheet"]), let node = m.optional("stylesheet"), let v = node.text() {
            if v.hasSuffix(".css") { s.stylesheet = v } else { node.error("'\(v)' is not a .css file") }
        }
        return s
    }

    static var jsonSchema: [String: any Sendable] {
        ["type": "object", "additionalProperties": false,
         "properties": ["stylesheet": ["type": "string", "pattern": "\\.css$"] as [String: any Sendable]] as [String: any Sendable]]
    }
}

struct HTMLOptions: Sendable, Hashable {
    var withStylesheet: Bool
}

/// `trialexport-html html --no-stylesheet`.
struct HTMLCommandOptions: FormatCommandOptions {
    @Flag(name: .long, help: "Leave out the stylesheet link.")
    var noStylesheet = false

    func apply(to options: inout ExportOptions, resourceRoot: () -> URL) throws {
        options[HTMLOptions.self] = HTMLOptions(withStylesheet: !noStylesheet)
    }
}
