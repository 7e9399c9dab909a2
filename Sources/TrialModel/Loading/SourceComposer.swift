import CYaml
import Yams

/// Composes a summary source into a `SourceTree` straight from libyaml's events (the parser Yams wraps).
///
/// Only the plain case is composed here: one document, no explicit tags, scalar keys without repeats, aliases
/// to anchors already defined. Anything else, and every syntax error, goes to `Yams.compose` instead, so the
/// nodes, marks and errors (`YamlError`, with its text and position) are exactly Yams's.
enum SourceComposer {
    /// The document's root; nil for an empty stream. Throws Yams's error for a file Yams refuses.
    /// `allowedCharacters`: the caller has found none of the characters YAML does not allow (`SourceBytes`).
    static func compose(yaml: String, allowedCharacters: Bool = false) throws -> SourceTree? {
        try compose(yaml: yaml, preload: true, allowedCharacters: allowedCharacters)
    }

    /// `preload: false` lets libyaml's reader decode the text as usual (tests compare the two).
    static func compose(yaml: String, preload: Bool, allowedCharacters: Bool = false) throws -> SourceTree? {
        var text = yaml
        // libyaml's reader accepts every character of text without those `disallowed` looks for.
        let clean = preload && (allowedCharacters || !SourceBytes.mayHoldDisallowed(yaml))
        let fast = text.withUTF8 { compose(bytes: $0, preload: clean) }
        switch fast {
        case .tree(let tree): return tree
        case .empty: return nil
        case .needsYams:
            guard let node = try Yams.compose(yaml: yaml, .basic) else { return nil }
            return SourceTree(node)
        }
    }

    private enum Outcome { case tree(SourceTree), empty, needsYams }

    private struct Open {
        var kind: SourceNode.Kind
        var line: Int
        var column: Int
        var start: Int
        var anchor: String?
    }

    private static func compose(bytes: UnsafeBufferPointer<UInt8>, preload: Bool) -> Outcome {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return .needsYams }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
        if preload { load(bytes, into: &parser) }

        var b = SourceTree.Builder()
        var anchors: [String: Int] = [:]
        var open: [Open] = []
        var pending: [Int] = []      // finished nodes not yet placed in their collection
        var documents = 0
        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(&parser, &event) == 1 else { return .needsYams }
            defer { yaml_event_delete(&event) }
            let line = Int(event.start_mark.line) + 1, column = Int(event.start_mark.column) + 1
            switch event.type {
            case YAML_STREAM_START_EVENT, YAML_DOCUMENT_END_EVENT:
                continue
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                // A second document is an error Yams words.
                if documents > 1 { return .needsYams }
            case YAML_STREAM_END_EVENT:
                guard let root = pending.first, pending.count == 1 else { return documents == 0 ? .empty : .needsYams }
                return .tree(SourceTree(items: b.items, strings: b.strings, children: b.children, root: root))
            case YAML_SCALAR_EVENT:
                let s = event.data.scalar
                guard s.tag == nil else { return .needsYams }
                let value = UnsafeBufferPointer(start: s.value, count: s.length)
                // Yams decodes scalars with Foundation, which may drop a leading byte-order mark.
                if value.count >= 3, value[0] == 0xEF, value[1] == 0xBB, value[2] == 0xBF { return .needsYams }
                let style = SourceNode.Style(rawValue: UInt8(truncatingIfNeeded: s.style.rawValue)) ?? .any
                let index = b.scalar(String(decoding: value, as: UTF8.self), style: style, line: line, column: column)
                if let a = s.anchor { anchors[String(cString: a)] = index }
                pending.append(index)
            case YAML_SEQUENCE_START_EVENT:
                let s = event.data.sequence_start
                guard s.tag == nil else { return .needsYams }
                open.append(Open(kind: .sequence, line: line, column: column, start: pending.count,
                                 anchor: s.anchor.map { String(cString: $0) }))
            case YAML_MAPPING_START_EVENT:
                let m = event.data.mapping_start
                guard m.tag == nil else { return .needsYams }
                open.append(Open(kind: .mapping, line: line, column: column, start: pending.count,
                                 anchor: m.anchor.map { String(cString: $0) }))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let o = open.popLast() else { return .needsYams }
                let entries = pending[o.start...]
                if o.kind == .mapping, !distinctScalarKeys(entries, b) { return .needsYams }
                let index = b.collection(o.kind, entries: entries, line: o.line, column: o.column)
                pending.removeSubrange(o.start...)
                if let a = o.anchor { anchors[a] = index }
                pending.append(index)
            case YAML_ALIAS_EVENT:
                guard let a = event.data.alias.anchor, let index = anchors[String(cString: a)] else { return .needsYams }
                pending.append(index)
            default:
                return .needsYams
            }
        }
    }

    /// Puts the whole text into libyaml's character buffer as its reader leaves it once the input is read: every
    /// character, then a NUL, the end of input reached. The reader then never runs: for UTF-8 it decodes and
    /// re-encodes the input a character at a time (yaml_parser_update_buffer, a quarter of composing). Only for
    /// text it would copy unchanged, which the caller has checked (valid UTF-8, as every String is, without a
    /// character the reader refuses), and that fits the buffer (48 KB; a larger file is read as usual). Marks
    /// and errors come from the scanner, which reads the same buffer either way (a test composes every source
    /// both ways).
    private static func load(_ bytes: UnsafeBufferPointer<UInt8>, into parser: inout yaml_parser_t) {
        guard let source = bytes.baseAddress, let start = parser.buffer.start, let end = parser.buffer.end,
              parser.buffer.pointer == start, parser.buffer.last == start, parser.unread == 0,
              parser.raw_buffer.pointer == parser.raw_buffer.last, bytes.count < end - start else { return }
        start.update(from: source, count: bytes.count)
        start[bytes.count] = 0
        // Characters are the bytes that do not continue one (10xxxxxx), counted eight bytes at a time.
        var continuing = 0, i = 0
        let raw = UnsafeRawPointer(source)
        while i + 8 <= bytes.count {
            let x = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            continuing += (x & ~(x << 1) & 0x8080_8080_8080_8080).nonzeroBitCount
            i += 8
        }
        while i < bytes.count { if bytes[i] & 0xC0 == 0x80 { continuing += 1 }; i += 1 }
        let characters = bytes.count - continuing
        parser.buffer.last = start + bytes.count + 1
        parser.unread = characters + 1
        parser.offset = bytes.count
        parser.eof = 1
    }

    /// Every key a scalar and no two alike: then Yams's duplicate-key check cannot fire.
    private static func distinctScalarKeys(_ entries: ArraySlice<Int>, _ b: SourceTree.Builder) -> Bool {
        var keys: [String] = []
        keys.reserveCapacity(entries.count / 2)
        var i = entries.startIndex
        while i < entries.endIndex {
            let item = b.items[entries[i]]
            guard item.kind == .scalar else { return false }
            keys.append(b.strings[item.first])
            i += 2
        }
        if keys.count <= 24 {
            for a in 0..<keys.count { for c in (a + 1)..<keys.count where keys[a] == keys[c] { return false } }
            return true
        }
        return Set(keys).count == keys.count
    }
}
