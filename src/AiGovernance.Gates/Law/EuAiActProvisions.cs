namespace AiGovernance.Gates.Law;

/// <summary>The provisions of Regulation (EU) 2024/1689 the classifier models, with their dates of application (Art. 113)
/// and transitional dates (Art. 111(3)), as published in the Official Journal (OJ L 2024/1689, 12.7.2024).</summary>
internal static class EuAiActProvisions
{
    public static readonly DateOnly ChaptersIAndII = new(2025, 2, 2);
    public static readonly DateOnly ChapterV = new(2025, 8, 2);
    public static readonly DateOnly General = new(2026, 8, 2);
    public static readonly DateOnly Article6Paragraph1 = new(2027, 8, 2);
    public static readonly DateOnly GeneralPurposeLegacyDeadline = new(2027, 8, 2);

    private const string Oj = "Regulation (EU) 2024/1689, OJ L 2024/1689 (12.7.2024)";
    private const string SourceChaptersIAndII = Oj + ", Art. 113(a): Chapters I and II apply from 2 February 2025";
    private const string SourceChapterV = Oj + ", Art. 113(b): Chapter V applies from 2 August 2025; Art. 111(3) for models already on the market";
    private const string SourceGeneral = Oj + ", Art. 113, second paragraph: applies from 2 August 2026";
    private const string SourceArticle6Paragraph1 = Oj + ", Art. 113(c): Art. 6(1) and the corresponding obligations apply from 2 August 2027";

    private static readonly TransitionalApplication GeneralPurposeLegacy =
        new(ChapterV, GeneralPurposeLegacyDeadline, EuAiActLaw.CitationPrefix + "Art. 111(3)");

