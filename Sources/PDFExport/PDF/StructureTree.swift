/// The structure tree cairo 1.16 wrote, completed with the renderer's notes: elements cut by a page
/// break or a line wrap joined into one, /Alt on figures, /Scope on header cells, /Contents on link
/// annotations, and the parent tree patched to match.
///
/// cairo writes one structure element per `cairo_tag_begin`, in document order, so a pre-order walk of
/// its tree meets them in the order the canvas noted them; any mismatch is an error, never a guess.
/// Only what changes is written back: every qpdf C API call costs, and a handout has hundreds of elements.
final class StructureTree {
    final class Element {
        let object: PDFObject
        let name: String
        /// The element's /Pg: the page of its integer MCIDs.
        let page: PDFObject?
        var note = StructureNote(name: "")
        var kids: [Kid] = []
        /// Its kids changed (a continuation joined it or left it): /K is written again.
        var changed = false
        init(object: PDFObject, name: String, page: PDFObject?) { self.object = object; self.name = name; self.page = page }
    }

    enum Kid {
        case element(Element)
        /// Marked content `mcid` on `page` (the owner's /Pg), as cairo wrote it (`raw`: an integer or an MCR).
        case content(mcid: Int, page: PDFObject?, raw: PDFObject)
        /// An object reference (a link annotation), as cairo wrote it.
        case annotation(PDFObject)
    }

    private let doc: QPDFDocument
    private let treeRoot: PDFObject
    private var top: [Element] = []
    /// Continuations joined into the element before them.
    private var joined: [(from: Element, into: Element)] = []

    init(_ doc: QPDFDocument, notes: [StructureNote]) throws {
        self.doc = doc
        guard let treeRoot = doc.root["StructTreeRoot"] else { throw PDFError("no structure tree") }
        self.treeRoot = treeRoot
        var order: [Element] = []
        for kid in treeRoot["K"]?.items ?? [] {
            if let e = read(kid, inherited: nil, order: &order) { top.append(e) }
        }
        guard order.count == notes.count, zip(order, notes).allSatisfy({ $0.name == $1.name }) else {
            throw PDFError("structure tree (\(order.count) elements) does not match the \(notes.count) tags drawn")
        }
        for (element, note) in zip(order, notes) { element.note = note }
    }

    private func read(_ object: PDFObject, inherited: PDFObject?, order: inout [Element]) -> Element? {
        guard let s = object["S"]?.name else { return nil }
        let e = Element(object: object, name: s, page: object["Pg"] ?? inherited)
        order.append(e)
        for kid in object["K"]?.items ?? [] {
            if let mcid = kid.int {
                e.kids.append(.content(mcid: mcid, page: e.page, raw: kid))
            } else if kid.isDictionary {
                if let child = read(kid, inherited: e.page, order: &order) {
                    e.kids.append(.element(child))
                } else if let mcid = kid["MCID"]?.int {
                    e.kids.append(.content(mcid: mcid, page: kid["Pg"] ?? e.page, raw: kid))
                } else {
                    e.kids.append(.annotation(kid))
                }
            }
        }
        return e
    }

    /// Joins continuations, adds the notes' attributes and annotation descriptions, writes the changed
    /// elements back and points the parent tree at the elements that absorbed the joined ones.
    func complete() {
        for e in top { e.kids = join(e.kids, owner: e) }
        for e in top { write(e) }
        patchParentTree()
    }

    /// Moves each continuation's kids into the sibling just before it, then does the same one level down
    /// (where the moved kids now follow the ones they continue).
    private func join(_ kids: [Kid], owner: Element) -> [Kid] {
        var out: [Kid] = []
        for kid in kids {
            if case .element(let e) = kid, e.note.continues, case .element(let previous)? = out.last, previous.name == e.name {
                previous.kids += e.kids
                previous.changed = true
                owner.changed = true
                joined.append((e, previous))
            } else {
                out.append(kid)
            }
        }
        for case .element(let e) in out { e.kids = join(e.kids, owner: e) }
        return out
    }

    private func write(_ e: Element) {
        if e.changed {
            let k = doc.array()
            for kid in e.kids {
                switch kid {
                case .element(let child):
                    child.object["P"] = e.object
                    k.append(child.object)
                case .content(let mcid, let page, let raw):
                    if let page, raw.isInteger, !(e.page.map(page.isSameObject) ?? false) {
                        k.append(doc.dictionary(["Type": doc.name("MCR"), "Pg": page, "MCID": doc.integer(mcid)]))
                    } else {
                        k.append(raw)
                    }
                case .annotation(let raw):
                    k.append(raw)
                }
            }
            // One kid is written as itself, not as a one-item array (both are valid; some checkers read only this).
            e.object["K"] = e.kids.count == 1 ? k.items[0] : k
        }
        if let alt = e.note.alt { e.object["Alt"] = doc.text(alt) }
        if let scope = e.note.scope { e.object["A"] = doc.dictionary(["O": doc.name("Table"), "Scope": doc.name(scope)]) }
        for kid in e.kids {
            switch kid {
            case .element(let child): write(child)
            case .annotation(let raw): if let contents = e.note.contents { raw["Obj"]?["Contents"] = doc.text(contents) }
            case .content: break
            }
        }
    }

    /// cairo's parent tree maps each page's MCIDs and each annotation to the element that held it; the
    /// entries of joined elements now point at the element they joined.
    private func patchParentTree() {
        guard !joined.isEmpty, let nums = treeRoot["ParentTree"]?["Nums"] else { return }
        let items = nums.items
        var byKey: [Int: Int] = [:]     // key → index of its value in /Nums
        for i in stride(from: 0, to: items.count - 1, by: 2) { if let key = items[i].int { byKey[key] = i + 1 } }
        for (from, into) in joined {
            for kid in from.kids {
                switch kid {
                case .content(let mcid, let page, _):
                    if let key = page?["StructParents"]?.int, let at = byKey[key] { items[at].set(mcid, into.object) }
                case .annotation(let raw):
                    if let key = raw["Obj"]?["StructParent"]?.int, let at = byKey[key] { nums.set(at, into.object) }
                case .element:
                    break
                }
            }
        }
    }
}
