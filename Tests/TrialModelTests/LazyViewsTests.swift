import Foundation
import Testing
import TestSupport
@testable import TrialModel

/// `LoadedSummary.views` is worked out on first use (lint never uses it) and is what computing it at load gave.
@Suite struct LazyViewsTests {
    @Test func viewsAreThoseOfTheSummaryGivenAtInit() throws {
        let lib = Library.load(paths: [TestSupport.summariesFolder.path])
        #expect(!lib.summaries.isEmpty)
        for var item in lib.summaries {
            let original = item.summary
            // Changing the summary afterwards does not change its views, as when they were computed in `init`.
            item.summary.title = "changed"
            item.summary.sections = []
            #expect(item.views == SummaryViews(original), "\(item.id)")
        }
    }

    @Test func threadsAskingAtOnceGetOneValue() throws {
        let item = try TestSupport.patina()
        let expected = SummaryViews(item.summary)
        let results = ResultSlots<SummaryViews>(count: 8)
        WorkerThreads.forEach(8, threads: 4) { i in results[i] = item.views }
        #expect(results.values.allSatisfy { $0 == expected })
    }

    @Test func nonASCIIScalarsAreThoseOfTheSummaryGivenAtInit() throws {
        let lib = Library.load(paths: [TestSupport.summariesFolder.path])
        for var item in lib.summaries {
            let expected = try NonASCIIScalars.of(item.summary)
            item.summary.title = "changed ✓"
            #expect(item.nonASCIIScalars == expected, "\(item.id)")
        }
        let patina = try TestSupport.patina()
        #expect(!(patina.nonASCIIScalars ?? []).isEmpty)
        let results = ResultSlots<[Unicode.Scalar]?>(count: 8)
        WorkerThreads.forEach(8, threads: 4) { i in results[i] = patina.nonASCIIScalars }
        #expect(results.values.allSatisfy { $0 == patina.nonASCIIScalars })
    }
}
