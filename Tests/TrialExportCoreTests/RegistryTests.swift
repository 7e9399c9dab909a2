import ExportKit
import Testing
import TestSupport
import TrialExportCore

@Suite struct RegistryTests {
    @Test func namesAreUnique() {
        #expect(Set(ExporterRegistry.names).count == ExporterRegistry.all.count)
    }

    /// `hasCollection` decides whether the engine plans a collection job, so it must say what the format does.
    @Test func hasCollectionMatchesWhatTheFormatWrites() throws {
        let context = TestSupport.context()
        let library = [try TestSupport.patina()]
        for type in ExporterRegistry.all {
            let files = try type.init(context: context).renderCollection(library, worker: WorkerCache())
            #expect(files.isEmpty != type.info.hasCollection, "\(type.info.name)")
        }
    }
}
