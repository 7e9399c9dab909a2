import TrialModel

/// One summary compared with its registry record: trial facts here, outcomes in `+Outcomes`. Findings are
/// located in the summary's source through `FieldPositions`.
final class RecordComparison {
    let summary: Summary
    let file: String
    let positions: FieldPositions
    var diagnostics: [Diagnostic] = []
    var notes: [RegistryNote] = []

    init(summary: Summary, file: String, positions: FieldPositions) {
        self.summary = summary
        self.file = file
        self.positions = positions
    }

    func report(_ severity: Diagnostic.Severity, _ field: String, _ message: String) {
        let p = positions.position(of: field)
        diagnostics.append(Diagnostic(severity, file: file, line: p.line, column: p.column, field: field,
                                      message: "registry: " + message))
    }

    func note(_ field: String, _ message: String) {
        let p = positions.position(of: field)
        notes.append(RegistryNote(file: file, line: p.line, column: p.column, field: field, message: message))
    }

    func compare(with study: CTGovStudy) {
        let proto = study.protocolSection
        let t = summary.trial
        let design = proto.designModule
        if let n = design?.enrollmentInfo?.count, n > 0 {
            if n != t.enrollment {
                let estimated = design?.enrollmentInfo?.type == "ESTIMATED"
                report(estimated ? .warning : .error, "trial.enrollment",
                       "enrolment is \(t.enrollment) but the record says \(n)\(estimated ? " (an estimate)" : "")")
            }
        } else { note("trial.enrollment", "the record gives no enrolment (or 0)") }

        if let p = Vocabulary.phase(design?.phases) {
            if p != t.phase { report(.error, "trial.phase", "phase is \(t.phase.rawValue) but the record says \(p.rawValue) (\((design?.phases ?? []).joined(separator: ", ")))") }
        } else { note("trial.phase", "the record's phases \(design?.phases ?? []) have no counterpart") }

        let info = design?.designInfo
        if let r = Vocabulary.randomized(info?.allocation) {
            if r != t.design.randomized { report(.error, "trial.design.randomized", "randomized is \(t.design.randomized) but the record's allocation is \(info?.allocation ?? "")") }
        } else { note("trial.design.randomized", "the record gives no allocation") }
        if let m = Vocabulary.masking(info?.maskingInfo?.masking) {
            if m != t.design.masking { report(.error, "trial.design.masking", "masking is \(t.design.masking.rawValue) but the record says \(info?.maskingInfo?.masking ?? "")") }
        } else { note("trial.design.masking", "the record gives no masking") }

        let statusCode = proto.statusModule?.overallStatus
        if let st = Vocabulary.status(statusCode) {
            if st != t.status { report(.warning, "trial.status", "status is \(t.status.rawValue) but the record says \(statusCode ?? "")") }
        } else { note("trial.status", "the record's status \(statusCode ?? "(none)") has no counterpart") }

        for (field, shown, registry) in [("trial.startDate", t.startDate, proto.statusModule?.startDateStruct?.date),
                                         ("trial.completionDate", t.completionDate, proto.statusModule?.completionDateStruct?.date)] {
            guard let shown, let registry, let r = RegistryDate(registry), r != shown else { continue }
            report(.warning, field, "\(shown) but the record says \(r)")
        }

        let groups = proto.armsInterventionsModule?.armGroups ?? []
        if groups.isEmpty { note("arms", "the record lists no arms") }
        else if groups.count != summary.arms.count {
            report(.error, "arms", "\(summary.arms.count) arms but the record has \(groups.count) (\(groups.map(\.label).joined(separator: "; ")))")
        }
        compareOutcomes(study)
    }
}
