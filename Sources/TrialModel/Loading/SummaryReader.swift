import Yams

/// Reads one summary source (YAML) into the model, reporting every problem with its location.
public enum SummaryReader {
    public struct Result: Sendable {
        public var summary: Summary?
        public var diagnostics: [Diagnostic]
        /// Where the `id` field is, for library-wide duplicate checks.
        public var idLine: Int
        public var idColumn: Int
        /// Where each field is, recorded from the tree just parsed when asked (nil when the file did not load).
        public var positions: FieldPositions? = nil
    }

    /// Reads a source's bytes: checked for encoding and size first, so those errors are located too.
    public static func read(bytes: [UInt8], file: String, recordingPositions: Bool = false) -> Result {
        switch SourceBytes.text(bytes, file: file) {
        case .success(let text): read(yaml: text, file: file, recordingPositions: recordingPositions, checked: true)
        case .failure(let d): Result(summary: nil, diagnostics: [d], idLine: 1, idColumn: 1)
        }
    }

    /// `recordingPositions`: keep where each field is (`Result.positions`), from the tree parsed here.
    public static func read(yaml: String, file: String, recordingPositions: Bool = false) -> Result {
        read(yaml: yaml, file: file, recordingPositions: recordingPositions, checked: false)
    }

    /// `checked`: `SourceBytes.text` has already looked for the characters YAML does not allow (each look is a
    /// pass over the whole file).
    static func read(yaml: String, file: String, recordingPositions: Bool, checked: Bool) -> Result {
        let log = DiagnosticLog(file: file)
        if yaml.utf8.count > Limits.fileBytes {
            log.add(.error, line: 1, column: 1, field: "", SourceCheck.tooBig(yaml.utf8.count))
            return Result(summary: nil, diagnostics: log.items, idLine: 1, idColumn: 1)
        }
        if !checked, let d = SourceBytes.disallowed(in: yaml, file: file) {
            return Result(summary: nil, diagnostics: [d], idLine: 1, idColumn: 1)
        }
        let root: SourceNode
        do {
            // Composed from libyaml's events; Yams (basic resolver: every scalar a string) only for what the
            // fast path leaves to it, errors included.
            guard let tree = try SourceComposer.compose(yaml: yaml, allowedCharacters: true) else {
                log.add(.error, line: 1, column: 1, field: "", "the file is empty")
                return Result(summary: nil, diagnostics: log.items, idLine: 1, idColumn: 1)
            }
            root = tree.root
        } catch let e as YamlError {
            let (line, column, message) = describe(e)
            log.add(.error, line: line, column: column, field: "", "YAML syntax: \(message)")
            return Result(summary: nil, diagnostics: log.items, idLine: 1, idColumn: 1)
        } catch {
            log.add(.error, line: 1, column: 1, field: "", "YAML syntax: \(error)")
            return Result(summary: nil, diagnostics: log.items, idLine: 1, idColumn: 1)
        }
        let ctx = ReadContext(log: log)
        let top = YAMLValue(node: root, path: "", log: log)
        let summary = ctx.summary(top)
        let idNode = top.map(SummaryKeys.top.all).flatMap { $0.optional("id") }
        let loaded = log.hasErrors ? nil : summary
        return Result(summary: loaded, diagnostics: sorted(log.items),
                      idLine: idNode?.line ?? 1, idColumn: idNode?.column ?? 1,
                      positions: loaded == nil || !recordingPositions ? nil : FieldPositions(root: root))
    }

    static func sorted(_ d: [Diagnostic]) -> [Diagnostic] {
        var seen = Set<String>()
        return d.sorted { ($0.line, $0.column) < ($1.line, $1.column) }.filter { seen.insert($0.description).inserted }
    }

    /// A YAML syntax error's line, column and message, for located diagnostics.
    public static func describe(_ e: YamlError) -> (Int, Int, String) {
        switch e {
        case .scanner(let c, let p, let m, _), .parser(let c, let p, let m, _), .composer(let c, let p, let m, _):
            return (m.line, m.column, [c?.text, p].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": "))
        case .reader(let p, _, _, _):
            return (1, 1, "not readable text (\(p)); save the file as UTF-8")
        case .duplicatedKeysInMapping(let dups, let c):
            return (c.mark.line, c.mark.column, "duplicate keys \(dups.joined(separator: ", "))")
        default:
            return (1, 1, "\(e)")
        }
    }
}

/// The known keys of each mapping in the source format; the JSON Schema mirrors these lists.
enum SummaryKeys {
    struct Keys {
        let required: [String]
        let optional: [String]
        var all: [String] { required + optional }
    }
    static let top = Keys(required: ["schemaVersion", "id", "title", "lead", "cancerType", "category", "language",
                                     "reviewed", "trial", "arms", "outcomes", "sections"],
                          optional: ["tags", "version", "glossary", "brief", "translationOf"])
    static let trial = Keys(required: ["name", "registryIds", "condition", "phase", "design", "enrollment", "status"],
                            optional: ["officialTitle", "countries", "locations", "sponsor", "publication",
                                       "startDate", "completionDate", "protocolNumber", "euTrialNumber",
                                       "sponsorContact", "population", "eligibility", "followUpTrials"])
    static let population = Keys(required: [], optional: ["regions", "ageGroups", "sexes"])
    static let populationCount = Keys(required: ["label", "people"], optional: [])
    static let eligibility = Keys(required: [], optional: ["inclusion", "exclusion"])
    static let design = Keys(required: ["randomized", "masking", "multicenter", "international"],
                             optional: ["allocationRatio", "placeboControlled"])
    static let publication = Keys(required: ["journal", "year"], optional: ["journalShort", "title", "date", "doi", "url"])
    static let arm = Keys(required: ["id", "label", "shortLabel", "description", "interventions"],
                          optional: ["participants", "control"])
    static let intervention = Keys(required: ["name", "role"], optional: ["class", "dosing"])
    static let outcome = Keys(required: ["id", "name", "label", "role", "kind", "unit", "direction"],
                              optional: ["explanation", "values", "effect", "maturity", "finding", "counts"])
    static let effect = Keys(required: ["measure", "value"], optional: ["ci", "ciLevel", "p", "meaning"])
    static let section = Keys(required: ["kind", "heading", "content"], optional: ["id"])
    static let blocks = ["paragraph", "list", "subheading", "qa", "quote", "outcome", "registry-link"]
    static let qa = Keys(required: ["question", "answer"], optional: [])
    static let quote = Keys(required: ["text"], optional: ["attribution"])
    static let brief = Keys(required: [], optional: ["leaveOut"])
    static let glossary = Keys(required: ["id", "term", "definition"], optional: [])
}
