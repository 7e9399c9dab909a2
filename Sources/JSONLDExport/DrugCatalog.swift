import Foundation
import TrialModel

/// The distinct drugs of a trial and their classes, in first-mention order across arms, each with a fragment
/// key. Arms share drugs (trastuzumab is in both PATINA arms), and the graph must declare each node once.
struct DrugCatalog {
    struct Entry {
        var key: String
        var intervention: Intervention
    }

    struct ClassEntry {
        var key: String
        var name: String
        /// Keys of the drugs in this class, in catalog order.
        var drugKeys: [String]
    }

    private(set) var drugs: [Entry] = []
    private(set) var classes: [ClassEntry] = []
    private var drugByName: [String: Int] = [:]
    private var classByName: [String: Int] = [:]

    init(arms: [Arm]) {
        var usedDrugKeys = Set<String>(), usedClassKeys = Set<String>()
        for intervention in arms.flatMap(\.interventions) {
            let name = DrugCatalog.normalized(intervention.name)
            guard drugByName[name] == nil else { continue }
            let key = DrugCatalog.uniqueKey(intervention.name, &usedDrugKeys)
            drugByName[name] = drugs.count
            drugs.append(Entry(key: key, intervention: intervention))
            guard let cls = intervention.drugClass, !cls.isEmpty else { continue }
            let className = DrugCatalog.normalized(cls)
            if let i = classByName[className] {
                classes[i].drugKeys.append(key)
            } else {
                classByName[className] = classes.count
                classes.append(ClassEntry(key: DrugCatalog.uniqueKey(cls, &usedClassKeys), name: cls, drugKeys: [key]))
            }
        }
    }

    func drugKey(_ intervention: Intervention) -> String? {
        drugByName[DrugCatalog.normalized(intervention.name)].map { drugs[$0].key }
    }

    func classKey(_ name: String) -> String? {
        classByName[DrugCatalog.normalized(name)].map { classes[$0].key }
    }

    /// "Trastuzumab" and "trastuzumab" are the same drug.
    private static func normalized(_ s: String) -> String { s.lowercased().trimmingCharacters(in: .whitespaces) }

    /// A fragment-safe slug; names that slug alike ("5-FU", "5 FU") get `-2`, `-3`…
    private static func uniqueKey(_ name: String, _ used: inout Set<String>) -> String {
        let base = Slug.make(name)
        var key = base, n = 2
        while !used.insert(key).inserted { key = "\(base)-\(n)"; n += 1 }
        return key
    }
}
