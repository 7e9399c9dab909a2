extension Scaffold {
    /// `summaries/example.yaml`: short, valid, plainly fictional, and using every block kind once.
    static let example = #"""
# A FICTIONAL summary, written to show the source format: every kind of block appears once.
# The trial, its registry number and its people do not exist. Copy this file to start a real summary.
schemaVersion: 1
id: example
title: "EXAMPLE (fictional): a daily walk alongside chemotherapy"
lead: >-
  In this invented trial, people having chemotherapy who also took a daily walk reported less
  [fatigue](glossary:fatigue) than those who did not. *Nothing here is real.*
cancerType: Bowel
category: Feeling better during treatment
tags: [example, fictional, exercise]
language: en
reviewed: 2026-01-15

glossary:
  - id: fatigue
    term: Fatigue
    definition: Tiredness that does not go away with rest, common during cancer treatment.

trial:
  name: EXAMPLE
  registryIds: [NCT09999999]
  condition: Bowel cancer treated with chemotherapy (fictional)
  phase: "2"
  design:
    randomized: true
    masking: open-label
    multicenter: false
    international: false
  enrollment: 120
  status: completed

arms:
  - id: walking
    label: Daily walk + chemotherapy
    shortLabel: Walking group
    description: A 30-minute walk every day, alongside usual chemotherapy.
    interventions:
      - name: daily walk
        role: investigational
  - id: usual-care
    label: Chemotherapy alone
    shortLabel: Usual care
    description: Usual chemotherapy, with no walking programme.
    control: true
    interventions:
      - name: chemotherapy
        role: standard

outcomes:
  - id: fatigue
    name: Severe fatigue
    label: People reporting severe fatigue
    role: primary
    kind: percentage
    unit: "%"
    direction: lower-is-better
    values: {walking: 21.0, usual-care: 34.0}
    finding: Fewer people in the walking group reported severe fatigue (an invented result).

sections:
  - kind: who-for
    heading: Who was this trial for?
    content:
      - paragraph: Adults starting chemotherapy for bowel cancer, in this made-up example.
      - list:
          - Able to walk for 30 minutes.
          - Not already exercising every day.
  - kind: results
    heading: What did they find?
    content:
      - subheading: Fatigue
      - outcome: fatigue
      - quote:
          text: “I looked forward to my walk each day.”
          attribution: An invented participant
  - kind: question-and-answer
    heading: Your questions answered
    content:
      - qa:
          question: Can I join this trial?
          answer: No. It is fictional and exists only as an example.
      - registry-link: true
  - kind: disclaimer
    heading: For information purposes only
    content:
      - paragraph: >-
          This summary is fictional. It is not medical advice; talk to your own care team about your treatment.

"""#
}
