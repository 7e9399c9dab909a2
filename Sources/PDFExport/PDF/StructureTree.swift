/// The structure tree cairo 1.16 wrote, completed with the renderer's notes: elements cut by a page
/// break or a line wrap joined into one, /Alt on figures, /Scope on header cells, /Contents on link
/// annotations, and the parent tree patched to match.
///
/// cairo writes one structure element per `cairo_tag_begin`, in document order, each an indirect object,
/// so a pre-order walk of its tree meets them in the order the canvas noted them; any mismatch is an
/// error, never a guess. Only the objects that change are written back.
final class StructureTree {
    final class Element {
        /// The element's object number, and its dictionary (with the finisher's changes) once it is needed:
        /// most elements are read without one (`PDFFile.structureElement`) and never change.
        let number: Int
        private var loaded: PDFDictionary?
        let name: String
        /// The element's /P as read (or as set).
        var parent: Int?
        /// The element's /Pg: the page of its integer MCIDs.
        let page: Int?
        var note = StructureNote(name: "")
        var kids: [Kid] = []
        /// Its kids changed (a continuation joined it or left it): /K is written again.
        var changed = false
        /// Its dictionary changed: written back.
        var dirty = false
        init(number: Int, dict: PDFDictionary?, name: String, parent: Int?, page: Int?) {
            self.number = number; loaded = dict; self.name = name; self.parent = parent; self.page = page
        }

        /// Sets `key` in the element's dictionary (read whole from `file` the first time) and marks it dirty.
        func set(_ key: String, _ value: PDFValue, in file: PDFFile) throws {
            var d = try loaded ?? file.dictionary(.ref(number))
            d[key] = value
            loaded = d
            dirty = true
        }

        var dictionary: PDFDictionary? { loaded }
    }

    enum Kid {
        case element(Element)
        /// Marked content `mcid` on page object `page` (the owner's /Pg), as cairo wrote it (`raw`: an integer or an MCR).
        case content(mcid: Int, page: Int?, raw: PDFValue)
        /// An object reference (a link annotation): the OBJR dictionary as cairo wrote it.
        case annotation(PDFValue)
    }

    private let file: PDFFile
    private let rootNumber: Int
    private var top: [Element] = []
    /// Continuations joined into the element before them.
    private var joined: [(from: Element, into: Element)] = []

    init(_ file: PDFFile, catalog: PDFDictionary, notes: [StructureNote]) throws {
        self.file = file
        guard let root = catalog["StructTreeRoot"]?.ref else { throw PDFError("no structure tree") }
        rootNumber = root
        var order: [Element] = []
        for kid in try file.dictionary(.ref(root))["K"]?.items ?? [] {
            if let e = try read(kid, inherited: nil, order: &order) { top.append(e) }
        }
        guard order.count == notes.count, zip(order, notes).allSatisfy({ $0.name == $1.name }) else {
            throw PDFError("structure tree (\(order.count) elements) does not match the \(notes.count) tags drawn")
        }
        for (element, note) in zip(order, notes) { element.note = note }
    }

    private func read(_ kid: PDFValue, inherited: Int?, order: inout [Element]) throws -> Element? {
        guard let number = kid.ref else { return nil }
        let e: Element, kids: [PDFValue]
        if let s = file.structureElement(number) {
            e = Element(number: number, dict: nil, name: s.name, parent: s.parent, page: s.page ?? inherited)
            kids = s.kids
        } else {
            let d = try file.dictionary(kid)
            guard let s = d["S"]?.name else { return nil }
            e = Element(number: number, dict: d, name: s, parent: d["P"]?.ref, page: d["Pg"]?.ref ?? inherited)
            kids = d["K"]?.items ?? []
        }
        order.append(e)
        e.kids.reserveCapacity(kids.count)
        for kid in kids {
            switch kid {
            case .int(let mcid):
                e.kids.append(.content(mcid: mcid, page: e.page, raw: kid))
            case .ref:
                if let child = try read(kid, inherited: e.page, order: &order) { e.kids.append(.element(child)) }
            case .dict(let k):
                if let mcid = k["MCID"]?.int {
                    e.kids.append(.content(mcid: mcid, page: k["Pg"]?.ref ?? e.page, raw: kid))
                } else {
                    e.kids.append(.annotation(kid))
                }
            default:
                break
            }
        }
        return e
    }

