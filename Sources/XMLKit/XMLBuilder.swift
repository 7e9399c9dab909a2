import CLibXML2
import Foundation

/// A small Swift face over the libxml2 tree API (EPUB documents, the PDF's XMP packet). Every element, attribute and text node is created by libxml2,
/// and libxml2 escapes all text when it serializes: no markup is ever built by concatenating strings.
///
/// The document owns its nodes; `Element` values are only valid while their document is alive, so a
/// builder function creates the document, fills it and serializes it before returning.
public final class XMLBuilder {
    public let doc: xmlDocPtr

    public init() {
        XMLBuilder.initializeLibrary
        doc = "1.0".withXMLChars { xmlNewDoc($0) }!
    }

    deinit { xmlFreeDoc(doc) }

    /// libxml2 must be initialised once, before threads use it (the batch engine renders on worker threads).
    /// A `static let` is initialised exactly once, thread-safely.
    private static let initializeLibrary: Void = { xmlInitParser() }()

    /// `<!DOCTYPE name>` with no public or system id (HTML's form for XHTML content documents).
    public func doctype(_ name: String) {
        _ = name.withXMLChars { xmlCreateIntSubset(doc, $0, nil, nil) }
    }

    /// A processing instruction before the root element (XMP's `<?xpacket?>` wrappers): `atEnd` puts it
    /// after the root instead.
    public func processingInstruction(_ target: String, _ content: String, atEnd: Bool = false) {
        let pi = target.withXMLChars { t in content.withXMLChars { xmlNewDocPI(doc, t, $0) } }!
        if let rootNode = xmlDocGetRootElement(doc) {
            if atEnd { xmlAddNextSibling(rootNode, pi) } else { xmlAddPrevSibling(rootNode, pi) }
        } else {
            xmlAddChild(UnsafeMutableRawPointer(doc).assumingMemoryBound(to: xmlNode.self), pi)
        }
    }

    /// Creates the root element in namespace `href`, declared as the default namespace or, with `prefix`,
    /// under that prefix.
    public func root(_ name: String, namespace href: String, prefix: String? = nil) -> Element {
        let node = name.withXMLChars { xmlNewDocNode(doc, nil, $0, nil) }!
        xmlDocSetRootElement(doc, node)
        let ns = href.withXMLChars { h in prefix.map { $0.withXMLChars { xmlNewNs(node, h, $0) } } ?? xmlNewNs(node, h, nil) }
        xmlSetNs(node, ns)
        return Element(node: node)
    }

    /// UTF-8 bytes with the XML declaration. `indent` adds line breaks and indentation only inside elements
    /// that hold no text at all (libxml2's rule), so mixed content is never altered; content documents
    /// make sure every inline container holds a text node (`Element.markMixed`).
    public func serialize(indent: Bool = true) -> Data {
        let buffer = xmlBufferCreate()!
        defer { xmlBufferFree(buffer) }
        var options = Int32(XML_SAVE_AS_XML.rawValue)
        if indent { options |= Int32(XML_SAVE_FORMAT.rawValue) }
        let ctxt = "UTF-8".withCString { xmlSaveToBuffer(buffer, $0, options) }
        xmlSaveDoc(ctxt, doc)
        xmlSaveClose(ctxt)
        guard let content = xmlBufferContent(buffer) else { return Data() }
        return Data(bytes: content, count: Int(xmlBufferLength(buffer)))
    }
}

extension XMLBuilder {
    /// An element inside an `XMLBuilder` document.
    public struct Element {
        public let node: xmlNodePtr

        public init(node: xmlNodePtr) { self.node = node }

        /// Appends a child element. `name` may carry a prefix (`dc:title`, `epub:type`) declared on this element
        /// or an ancestor; without one the child inherits this element's namespace.
        @discardableResult
        public func element(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], text: String? = nil) -> Element {
            let (prefix, local) = Element.split(name)
            let ns = prefix.map { lookupNamespace($0) }
            let child = local.withXMLChars { xmlNewChild(node, ns ?? nil, $0, nil) }!
            let e = Element(node: child)
            // A new element has no attributes yet: add them without `set`'s search for one to replace.
            for (k, v) in attributes { e.set(k, v, isNew: true) }
            if let text { e.text(text) }
            return e
        }

        /// Sets an attribute; `xml:lang` and other prefixed names go into their namespace. The value is stored
        /// as-is and escaped by the serializer.
        public func set(_ name: String, _ value: String) { set(name, value, isNew: false) }

        /// `isNew`: the element is known not to carry the attribute yet, so libxml2 need not look for one to
        /// replace (`xmlNewNsProp` appends, as `xmlSetNsProp` does for an attribute it does not find).
        private func set(_ name: String, _ value: String, isNew: Bool) {
            let clean = Element.xmlSafe(value)
            let (prefix, local) = Element.split(name)
            let ns = prefix.map { lookupNamespace($0) } ?? nil
            _ = local.withXMLChars { l in
                clean.withXMLChars { v in isNew ? xmlNewNsProp(node, ns, l, v) : xmlSetNsProp(node, ns, l, v) }
            }
        }

