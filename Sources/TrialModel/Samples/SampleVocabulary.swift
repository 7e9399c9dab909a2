/// Word lists the sample generator draws from. Every summary it builds is fictional and says so.
enum SampleVocabulary {
    static let cancers: [(type: String, condition: String)] = [
        ("Breast", "HER2-positive metastatic breast cancer"), ("Lung", "non-small-cell lung cancer"),
        ("Colorectal", "metastatic colorectal cancer"), ("Prostate", "metastatic castration-resistant prostate cancer"),
        ("Ovarian", "recurrent ovarian cancer"), ("Melanoma", "advanced melanoma"), ("Blood", "multiple myeloma"),
        ("Pancreatic", "metastatic pancreatic cancer"), ("Kidney", "advanced renal cell carcinoma"),
        ("Stomach", "gastro-oesophageal junction adenocarcinoma"),
    ]
    static let drugs: [(name: String, cls: String)] = [
        ("zelvotinib", "tyrosine kinase inhibitor"), ("pembralumab", "immune checkpoint inhibitor"),
        ("carbotaxel", "chemotherapy"), ("ribonexin", "CDK4/6 inhibitor"), ("olaprexib", "PARP inhibitor"),
        ("trastovimab", "HER2-targeted antibody"), ("enzalutide", "androgen receptor inhibitor"),
        ("daratomig", "anti-CD38 antibody"), ("sotorexib", "KRAS inhibitor"), ("bevatinib", "VEGF inhibitor"),
    ]
    static let acronyms = ["AURORA", "BOREALIS", "CASCADE", "DELTA", "ÉCLAIR", "FJORD", "GALÁPAGOS", "HORIZON",
                           "ÎLE", "JUNO", "KESTREL", "LUMIÈRE", "MERIDIAN", "NØRD", "ORCHID", "PHÉNIX", "QUASAR",
                           "RIVIERA", "SØLVI", "TUNDRA"]
    static let people = ["Zoë", "José", "Åsa", "Nguyễn Thị Lan", "Søren", "Małgorzata", "Şebnem", "Françoise",
                         "Jürgen", "Aoife", "Tomás", "Ilinca", "Dörte", "Ngozi", "Mihály"]
    static let countries = ["France", "Germany", "Spain", "Italy", "Poland", "Canada", "United States", "Brazil",
                            "Japan", "Australia", "Norway", "Türkiye", "Côte d’Ivoire", "Viet Nam", "Mexico"]
    static let journals: [(String, String)] = [
        ("The New England Journal of Medicine", "NEJM"), ("The Lancet Oncology", "Lancet Oncol"),
        ("Journal of Clinical Oncology", "JCO"), ("Annals of Oncology", "Ann Oncol"), ("JAMA Oncology", "JAMA Oncol"),
    ]
    static let sponsors = ["Fictional Oncology Group", "Example Cancer Trials Network", "Sample Pharma Ltd.",
                           "Institut Imaginaire du Cancer"]
    static let filler = [
        "Researchers wanted to know whether the new treatment could help people live longer without their cancer growing.",
        "Earlier, smaller studies had suggested a benefit, but they were too small to be sure.",
        "People in both groups were seen regularly, had scans every few months and reported how they felt.",
        "Side effects were recorded at every visit and graded by how severe they were.",
        "The results apply to people whose cancer and general health were similar to those in the trial.",
        "Doctors and patients weighed the extra time without progression against the extra side effects.",
        "Some people needed their dose lowered, and a few stopped treatment because of side effects.",
        "Questions about whether this applies to you are best discussed with your own care team.",
    ]
}
