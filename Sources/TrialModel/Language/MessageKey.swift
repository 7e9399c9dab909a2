/// Every word the tool itself writes, in any format. Placeholders are `{0}`, `{1}`…, filled in order by
/// `Messages.text(_:_:)`; a template may reorder them (Chinese puts the denominator first).
public enum MessageKey: String, Sendable, CaseIterable {
    // Key facts (model layer)
    case factCondition, factPhase, factDesign, factPeople, factWhoTookPart, factWhoCouldJoin, factWhoCouldNotJoin
    case factWhere, factPublishedIn, factRegistryID, factStatus, factProtocolNumber, factEUTrialNumber
    case factSponsorContact, factFollowUpTrials
    case multipleCountries
    /// "Phase {0}" with the roman numeral(s).
    case phaseTitle, phaseNotApplicable
    case statusNotYetRecruiting, statusRecruiting, statusActiveNotRecruiting, statusCompleted, statusTerminated
    case statusSuspended, statusWithdrawn
    case designRandomized, designRandomizedRatio, designNotRandomized
    case maskingOpenLabel, maskingSingleBlind, maskingDoubleBlind, maskingTripleBlind
    case designPlaceboControlled, designMulticenter, designInternational
    /// List separators: ", " between design words, "; " between groups, " vs " between arms.
    case listSeparator, groupSeparator, versus
    /// "{0}: {1}": a label and its value.
    case labelValue
    case measureHazardRatio, measureOddsRatio, measureRiskRatio, measureDifference
    /// "{0}% CI {1}–{2}"
    case confidenceInterval
    /// "{name}: {values}; {measure} {value}." (main result in key facts)
    case mainResultSentence, mainResultEffect
    /// "~{0} min read"
    case readingTime
    // Content plan groups
    case groupMoreResults, groupMainResult, groupSideEffects
    /// The site's categories, by their canonical (English) names in the source.
    case categoryUnderstanding, categoryFindingEarlier, categoryPreventingRecurrence, categoryTreating
    case categoryFeelingBetter, categoryFirstSteps, categoryDecisions
    // Charts
    case chartComparisonCaption, chartAltText, chartFrequencySentence, chartIconAltText, chartIconAltBar
    case betterHigher, betterLower, iconBetterHigher, iconBetterLower
    case axisPercentOfPeople, axisRangePercent, axisRangeUnit
    case eachSquare, tableCaption, tableGroup, tableResult, tableInPeople, tableComparison
    // Natural frequencies: {0} count, {1} denominator
    case frequency, frequencyAbout, frequencyPeople, frequencyPeopleAbout
    // Headings and labels the exporters add
    case keyFacts, mainResult, glossary, wordsUsed, aboutThisSummary
    case reviewedLabel, reviewedSentence, originalPublication, readOnline, readOnlineLabel, readOnSite
    case readFullSummary, lookUpTrial, lookUpTrialOn, noResultsYet, resultsNotReported, noResultsForOutcome
    case pageOf, qrCodeAlt, briefSummary, plainLanguageSummary, primaryMeasure, peopleInGroup
    // EPUB navigation and metadata
    case contents, titlePage, startOfContent, landmarks, collectionLead, publishedBy, onTheWeb
    case collectionTitle, collectionDescription, inTheSummary
    case a11ySummaryText, a11ySummaryCharts, a11ySummaryConformance
    // Digest
    case digestInThisIssue, digestIntro, digestDisclaimer, digestSubscribed, digestUnsubscribeOr
    case digestEachRowHigher, digestEachRowLower, digestBarsRunHigher, digestBarsRunLower
    case question, answer, allSummaries
    /// EPUB: "Reviewed {0}" under the title, " (version {0}). Published by {1}, {2}." after the review date,
    /// "{0} on {1}" for a registry link.
    case metaReviewed, aboutVersion, registryOn
    /// SVG chart axis note; the collection title page's "{0} in {1}, reviewed up to " (a date follows).
    case axisStartsAtZero, collectionFacts
    /// PDF: "{site} · {kind} of a clinical trial · {category}", "{id} on {registry}:", "Reviewed {date} by {publisher}.";
    /// `termSeparator` joins a glossary term and its definition (": ").
    case handoutKicker, registryOnLine, reviewedBy, termSeparator
    /// PDF bar charts' axis title: "{unit title} (axis starts at 0; longer bars are better)".
    case pdfAxisHigher, pdfAxisLower
}

/// Words that change with a count, by CLDR plural category.
public enum PluralKey: String, Sendable, CaseIterable {
    /// "{0} people" in key facts.
    case people
    /// "{0} new plain-language summaries" (digest), "{0} plain-language summaries" (collection).
    case newSummaries, summaries
    /// "{0} summaries", the digest's subject for several.
    case subjectCount
    /// "{0} categories" on the collection's title page.
    case categoryCount
}
