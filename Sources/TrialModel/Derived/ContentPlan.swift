/// The ordered parts every format renders, decided once: the EPUB, the digest's `.txt` and the full PDF
/// follow `full`; the brief handout follows `brief`, a filter over the same parts.
public struct ContentPlan: Sendable, Equatable {
    public enum Part: Sendable, Equatable {
        /// Title and (unless the brief leaves it out) the lead.
        case title(lead: Bool)
        case keyFacts
        /// A section by its index in `Summary.sections`, whole.
        case section(Int)
        /// Outcomes under a heading of their own: outcomes no section places, or the brief's picks.
        case outcomes(Group, ids: [String])
        case glossary
        /// Review date and the address of the summary online (with a QR code in print).
        case about
    }

    public enum Group: String, Sendable, Equatable {
        case moreResults = "more-results"
        case mainResult = "main-result"
        case sideEffects = "side-effects"

        public var heading: String { heading(in: .english) }

        public func heading(in words: Messages) -> String {
            switch self {
            case .moreResults: words[.groupMoreResults]
            case .mainResult: words[.groupMainResult]
            case .sideEffects: words[.groupSideEffects]
            }
        }
    }

    public var parts: [Part]

    /// Everything: title, key facts, the body sections, outcomes no section places, the glossary, the
    /// disclaimer(s), about.
    public static func full(_ s: Summary) -> ContentPlan {
        var parts: [Part] = [.title(lead: true), .keyFacts]
        let sections = s.sections.indices
        parts += sections.filter { s.sections[$0].kind != .disclaimer }.map(Part.section)
        let unplaced = unplacedOutcomes(s)
        if !unplaced.isEmpty { parts.append(.outcomes(.moreResults, ids: unplaced)) }
        parts.append(.glossary)
        parts += sections.filter { s.sections[$0].kind == .disclaimer }.map(Part.section)
        parts.append(.about)
        return ContentPlan(parts: parts)
    }

    /// The two-page handout: title, lead, key facts, the main outcome, side effects (safety outcomes with
    /// results), the bottom line, what it could mean, the disclaimer and the address online, minus what the
    /// summary's `brief.leaveOut` names.
    public static func brief(_ s: Summary, mainOutcome: String?) -> ContentPlan {
        let choice = s.brief
        var parts: [Part] = [.title(lead: !choice.leavesOut(.lead))]
        if !choice.leavesOut(.keyFacts) { parts.append(.keyFacts) }
        if let main = mainOutcome, !choice.leavesOut(.mainResult) { parts.append(.outcomes(.mainResult, ids: [main])) }
        let safety = s.outcomes.filter { $0.role == .safety && !$0.values.isEmpty && $0.id != mainOutcome
            && !choice.leaveOutOutcomes.contains($0.id) }.map(\.id)
        if !safety.isEmpty, !choice.leavesOut(.sideEffects) { parts.append(.outcomes(.sideEffects, ids: safety)) }
        for (kind, part) in [(Section.Kind.bottomLine, BriefChoice.Part.bottomLine), (.whatItMeans, .whatItMeans)]
        where !choice.leavesOut(part) {
            parts += s.sections.indices.filter { s.sections[$0].kind == kind }.map(Part.section)
        }
        parts += s.sections.indices.filter { s.sections[$0].kind == .disclaimer }.map(Part.section)
        parts.append(.about)
        return ContentPlan(parts: parts)
    }

    /// Outcomes no `outcome:` block places, in outcome order.
    public static func unplacedOutcomes(_ s: Summary) -> [String] {
        var placed = Set<String>()
        for section in s.sections {
            for case .outcome(let id) in section.blocks { placed.insert(id) }
        }
        return s.outcomes.map(\.id).filter { !placed.contains($0) }
    }

    /// Every outcome the plan shows, in order: what the number-consistency check expects in each format.
    public func outcomeIDs(in s: Summary) -> [String] {
        parts.flatMap { part -> [String] in
            switch part {
            case .section(let i): s.sections[i].blocks.compactMap { if case .outcome(let id) = $0 { id } else { nil } }
            case .outcomes(_, let ids): ids
            default: []
            }
        }
    }
}