    public static IReadOnlyList<LegalProvision> Create()
    {
        var list = new List<LegalProvision>(160);

        // Chapter I and II.
        list.Add(Early("Art. 3(49)", "Serious incident: an incident or malfunctioning leading to (a) death or serious harm to health, "
            + "(b) serious and irreversible disruption of critical infrastructure, (c) infringement of Union-law obligations protecting "
            + "fundamental rights, or (d) serious harm to property or the environment."));
        list.Add(Early("Art. 3(61)", "Widespread infringement: an act or omission contrary to Union law protecting individuals' interests "
            + "that harms or is likely to harm the collective interests of individuals in at least two Member States other than the one "
            + "where it originated, or that has common features across at least three Member States."));
        list.Add(Early("Art. 3(63)", "General-purpose AI model: displays significant generality, competently performs a wide range of "
            + "distinct tasks and can be integrated into a variety of downstream systems (not models used only for research, development "
            + "or prototyping before being placed on the market)."));
        list.Add(Early("Art. 4", "Providers and deployers take measures to ensure, to their best extent, a sufficient level of AI literacy "
            + "of their staff and other persons dealing with the operation and use of AI systems on their behalf."));
        list.Add(Early("Art. 5(1)(a)", "Prohibited: subliminal, purposefully manipulative or deceptive techniques materially distorting "
            + "behaviour and causing or likely to cause significant harm."));
        list.Add(Early("Art. 5(1)(b)", "Prohibited: exploiting vulnerabilities due to age, disability or a specific social or economic "
            + "situation, materially distorting behaviour and causing or likely to cause significant harm."));
        list.Add(Early("Art. 5(1)(c)", "Prohibited: social scoring leading to detrimental or unfavourable treatment in unrelated contexts "
            + "or that is unjustified or disproportionate."));
        list.Add(Early("Art. 5(1)(d)", "Prohibited: assessing or predicting the risk of a natural person committing a criminal offence "
            + "based solely on profiling or on assessing personality traits and characteristics."));
        list.Add(Early("Art. 5(1)(e)", "Prohibited: creating or expanding facial recognition databases through untargeted scraping of "
            + "facial images from the internet or CCTV footage."));
        list.Add(Early("Art. 5(1)(f)", "Prohibited: inferring emotions of a natural person in the areas of workplace and education "
            + "institutions, except for medical or safety reasons."));
        list.Add(Early("Art. 5(1)(g)", "Prohibited: biometric categorisation deducing or inferring race, political opinions, trade union "
            + "membership, religious or philosophical beliefs, sex life or sexual orientation."));
        list.Add(Early("Art. 5(1)(h)", "Prohibited: real-time remote biometric identification in publicly accessible spaces for law "
            + "enforcement, except as strictly necessary for the objectives and under the conditions of Art. 5(1)(h)(i)-(iii) and 5(2)-(7)."));

        // Chapter III: classification.
        list.Add(Annex1("Art. 6(1)", "High-risk: safety component of a product, or itself a product, covered by the Union harmonisation "
            + "legislation of Annex I and required to undergo third-party conformity assessment."));
        list.Add(Later("Art. 6(2)", "High-risk: AI systems referred to in Annex III."));
        list.Add(Later("Art. 6(3)(a)", "Not high-risk: the system is intended to perform a narrow procedural task."));
        list.Add(Later("Art. 6(3)(b)", "Not high-risk: the system is intended to improve the result of a previously completed human activity."));
        list.Add(Later("Art. 6(3)(c)", "Not high-risk: the system detects decision-making patterns or deviations and is not meant to replace "
            + "or influence the previously completed human assessment without proper human review."));
        list.Add(Later("Art. 6(3)(d)", "Not high-risk: the system performs a preparatory task to an assessment relevant to an Annex III use case."));
        list.Add(Later("Art. 6(3), third subparagraph", "An Annex III system is always high-risk where it performs profiling of natural persons."));
        list.Add(Later("Art. 6(4)", "A provider relying on Art. 6(3) documents its assessment before placing the system on the market or "
            + "putting it into service, and registers the system (Art. 49(2))."));
        AddAnnexIII(list);

        // Chapter III, Section 2: requirements for high-risk systems.
        list.Add(Later("Art. 9", "Risk management system."));
        list.Add(Later("Art. 10", "Data and data governance."));
        list.Add(Later("Art. 11", "Technical documentation (Annex IV)."));
        list.Add(Later("Art. 12", "Record-keeping: automatic recording of events (logs) over the system's lifetime."));
        list.Add(Later("Art. 13", "Transparency and provision of information (instructions for use) to deployers."));
        list.Add(Later("Art. 14", "Human oversight."));
        list.Add(Later("Art. 15", "Accuracy, robustness and cybersecurity."));

        // Chapter III, Section 3: obligations of providers, importers, distributors, deployers.
        AddProviderObligations(list);
        AddImporterAndDistributorObligations(list);
        list.Add(Later("Art. 25(1)(a)", "A distributor, importer, deployer or other third party that puts its name or trademark on a "
            + "high-risk system already on the market is considered its provider (Art. 16)."));
        list.Add(Later("Art. 25(1)(b)", "A distributor, importer, deployer or other third party that makes a substantial modification to a "
            + "high-risk system so that it remains high-risk is considered its provider (Art. 16)."));
        list.Add(Later("Art. 25(1)(c)", "A distributor, importer, deployer or other third party that modifies the intended purpose of a "
            + "system (including a general-purpose AI system) so that it becomes high-risk is considered its provider (Art. 16)."));
        AddDeployerObligations(list);

        // Chapter III, Section 5 and registration.
        list.Add(Later("Art. 43", "Conformity assessment."));
        list.Add(Later("Art. 47", "EU declaration of conformity."));
        list.Add(Later("Art. 48", "CE marking."));
        list.Add(Later("Art. 49(1)", "The provider registers itself and the Annex III high-risk system (except point 2) in the EU database "
            + "before placing it on the market or putting it into service."));
        list.Add(Later("Art. 49(2)", "A provider that concluded under Art. 6(3) that its Annex III system is not high-risk registers itself "
            + "and the system in the EU database."));
        list.Add(Later("Art. 49(3)", "Deployers that are public authorities, Union institutions, bodies, offices or agencies, or persons "
            + "acting on their behalf, register themselves, select the system and register its use in the EU database before using an "
            + "Annex III high-risk system (except point 2)."));
        list.Add(Later("Art. 49(4)", "For Annex III points 1, 6 and 7 in law enforcement, migration, asylum and border control, registration "
            + "is in the secure non-public section of the EU database."));
        list.Add(Later("Art. 49(5)", "High-risk systems referred to in Annex III point 2 are registered at national level."));

        // Chapter IV: transparency.
        list.Add(Later("Art. 50(1)", "Providers design systems that interact directly with natural persons so that those persons are "
            + "informed that they are interacting with an AI system."));
        list.Add(Later("Art. 50(2)", "Providers of systems generating synthetic audio, image, video or text mark the outputs in a "
            + "machine-readable format detectable as artificially generated or manipulated."));
        list.Add(Later("Art. 50(3)", "Deployers of emotion recognition or biometric categorisation systems inform the natural persons "
            + "exposed of the operation of the system and process personal data in accordance with the GDPR."));
        list.Add(Later("Art. 50(4)", "Deployers of systems generating or manipulating image, audio or video content constituting a deep "
            + "fake disclose that the content has been artificially generated or manipulated."));
        list.Add(Later("Art. 50(4), second subparagraph", "Deployers of systems generating or manipulating text published to inform the "
            + "public on matters of public interest disclose that the text has been artificially generated or manipulated."));

        AddGeneralPurposeModels(list);

        // Chapter IX: post-market monitoring, incidents, remedies.
        list.Add(Later("Art. 72", "Providers establish and document a post-market monitoring system and plan, proportionate to the "
            + "system's risks, that actively and systematically collects and analyses data on its performance over its lifetime."));
        list.Add(Later("Art. 73(1)", "Providers of high-risk systems report serious incidents to the market surveillance authorities of "
            + "the Member States where the incident occurred."));
        list.Add(Later("Art. 73(2)", "The report is made immediately after a causal link (or its reasonable likelihood) is established, "
            + "and not later than 15 days after the provider or deployer becomes aware of the serious incident."));
        list.Add(Later("Art. 73(3)", "In the event of a widespread infringement or a serious incident under Art. 3(49)(b) (critical "
            + "infrastructure), the report is made immediately and not later than 2 days after becoming aware of it."));
        list.Add(Later("Art. 73(4)", "In the event of the death of a person, the report is made immediately after a causal relationship is "
            + "established or suspected, and not later than 10 days after becoming aware of the serious incident."));
        list.Add(Later("Art. 86(1)", "A person subject to a decision taken by the deployer on the basis of the output of an Annex III "
            + "high-risk system (except point 2) that produces legal effects or similarly significantly affects them has the right to "
            + "obtain from the deployer a clear and meaningful explanation of the role of the system and the main elements of the decision."));
        return list;
    }