        /// Appends a text node (escaped by libxml2 on output).
        public func text(_ s: String) {
            let t = Element.xmlSafe(s).withXMLChars { xmlNewDocText(node.pointee.doc, $0) }
            xmlAddChild(node, t)
        }

        /// Declares `xmlns:prefix="href"` on this element (or the default namespace when `prefix` is nil).
        @discardableResult
        public func declareNamespace(_ href: String, prefix: String? = nil) -> xmlNsPtr? {
            href.withXMLChars { h in
                if let prefix { return prefix.withXMLChars { xmlNewNs(node, h, $0) } }
                return xmlNewNs(node, h, nil)
            }
        }

        /// Puts this element (and, by inheritance, the children created after this call) into `href`, declared
        /// here as the default namespace: used for inline `<svg>` inside XHTML.
        public func moveToDefaultNamespace(_ href: String) {
            xmlSetNs(node, declareNamespace(href))
        }

        /// Ensures the element holds at least one text node, so indentation never adds whitespace inside it
        /// (e.g. between `<strong>` and `<em>`, which a reader would render as a space). An empty text node
        /// serializes to nothing.
        public func markMixed() {
            var child = node.pointee.children
            while let c = child {
                if c.pointee.type == XML_TEXT_NODE { return }
                child = c.pointee.next
            }
            xmlAddChild(node, "".withXMLChars { xmlNewDocText(node.pointee.doc, $0) })
        }

        private func lookupNamespace(_ prefix: String) -> xmlNsPtr? {
            // `xml` is predeclared; libxml2 returns its namespace for that prefix.
            let ns = prefix.withXMLChars { xmlSearchNs(node.pointee.doc, node, $0) }
            precondition(ns != nil, "namespace prefix '\(prefix)' is not declared")
            return ns
        }

        /// Names are ASCII: looking for the colon among UTF-8 bytes avoids `Character` comparisons, which cost
        /// more than the rest of building an element (measured: docs/performance.md, issue 13).
        private static func split(_ name: String) -> (String?, String) {
            let utf8 = name.utf8
            guard let colon = utf8.firstIndex(of: UInt8(ascii: ":")) else { return (nil, name) }
            return (String(name[..<colon]), String(name[utf8.index(after: colon)...]))
        }

        /// Characters XML 1.0 cannot carry at all (C0 controls other than tab/newline/return, U+FFFE/U+FFFF).
        /// Validation rejects them in sources; this safety net keeps a document well-formed if one slips through.
        public static func xmlSafe(_ s: String) -> String {
            func ok(_ u: Unicode.Scalar) -> Bool {
                u.value >= 0x20 ? (u.value != 0xFFFE && u.value != 0xFFFF) : (u == "\t" || u == "\n" || u == "\r")
            }
            // Fast path over the UTF-8 bytes: no C0 control but tab, newline, return, and no 0xEF 0xBF 0xBE/0xBF
            // (U+FFFE, U+FFFF) — the bytes 0xBE/0xBF only occur as continuation bytes, so seeing neither after
            // 0xEF 0xBF proves the text clean without decoding scalars.
            if s.utf8.withContiguousStorageIfAvailable(Element.isClean) == true { return s }
            guard !s.unicodeScalars.allSatisfy(ok) else { return s }
            var out = String.UnicodeScalarView()
            for u in s.unicodeScalars { out.append(ok(u) ? u : "\u{FFFD}") }
            return String(out)
        }

        private static func isClean(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
            // Eight bytes at a time while no byte is below 0x20 or 0xEF (the lead byte of U+FFFE and U+FFFF):
            // such words are clean. The first word that holds one, and the tail, are looked at byte by byte.
            var start = 0
            if let base = UnsafeRawPointer(utf8.baseAddress) {
                let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
                while start + 8 <= utf8.count {
                    let w = base.loadUnaligned(fromByteOffset: start, as: UInt64.self)
                    let below20 = (w &- ones &* 0x20) & ~w & highs
                    let x = w ^ (ones &* 0xEF)
                    let hasEF = (x &- ones) & ~x & highs
                    if below20 | hasEF != 0 { break }
                    start += 8
                }
            }
            var lastTwo: UInt16 = 0
            for b in utf8[start...] {
                if b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D { return false }
                if lastTwo == 0xEFBF && (b == 0xBE || b == 0xBF) { return false }
                lastTwo = lastTwo << 8 | UInt16(b)
            }
            return true
        }
    }
}

extension String {
    /// Calls `body` with the string as a NUL-terminated `xmlChar` (UTF-8) buffer.
    /// Native strings are already NUL-terminated UTF-8, so `withCString` lends their bytes without the copy
    /// into a new array this used to make for every name, value and text node.
    public func withXMLChars<R>(_ body: (UnsafePointer<xmlChar>) -> R) -> R {
        withCString { $0.withMemoryRebound(to: xmlChar.self, capacity: utf8.count + 1, body) }
    }
}