    /// Joins continuations, adds the notes' attributes and annotation descriptions, writes the changed
    /// elements back and points the parent tree at the elements that absorbed the joined ones.
    func complete() throws {
        for e in top { e.kids = join(e.kids, owner: e) }
        for e in top { try write(e) }
        try patchParentTree()
        // A joined continuation is referenced by nothing now: it leaves the file.
        for (from, _) in joined { file.remove(from.number) }
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

    private func write(_ e: Element) throws {
        if e.changed {
            var k: [PDFValue] = []
            for kid in e.kids {
                switch kid {
                case .element(let child):
                    // Only a kid moved here from a joined element has a new parent: the others keep cairo's bytes.
                    if child.parent != e.number {
                        try child.set("P", .ref(e.number), in: file)
                        child.parent = e.number
                    }
                    k.append(.ref(child.number))
                case .content(let mcid, let page, let raw):
                    if let page, raw.int != nil, page != e.page {
                        k.append(.dict(PDFDictionary(["Type": .name("MCR"), "Pg": .ref(page), "MCID": .int(mcid)])))
                    } else {
                        k.append(raw)
                    }
                case .annotation(let raw):
                    k.append(raw)
                }
            }
            // One kid is written as itself, not as a one-item array (both are valid; some checkers read only this).
            try e.set("K", k.count == 1 ? k[0] : .array(k), in: file)
        }
        if let alt = e.note.alt { try e.set("Alt", .text(alt), in: file) }
        if let scope = e.note.scope {
            try e.set("A", .dict(PDFDictionary(["O": .name("Table"), "Scope": .name(scope)])), in: file)
        }
        for kid in e.kids {
            switch kid {
            case .element(let child):
                try write(child)
            case .annotation(let raw):
                if let contents = e.note.contents, let annotation = raw.dict?["Obj"]?.ref {
                    var a = try file.dictionary(.ref(annotation))
                    a["Contents"] = .text(contents)
                    file.set(annotation, .dict(a))
                }
            case .content:
                break
            }
        }
        if e.dirty, let d = e.dictionary { file.set(e.number, .dict(d)) }
    }

    /// cairo's parent tree maps each page's MCIDs and each annotation to the element that held it; the
    /// entries of joined elements now point at the element they joined.
    private func patchParentTree() throws {
        guard !joined.isEmpty else { return }
        let root = try file.dictionary(.ref(rootNumber))
        guard let treeRef = root["ParentTree"] else { return }
        var tree = try file.dictionary(treeRef)
        guard var nums = tree["Nums"]?.items else { return }
        var byKey: [Int: Int] = [:]     // key → index of its value in /Nums
        for i in stride(from: 0, to: nums.count - 1, by: 2) { if let key = nums[i].int { byKey[key] = i + 1 } }
        var numsChanged = false
        for (from, into) in joined {
            for kid in from.kids {
                switch kid {
                case .content(let mcid, let page, _):
                    guard let page, let key = try file.dictionary(.ref(page))["StructParents"]?.int, let at = byKey[key] else { continue }
                    if let arrayRef = nums[at].ref {
                        var items = try file.resolve(.ref(arrayRef)).items
                        guard mcid < items.count else { continue }
                        items[mcid] = .ref(into.number)
                        file.set(arrayRef, .array(items))
                    } else {
                        var items = nums[at].items
                        guard mcid < items.count else { continue }
                        items[mcid] = .ref(into.number)
                        nums[at] = .array(items)
                        numsChanged = true
                    }
                case .annotation(let raw):
                    guard let annotation = raw.dict?["Obj"],
                          let key = try file.dictionary(annotation)["StructParent"]?.int, let at = byKey[key] else { continue }
                    nums[at] = .ref(into.number)
                    numsChanged = true
                case .element:
                    break
                }
            }
        }
        guard numsChanged else { return }
        tree["Nums"] = .array(nums)
        if let n = treeRef.ref {
            file.set(n, .dict(tree))
        } else {
            var r = root
            r["ParentTree"] = .dict(tree)
            file.set(rootNumber, .dict(r))
        }
    }
}