    private static void AddAnnexIII(List<LegalProvision> list)
    {
        foreach (var useCase in Enum.GetValues<Classification.AnnexIIIUseCase>())
        {
            var id = Classification.AnnexIIIUseCases.GetProvisionId(useCase);
            list.Add(Later(id, "High-risk use case: " + Classification.AnnexIIIUseCases.Describe(useCase)));
        }
    }

    private static void AddProviderObligations(List<LegalProvision> list)
    {
        list.Add(Later("Art. 16(a)", "Ensure the high-risk system complies with the requirements of Section 2 (Art. 8-15)."));
        list.Add(Later("Art. 16(b)", "Indicate the provider's name, registered trade name or trademark and contact address on the system, "
            + "its packaging or its documentation."));
        list.Add(Later("Art. 16(c)", "Have a quality management system complying with Art. 17."));
        list.Add(Later("Art. 16(d)", "Keep the documentation referred to in Art. 18."));
        list.Add(Later("Art. 16(e)", "Keep the logs automatically generated by the system when under the provider's control (Art. 19)."));
        list.Add(Later("Art. 16(f)", "Ensure the system undergoes the relevant conformity assessment procedure (Art. 43) before being placed "
            + "on the market or put into service."));
        list.Add(Later("Art. 16(g)", "Draw up an EU declaration of conformity (Art. 47)."));
        list.Add(Later("Art. 16(h)", "Affix the CE marking (Art. 48)."));
        list.Add(Later("Art. 16(i)", "Comply with the registration obligations of Art. 49(1)."));
        list.Add(Later("Art. 16(j)", "Take the necessary corrective actions and provide information (Art. 20)."));
        list.Add(Later("Art. 16(k)", "Demonstrate conformity with Section 2 upon a reasoned request of a national competent authority."));
        list.Add(Later("Art. 16(l)", "Ensure the system complies with accessibility requirements (Directives (EU) 2016/2102 and 2019/882)."));
        list.Add(Later("Art. 17", "Quality management system."));
    }

