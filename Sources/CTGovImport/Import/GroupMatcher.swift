import TrialModel

/// Maps a results module's groups (OG000, EG000…) onto a summary's arms by title, never by position: a group
/// matches an arm whose label reads the same (ignoring case and list numbering) or whose id is the slug the
/// importer makes of that title.
struct GroupMatcher {
    let arms: [Arm]

    /// group id → arm id, or why the groups cannot be matched.
    func match(_ groups: [(id: String, title: String)]) -> Result<[String: String], Unmatched> {
        var mapping: [String: String] = [:]
        for g in groups {
            let key = Vocabulary.matchKey(g.title)
            let candidates = arms.filter { Vocabulary.matchKey($0.label) == key || $0.id == Slug.make(key) }
            guard candidates.count == 1 else {
                return .failure(Unmatched(reason: candidates.isEmpty ? "group '\(g.title)' (\(g.id)) matches no arm"
                                          : "group '\(g.title)' (\(g.id)) matches several arms"))
            }
            if let other = mapping.first(where: { $0.value == candidates[0].id }) {
                return .failure(Unmatched(reason: "groups \(other.key) and \(g.id) both match arm '\(candidates[0].id)'"))
            }
            mapping[g.id] = candidates[0].id
        }
        let covered = Set(mapping.values)
        if let missing = arms.first(where: { !covered.contains($0.id) }) {
            return .failure(Unmatched(reason: "arm '\(missing.id)' has no group in the registry's results"))
        }
        return .success(mapping)
    }

    struct Unmatched: Error { var reason: String }
}
