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

    /// Lint targets change no output: no format's configuration fingerprint reads them (settings are never hashed
    /// whole, each format names what it reads).
    @Test func lintTargetsChangeNoFormatsConfiguration() throws {
        var context = TestSupport.context()
        let before = try ExporterRegistry.all.map { try $0.init(context: context) }
        context.settings.lint.maxGrade = 12
        context.settings.lint.acronyms = ["XYZ"]
        let after = try ExporterRegistry.all.map { try $0.init(context: context) }
        for (a, b) in zip(before, after) {
            for collection in [false, true] {
                #expect(a.configurationFingerprint(collection: collection) == b.configurationFingerprint(collection: collection))
            }
        }
    }

    /// Every file a format writes lies in its own folder of the output folder.
    @Test func outputsLieInTheFormatsFolder() throws {
        let context = TestSupport.context(options: ExportOptions(variants: ["a4"]))
        let item = try TestSupport.patina()
        for type in ExporterRegistry.all {
            let e = try type.init(context: context)
            let files = try e.render(item, variant: e.variants[0], worker: WorkerCache()) + e.renderCollection([item], worker: WorkerCache())
            #expect(files.allSatisfy { $0.path.hasPrefix(type.info.folder + "/") }, "\(type.info.name)")
        }
    }
}