    private static void AddImporterAndDistributorObligations(List<LegalProvision> list)
    {
        list.Add(Later("Art. 23(1)", "Before placing a high-risk system on the market, the importer verifies the conformity assessment (Art. "
            + "43), the technical documentation (Art. 11), the CE marking, the EU declaration and instructions, and the authorised representative."));
        list.Add(Later("Art. 23(2)", "The importer does not place a non-conforming, falsified or falsely documented system on the market, "
            + "and informs the provider, authorised representative and market surveillance authorities where it presents a risk."));
        list.Add(Later("Art. 23(3)", "The importer indicates its name, registered trade name or trademark and address on the system, its "
            + "packaging or its documentation."));
        list.Add(Later("Art. 23(4)", "While under its responsibility, the importer ensures storage or transport conditions do not jeopardise "
            + "compliance with Section 2."));
        list.Add(Later("Art. 23(5)", "The importer keeps, for 10 years, a copy of the notified body's certificate, the instructions for use "
            + "and the EU declaration of conformity."));
        list.Add(Later("Art. 23(6)", "The importer provides authorities, on reasoned request, with the information and documentation "
            + "demonstrating conformity, and cooperates with them (Art. 23(7))."));
        list.Add(Later("Art. 24(1)", "Before making a high-risk system available, the distributor verifies the CE marking, the EU "
            + "declaration of conformity and instructions, and that the provider and importer met their obligations."));
        list.Add(Later("Art. 24(2)", "The distributor does not make available a system it considers non-conforming, and informs the "
            + "provider or importer where it presents a risk."));
        list.Add(Later("Art. 24(3)", "While under its responsibility, the distributor ensures storage or transport conditions do not "
            + "jeopardise compliance."));
        list.Add(Later("Art. 24(4)", "A distributor that considers a system it made available non-conforming takes or ensures corrective "
            + "actions, withdrawal or recall, and informs the authorities where it presents a risk."));
        list.Add(Later("Art. 24(5)", "The distributor provides authorities, on reasoned request, with information and documentation on its "
            + "actions, and cooperates with them (Art. 24(6))."));
    }

    private static void AddDeployerObligations(List<LegalProvision> list)
    {
        list.Add(Later("Art. 26(1)", "Take appropriate technical and organisational measures to use the system in accordance with its "
            + "instructions for use."));
        list.Add(Later("Art. 26(2)", "Assign human oversight to natural persons who have the necessary competence, training and authority, "
            + "and the necessary support."));
        list.Add(Later("Art. 26(4)", "To the extent the deployer exercises control over the input data, ensure it is relevant and "
            + "sufficiently representative for the intended purpose."));
        list.Add(Later("Art. 26(5)", "Monitor operation on the basis of the instructions for use; inform the provider and suspend use where "
            + "the system presents a risk; inform the provider, then the importer or distributor and the authorities, of serious incidents."));
        list.Add(Later("Art. 26(6)", "Keep the logs automatically generated by the system, to the extent under the deployer's control, for a "
            + "period appropriate to the intended purpose and of at least six months, unless Union or national law provides otherwise."));
        list.Add(Later("Art. 26(7)", "Before putting into service or using a high-risk system at the workplace, deployers who are employers "
            + "inform workers' representatives and the affected workers that they will be subject to its use."));
        list.Add(Later("Art. 26(8)", "Deployers that are public authorities or Union institutions, bodies, offices or agencies comply with "
            + "the registration obligations of Art. 49 and do not use a system that is not registered in the EU database."));
        list.Add(Later("Art. 26(9)", "Where applicable, use the information provided under Art. 13 to carry out a data protection impact "
            + "assessment (GDPR Art. 35 or Directive (EU) 2016/680 Art. 27)."));
        list.Add(Later("Art. 26(10)", "In a criminal investigation, request authorisation for the use of post-remote biometric "
            + "identification from a judicial or administrative authority, ex ante or within 48 hours."));
        list.Add(Later("Art. 26(11)", "Deployers of Annex III systems that make or assist in making decisions related to natural persons "
            + "inform those persons that they are subject to the use of the system."));
        list.Add(Later("Art. 27(1)", "Before deploying an Annex III high-risk system (except point 2), deployers that are bodies governed "
            + "by public law or private entities providing public services, and deployers of systems under Annex III points 5(b) and 5(c), "
            + "perform an assessment of the impact on fundamental rights."));
    }

