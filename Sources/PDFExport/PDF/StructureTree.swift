/// The structure tree cairo 1.16 wrote, completed with the renderer's notes: elements cut by a page
/// break or a line wrap joined into one, /Alt on figures, /Scope on header cells, /Contents on link
/// annotations, and a parent tree rebuilt to match.
///
/// cairo writes one structure element per `cairo_tag_begin`, in document order, so a pre-order walk of
/// its tree meets them in the order the canvas noted them; any mismatch is an error, never a guess.
final class StructureTree {
    final class Element {
        let object: PDFObject
        let name: String
        var note = StructureNote(name: "")
        var kids: [Kid] = []
        init(object: PDFObject, name: String) { self.object = object; self.name = name }
    }

    enum Kid {
        case element(Element)
        /// Marked content `mcid` on `page`.
        case content(page: PDFObject, mcid: Int)
        /// An annotation (a link's) belonging to the element.
        case annotation(PDFObject, page: PDFObject?)
    }

    private let doc: QPDFDocument
    private let treeRoot: PDFObject
    private var top: [Element] = []

    init(_ doc: QPDFDocument, notes: [StructureNote]) throws {
        self.doc = doc
        guard let treeRoot = doc.root["StructTreeRoot"] else { throw PDFError("no structure tree") }
        self.treeRoot = treeRoot
        var order: [Element] = []
        top = try read(treeRoot["K"], page: nil, into: &order)
        guard order.count == notes.count, zip(order, notes).allSatisfy({ $0.name == $1.name }) else {
            throw PDFError("structure tree (\(order.count) elements) does not match the \(notes.count) tags drawn")
        }
        for (element, note) in zip(order, notes) { element.note = note }
    }

    private func read(_ k: PDFObject?, page: PDFObject?, into order: inout [Element]) throws -> [Element] {
        var elements: [Element] = []
        for kid in k?.items ?? [] {
            guard kid.isDictionary, let s = kid["S"]?.name else { continue }
            let e = Element(object: kid, name: s)
            order.append(e)
            e.kids = try kids(of: e, page: kid["Pg"] ?? page, order: &order)
            elements.append(e)
        }
        return elements
    }

    private func kids(of e: Element, page: PDFObject?, order: inout [Element]) throws -> [Kid] {
        var out: [Kid] = []
        for kid in e.object["K"]?.items ?? [] {
            if let mcid = kid.int {
                guard let page else { throw PDFError("marked content \(mcid) without a page") }
                out.append(.content(page: page, mcid: mcid))
            } else if kid.isDictionary, kid["S"] != nil {
                let child = Element(object: kid, name: kid["S"]?.name ?? "")
                order.append(child)
                child.kids = try kids(of: child, page: kid["Pg"] ?? page, order: &order)
                out.append(.element(child))
            } else if kid.isDictionary, kid["Type"]?.name == "MCR", let mcid = kid["MCID"]?.int, let pg = kid["Pg"] ?? page {
                out.append(.content(page: pg, mcid: mcid))
            } else if kid.isDictionary, kid["Type"]?.name == "OBJR", let annotation = kid["Obj"] {
                out.append(.annotation(annotation, page: kid["Pg"] ?? page))
            }
        }
        return out
    }

    /// Joins continuations, adds the notes' attributes, writes every element back and rebuilds the
    /// parent tree.
    func complete() {
        top = join(top.map { .element($0) }).compactMap { if case .element(let e) = $0 { return e } else { return nil } }
        var parents: [Int: [Int: PDFObject]] = [:]     // page StructParents → MCID → element
        var annotationParents: [Int: PDFObject] = [:]
        var nextKey = 0
        var pageKeys: [Int: Int] = [:]                  // page object number → its StructParents
        for page in doc.pages {
            let key = page["StructParents"]?.int ?? -1
            if key >= 0 { pageKeys[page.objectID] = key; nextKey = max(nextKey, key + 1) }
        }
        func pageKey(_ page: PDFObject) -> Int {
            if let k = pageKeys[page.objectID] { return k }
            page["StructParents"] = doc.integer(nextKey)
            pageKeys[page.objectID] = nextKey
            nextKey += 1
            return nextKey - 1
        }

        func write(_ e: Element, parent: PDFObject) {
            e.object["P"] = parent
            let firstPage = e.kids.lazy.compactMap { kid -> PDFObject? in
                if case .content(let page, _) = kid { return page }
                return nil
            }.first
            if let firstPage { e.object["Pg"] = firstPage }
            let k = doc.array()
            for kid in e.kids {
                switch kid {
                case .element(let child):
                    write(child, parent: e.object)
                    k.append(child.object)
                case .content(let page, let mcid):
                    parents[pageKey(page), default: [:]][mcid] = e.object
                    if let firstPage, page.isSameObject(firstPage) {
                        k.append(doc.integer(mcid))
                    } else {
                        k.append(doc.dictionary(["Type": doc.name("MCR"), "Pg": page, "MCID": doc.integer(mcid)]))
                    }
                case .annotation(let annotation, let page):
                    var entries: KeyValuePairs<String, PDFObject> = ["Type": doc.name("OBJR"), "Obj": annotation]
                    if let page { entries = ["Type": doc.name("OBJR"), "Obj": annotation, "Pg": page] }
                    k.append(doc.dictionary(entries))
                    if let contents = e.note.contents { annotation["Contents"] = doc.text(contents) }
                    if let key = annotation["StructParent"]?.int {
                        annotationParents[key] = e.object
                    } else {
                        annotation["StructParent"] = doc.integer(nextKey)
                        annotationParents[nextKey] = e.object
                        nextKey += 1
                    }
                }
            }
            // One kid is written as itself, not as a one-item array (both are valid; some checkers read only this).
            let items = k.items
            e.object["K"] = items.count == 1 ? items[0] : k
            if let alt = e.note.alt { e.object["Alt"] = doc.text(alt) }
            if let scope = e.note.scope {
                e.object["A"] = doc.dictionary(["O": doc.name("Table"), "Scope": doc.name(scope)])
            }
        }

        let rootKids = doc.array()
        for e in top {
            write(e, parent: treeRoot)
            rootKids.append(e.object)
        }
        treeRoot["K"] = rootKids

        var entries: [(Int, PDFObject)] = annotationParents.map { ($0.key, $0.value) }
        for (key, byMCID) in parents {
            let count = (byMCID.keys.max() ?? -1) + 1
            entries.append((key, doc.array((0..<count).map { byMCID[$0] ?? doc.null })))
        }
        let nums = doc.array()
        for (key, value) in entries.sorted(by: { $0.0 < $1.0 }) {
            nums.append(doc.integer(key))
            nums.append(value)
        }
        treeRoot["ParentTree"] = doc.indirect(doc.dictionary(["Nums": nums]))
        treeRoot["ParentTreeNextKey"] = doc.integer(nextKey)
    }

    /// Moves each continuation's kids into the sibling just before it, then does the same one level down
    /// (where the moved kids now follow the ones they continue).
    private func join(_ kids: [Kid]) -> [Kid] {
        var out: [Kid] = []
        for kid in kids {
            if case .element(let e) = kid, e.note.continues, case .element(let previous)? = out.last, previous.name == e.name {
                previous.kids += e.kids
            } else {
                out.append(kid)
            }
        }
        for case .element(let e) in out { e.kids = join(e.kids) }
        return out
    }
}
