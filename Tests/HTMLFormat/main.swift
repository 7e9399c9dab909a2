import TrialExportCLI
import TrialExportCore

// The one registry line a new format needs (a shipped format's goes into ExporterRegistry.shipped).
ExporterRegistry.add([HTMLExporter.self])
EntryPoint.main()