    private static void AddGeneralPurposeModels(List<LegalProvision> list)
    {
        list.Add(ModelClassification("Art. 51(1)(a)", "A general-purpose AI model has systemic risk if it has high-impact capabilities "
            + "evaluated with appropriate technical tools and methodologies."));
        list.Add(ModelClassification("Art. 51(1)(b)", "A general-purpose AI model has systemic risk if the Commission so decides, ex officio "
            + "or following a qualified alert of the scientific panel."));
        list.Add(ModelClassification("Art. 51(2)", "A general-purpose AI model is presumed to have high-impact capabilities when the "
            + "cumulative amount of computation used for its training is greater than 10^25 floating point operations."));
        list.Add(Model("Art. 52(1)", "The provider notifies the Commission without delay and in any event within two weeks after the "
            + "Art. 51(1)(a) requirement is met or it becomes known that it will be met."));
        list.Add(Model("Art. 53(1)(a)", "Draw up and keep up to date the technical documentation of the model, including its training and "
            + "testing process and the results of its evaluation (Annex XI), for the AI Office and national competent authorities."));
        list.Add(Model("Art. 53(1)(b)", "Draw up, keep up to date and make available information and documentation for providers of AI "
            + "systems who intend to integrate the model (Annex XII)."));
        list.Add(Model("Art. 53(1)(c)", "Put in place a policy to comply with Union copyright law, in particular to identify and comply with "
            + "reservations of rights under Art. 4(3) of Directive (EU) 2019/790."));
        list.Add(Model("Art. 53(1)(d)", "Draw up and make publicly available a sufficiently detailed summary of the content used for "
            + "training, according to the AI Office's template."));
        list.Add(Model("Art. 53(2)", "Art. 53(1)(a) and (b) do not apply to models released under a free and open-source licence allowing "
            + "access, usage, modification and distribution, whose parameters, weights, architecture and usage information are public; "
            + "the exception does not apply to models with systemic risk."));
        list.Add(Model("Art. 54(1)", "Providers established in third countries appoint, by written mandate, an authorised representative "
            + "established in the Union before placing a model on the Union market (not required under Art. 54(6) for free and "
            + "open-source models without systemic risk)."));
        list.Add(Model("Art. 55(1)(a)", "Perform model evaluation in accordance with standardised protocols and tools reflecting the state of "
            + "the art, including conducting and documenting adversarial testing, to identify and mitigate systemic risks."));
        list.Add(Model("Art. 55(1)(b)", "Assess and mitigate possible systemic risks at Union level, including their sources."));
        list.Add(Model("Art. 55(1)(c)", "Keep track of, document and report without undue delay to the AI Office and, as appropriate, "
            + "national competent authorities, relevant information about serious incidents and possible corrective measures."));
        list.Add(Model("Art. 55(1)(d)", "Ensure an adequate level of cybersecurity protection for the model and its physical infrastructure."));
    }

    private static LegalProvision Early(string id, string title) =>
        new() { Id = id, Title = title, AppliesFrom = ChaptersIAndII, Source = SourceChaptersIAndII };

    private static LegalProvision Later(string id, string title) =>
        new() { Id = id, Title = title, AppliesFrom = General, Source = SourceGeneral };

    private static LegalProvision Annex1(string id, string title) =>
        new() { Id = id, Title = title, AppliesFrom = Article6Paragraph1, Source = SourceArticle6Paragraph1 };

    private static LegalProvision ModelClassification(string id, string title) =>
        new() { Id = id, Title = title, AppliesFrom = ChapterV, Source = SourceChapterV };

    private static LegalProvision Model(string id, string title) =>
        new() { Id = id, Title = title, AppliesFrom = ChapterV, Source = SourceChapterV, Transitional = GeneralPurposeLegacy };
}
