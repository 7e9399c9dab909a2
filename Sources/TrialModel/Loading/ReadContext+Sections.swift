import Yams

extension ReadContext {
    func sectionList(_ v: YAMLValue) -> [Section]? {
        guard let items = v.list(nonEmpty: true, limit: Limits.sections) else { return nil }
        var ids: [(String, YAMLValue)] = []
        let list = items.compactMap { item -> Section? in
            guard let s = section(item) else { return nil }
            ids.append((s.id, item.map(SummaryKeys.section.all)?.optional("id") ?? item))
            return s
        }
        unique(ids, what: "section")
        if !list.contains(where: { $0.kind == .disclaimer }) {
            v.error("a summary must end with a section of kind disclaimer")
        }
        let used = Set(list.flatMap(\.blocks).compactMap { b -> String? in if case .outcome(let id) = b { id } else { nil } })
        for id in outcomes.keys.sorted() where !used.contains(id) {
            v.warning("outcome '\(id)' is placed by no section: every format shows it under 'More results' after the last section; add '- outcome: \(id)' to a results section to place it")
        }
        return list
    }

    private func section(_ v: YAMLValue) -> Section? {
        guard let m = v.map(SummaryKeys.section.all) else { return nil }
        let kind = m.required("kind")?.choice(Section.Kind.self)
        let heading = m.required("heading")?.text()
        let explicitID = m.optional("id")?.slug()
        let blocks = m.required("content")?.list(nonEmpty: true)?.compactMap(block)
        guard let kind, let heading, let blocks else { return nil }
        return Section(id: explicitID ?? Slug.make(heading), kind: kind, heading: heading, blocks: blocks)
    }

    /// A block is a one-key mapping: `- paragraph: …`, `- list: […]`, `- qa: {question, answer}`, …
    private func block(_ v: YAMLValue) -> Block? {
        guard case .mapping(let mapping) = v.node, mapping.count == 1, let (k, n) = mapping.first.map({ ($0.key, $0.value) }),
              let key = k.string else {
            v.error("a content block is one of: \(SummaryKeys.blocks.map { "'\($0): …'" }.joined(separator: ", "))")
            return nil
        }
        let item = DraftMarker.unwrap(v.child(key, n), key: key)
        switch key {
        case "paragraph": return rich(item).map(Block.paragraph)
        case "list": return item.list(nonEmpty: true)?.compactMap { rich($0) }.nilIfEmpty.map(Block.list)
        case "subheading": return item.text().map(Block.subheading)
        case "qa":
            guard let m = item.map(SummaryKeys.qa.all) else { return nil }
            let q = m.required("question")?.text()
            let a = m.required("answer").flatMap(paragraphs)
            guard let q, let a else { return nil }
            return .questionAnswer(QuestionAnswer(question: q, answer: a))
        case "quote":
            guard let m = item.map(SummaryKeys.quote.all) else { return nil }
            let text = m.required("text").flatMap(paragraphs)
            let who = m.optional("attribution")?.text()
            return text.map { .quote(Quote(paragraphs: $0, attribution: who)) }
        case "outcome":
            guard let id = item.slug() else { return nil }
            guard outcomes[id] != nil else {
                let hint = Suggest.closest(to: id, in: Array(outcomes.keys)).map { "; did you mean '\($0)'?" } ?? ""
                item.error("no outcome with id '\(id)'\(hint)")
                return nil
            }
            return .outcome(id)
        case "registry-link":
            if item.bool() == false { item.error("write 'registry-link: true' or leave the block out") }
            return .registryLink
        default:
            let hint = Suggest.closest(to: key, in: SummaryKeys.blocks).map { "; did you mean '\($0)'?" } ?? ""
            YAMLValue(node: k, path: item.path, log: log).error("unknown content block '\(key)'\(hint)")
            return nil
        }
    }

    /// One paragraph as text, or several as a list.
    private func paragraphs(_ v: YAMLValue) -> [RichText]? {
        if case .sequence = v.node { return v.list(nonEmpty: true)?.compactMap { rich($0) } }
        return rich(v).map { [$0] }
    }
}

extension Array {
    var nilIfEmpty: Self? { isEmpty ? nil : self }
}
