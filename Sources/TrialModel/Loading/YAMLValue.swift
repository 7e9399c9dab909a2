import Yams

/// A YAML node with its field path, read with located diagnostics instead of thrown errors,
/// so a file with ten problems reports all ten.
public struct YAMLValue {
    public let source: SourceNode
    public let log: DiagnosticLog
    /// The path is its parent's and a last step, joined when asked: most values are scalars read without a
    /// diagnostic, and joining every path up front was a tenth of reading a summary.
    private let parent: String
    private let step: Step

    fileprivate enum Step {
        case none
        case key(String)
        case index(Int)
    }

    /// Field path as diagnostics name it, e.g. `sections[2].content[0].paragraph`.
    public var path: String {
        switch step {
        case .none: return parent
        case .key(let key): return parent.isEmpty ? key : parent + "." + key
        case .index(let i): return parent + "[" + String(i) + "]"
        }
    }

    public init(node: SourceNode, path: String, log: DiagnosticLog) {
        self.init(node: node, parent: path, step: .none, log: log)
    }

    fileprivate init(node: SourceNode, parent: String, step: Step, log: DiagnosticLog) {
        self.source = node
        self.parent = parent
        self.step = step
        self.log = log
    }

    /// A node composed by Yams (layouts, settings).
    public init(node: Node, path: String, log: DiagnosticLog) {
        self.init(node: SourceTree(node).root, path: path, log: log)
    }

    public var node: SourceNode.Content { source.content }

    public var line: Int { source.line }
    public var column: Int { source.column }

    public func error(_ message: String) { log.add(.error, line: line, column: column, field: path, message) }
    public func warning(_ message: String) { log.add(.warning, line: line, column: column, field: path, message) }

    public var isNull: Bool {
        guard case .scalar(let s) = node, s.style == .plain else { return false }
        switch s.string {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }

    /// Text of a scalar, checked for control characters and mojibake.
    public func string(multiline: Bool = false) -> String? {
        guard case .scalar(let s) = node, !isNull else {
            error(isNull ? "must not be empty" : "expected text, found \(kindName)")
            return nil
        }
        let text = s.string
        log.textRead += text.utf8.count
        if log.textRead > Limits.fileBytes {
            if log.textRead - text.utf8.count <= Limits.fileBytes {
                error("the file holds more than \(Limits.fileBytes) bytes of text once its aliases (*name) are expanded")
            }
            return nil
        }
        let limit = multiline ? Limits.blockCharacters : Limits.lineCharacters
        if text.utf8.count > limit, text.count > limit {
            error("is \(text.count) characters long; the limit is \(limit) (split it into shorter \(multiline ? "paragraphs" : "text"))")
            return nil
        }
        if let bad = SourceText.forbiddenCharacter(in: text, allowNewlines: multiline) {
            error("contains the control character \(SourceText.describe(bad)); remove it")
        }
        if let fixed = Mojibake.repair(text) {
            warning("looks like mojibake (UTF-8 read as a legacy code page); did you mean \"\(excerpt(fixed, near: text))\"?")
        }
        return text
    }

    /// Non-empty single-line text.
    public func text() -> String? {
        guard let s = string() else { return nil }
        if s.allSatisfy(\.isWhitespace) { error("must not be empty"); return nil }
        return s
    }

    public func richText() -> RichText? {
        guard let s = string(multiline: true) else { return nil }
        if s.allSatisfy(\.isWhitespace) { error("must not be empty"); return nil }
        let (rich, problems) = InlineParser.parse(normalizeSpace(s))
        for p in problems { error(p.message) }
        return rich
    }

    public func int(in range: ClosedRange<Int>? = nil) -> Int? {
        guard case .scalar(let s) = node, s.style == .plain || s.style == .any, let v = Int(s.string) else {
            error("expected a whole number, found \(describeScalar)")
            return nil
        }
        if let r = range, !r.contains(v) { error("\(v) is outside \(r.lowerBound)…\(r.upperBound)"); return nil }
        return v
    }

    public func decimal() -> DecimalNumber? {
        guard case .scalar(let s) = node, let n = DecimalNumber(s.string) else {
            error("expected a number like 44.3, found \(describeScalar)")
            return nil
        }
        if n.digitCount > Limits.numberDigits {
            error("has \(n.digitCount) digits; numbers have at most \(Limits.numberDigits) (round it as published)")
            return nil
        }
        return n
    }

    public func bool() -> Bool? {
        guard case .scalar(let s) = node, s.style == .plain || s.style == .any else {
            error("expected true or false, found \(describeScalar)"); return nil
        }
        switch s.string {
        case "true": return true
        case "false": return false
        default: error("expected true or false, found \(describeScalar)"); return nil
        }
    }

    public func day() -> Day? {
        guard case .scalar(let s) = node, let d = Day(s.string) else {
            error("expected a date YYYY-MM-DD, found \(describeScalar)"); return nil
        }
        return d
    }

    public func slug() -> String? {
        guard let s = text() else { return nil }
        guard s.utf8.count <= Limits.idCharacters else {
            error("is \(s.count) characters long; ids have at most \(Limits.idCharacters)"); return nil
        }
        guard Slug.isValid(s) else { error("'\(s)' is not a valid id: use lower-case letters, digits and dashes"); return nil }
        return s
    }

    public func choice<E: RawRepresentable & CaseIterable>(_ type: E.Type) -> E? where E.RawValue == String {
        guard let s = text() else { return nil }
        if let v = E(rawValue: s) { return v }
        let options = E.allCases.map(\.rawValue)
        let hint = Suggest.closest(to: s, in: options).map { "; did you mean '\($0)'?" } ?? ""
        error("'\(s)' is not one of: \(options.joined(separator: ", "))\(hint)")
        return nil
    }

    /// Items of a sequence; an empty list is allowed unless `nonEmpty`; longer than `limit` is an error.
    public func list(nonEmpty: Bool = false, limit: Int = Limits.items) -> [YAMLValue]? {
        guard case .sequence(let seq) = node else {
            error(isNull ? "must not be empty" : "expected a list, found \(kindName)"); return nil
        }
        if nonEmpty && seq.isEmpty { error("must list at least one item") }
        if seq.count > limit { error("lists \(seq.count) items; the limit is \(limit)"); return nil }
        let base = path
        return seq.enumerated().map { YAMLValue(node: $1, parent: base, step: .index($0), log: log) }
    }

    public func textList() -> [String]? { list()?.compactMap { $0.text() } }

    /// A mapping whose keys must all be in `keys`; unknown keys are reported with a suggestion.
    public func map(_ keys: [String]) -> YAMLMap? {
        guard case .mapping(let m) = node else {
            error(isNull ? "must not be empty" : "expected a mapping (key: value), found \(kindName)"); return nil
        }
        if m.count > Limits.items { error("has \(m.count) keys; the limit is \(Limits.items)"); return nil }
        return YAMLMap(mapping: m, owner: self, known: keys)
    }

    public func child(_ key: String, _ node: SourceNode) -> YAMLValue {
        YAMLValue(node: node, parent: path, step: .key(key), log: log)
    }

    public var kindName: String {
        switch node {
        case .scalar: "text \(describeScalar)"
        case .mapping: "a mapping"
        case .sequence: "a list"
        }
    }

    private var describeScalar: String {
        if case .scalar(let s) = node { return isNull ? "nothing" : "'\(s.string.prefix(40))'" }
        return kindName
    }

    /// Folds the line breaks YAML keeps in literal blocks into spaces, keeping text one paragraph.
    private func normalizeSpace(_ s: String) -> String {
        guard SourceText.mayHoldNewline(s) else { return s }
        return s.split(whereSeparator: \.isNewline).map { $0.trimmed }.filter { !$0.isEmpty }.joined(separator: " ")
    }

    private func excerpt(_ fixed: String, near original: String) -> String {
        fixed.count <= 80 ? fixed : String(fixed.prefix(77)) + "…"
    }
}

/// The key/value pairs of a mapping, read by name. Arrays searched in order, not a dictionary: a mapping has a
/// handful of keys, and hashing every key twice was a visible part of loading.
public struct YAMLMap {
    public let owner: YAMLValue
    public private(set) var keys: [String] = []
    private var values: [YAMLValue] = []

