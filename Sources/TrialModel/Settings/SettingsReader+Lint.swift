extension SettingsReader {
    static let lintKeys = ["maxGrade", "maxSentenceWords", "readabilityLevel", "failOn", "acronyms"]

    /// The `lint:` block; each bad value is a located error and keeps its default.
    static func readLint(_ v: YAMLValue, into s: inout LintSettings) {
        guard let m = v.map(lintKeys) else { return }
        if let node = m.optional("maxGrade"), let d = node.decimal() {
            if (1...20).contains(d.value) { s.maxGrade = d.value } else { node.error("maxGrade must be a grade between 1 and 20") }
        }
        if let n = m.optional("maxSentenceWords")?.int(in: 5...200) { s.maxSentenceWords = n }
        if let l = m.optional("readabilityLevel")?.choice(LintSettings.Level.self) { s.readabilityLevel = l }
        if let l = m.optional("failOn")?.choice(LintSettings.Level.self) { s.failOn = l }
        if let a = m.optional("acronyms")?.textList() { s.acronyms = a }
    }
}
