import TrialModel
let lib = Library.load(paths: Array(CommandLine.arguments.dropFirst()))
for d in lib.diagnostics { print(d) }
for s in lib.summaries { print(s.id, s.views.readingTime.text, s.views.charts.map(\.caption)); print(s.views.keyFacts) ; print(try! SummaryWriter.yaml(s.summary).prefix(1500)) }