    init(mapping: SourceNode.Mapping, owner: YAMLValue, known: [String]) {
        self.owner = owner
        keys.reserveCapacity(mapping.count)
        values.reserveCapacity(mapping.count)
        // The owner's path joined once for all its children.
        let base = owner.path
        for (k, v) in mapping {
            guard let key = k.string else { owner.child("?", k).error("keys must be text"); continue }
            if keys.contains(key) { owner.child(key, k).error("duplicate key '\(key)'"); continue }
            if !known.contains(key) {
                let hint = Suggest.closest(to: key, in: known).map { "; did you mean '\($0)'?" } ?? ""
                owner.child(key, k).error("unknown key '\(key)'\(hint)")
                continue
            }
            keys.append(key)
            values.append(DraftMarker.unwrap(YAMLValue(node: v, parent: base, step: .key(key), log: owner.log), key: key))
        }
    }

    private func value(_ key: String) -> YAMLValue? {
        keys.firstIndex(of: key).map { values[$0] }
    }

    public func optional(_ key: String) -> YAMLValue? {
        guard let v = value(key), !v.isNull else { return nil }
        return v
    }

    public func required(_ key: String) -> YAMLValue? {
        guard let v = optional(key) else {
            let written = value(key)
            owner.log.add(.error, line: written?.line ?? owner.line, column: written?.column ?? owner.column,
                          field: owner.path.isEmpty ? key : "\(owner.path).\(key)", "missing required field '\(key)'")
            return nil
        }
        return v
    }
}

extension StringProtocol {
    /// Without leading and trailing spaces and tabs; Foundation's `trimmingCharacters` bridges through NSString.
    var trimmed: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }),
              let last = scalars.lastIndex(where: { $0 != " " && $0 != "\t" }) else { return "" }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars[first...last])
        return String(out)
    }
}
