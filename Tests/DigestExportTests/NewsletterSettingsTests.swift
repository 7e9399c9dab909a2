import DigestExport
import Testing
import TrialModel

/// The `newsletter:` section belongs to the digest: read with its own keys, defaults and located errors.
@Suite struct NewsletterSettingsTests {
    func errors(_ yaml: String) -> [String] {
        SettingsReader.read(yaml: yaml, file: "s.yaml", sections: [NewsletterSettings.self]).1.map(\.description)
    }

    @Test func problemsAreLocated() {
        #expect(errors("newsletter:\n  from: \"A <a@x.org>, B <b@y.org>\"\n").first?.hasPrefix("s.yaml:2:9: error: newsletter.from") == true)
        #expect(errors("newsletter:\n  listId: no spaces allowed\n").first?.hasPrefix("s.yaml:2:11: error: newsletter.listId") == true)
        #expect(errors("newsletter:\n  unsubscribeMailto: \"mailto:a@x.org,b@y.org\"\n").count == 1)
        #expect(errors("newsletter:\n  from: \"\\\"Smith, Ann\\\" <a@x.org>\"\n").isEmpty)
        #expect(errors("newsletter:\n  form: x\n").first?.contains("unknown key 'form'; did you mean 'from'?") == true)
    }

    @Test func readValuesAndDefaults() throws {
        let (s, d) = SettingsReader.read(yaml: "newsletter:\n  subject: Weekly\n", file: "s.yaml", sections: [NewsletterSettings.self])
        #expect(d.isEmpty)
        let n = try #require(s)[section: NewsletterSettings.self]
        #expect(n.subject == "Weekly")
        #expect(n.from == NewsletterSettings.defaults.from)
        #expect(Settings.defaults[section: NewsletterSettings.self] == .defaults)
    }
}
