extension Scaffold {
    /// `README.md` for a new project: what to run next, in ten lines.
    static let readme = #"""
# Trial summaries

Plain-language summaries of clinical trials, one YAML file each in `summaries/`, published with trialexport.
Layouts and fonts come with trialexport; files in `layouts/` or `fonts/` here replace them one by one.

1. Edit `trialexport.yaml`: at least `siteName`, `publisher` and `baseURL`.
2. Copy `summaries/example.yaml` to `summaries/<id>.yaml` and write your summary (the example is fictional).
3. `trialexport validate` checks every summary and points at each problem by line and column.
4. `trialexport all` writes PDF handouts, EPUBs, email digests and JSON-LD into `output/`.
5. `trialexport watch` re-exports each summary as you save it; `man trialexport` has the rest.

"""#
}
