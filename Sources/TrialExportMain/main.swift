import TrialExportCLI

EntryPoint.main()
