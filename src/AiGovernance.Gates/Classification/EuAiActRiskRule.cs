using AiGovernance.Core;

namespace AiGovernance.Gates.Classification;

/// <summary>The built-in rules of the EU AI Act (Regulation (EU) 2024/1689): Article 5 prohibitions, Article 6(1)/Annex I
/// and Article 6(2)/Annex III high-risk systems with the Article 6(3) exemptions, and Article 50 transparency duties.</summary>
/// <remarks>The rule applies to use cases deployed in the EU/EEA (or with unknown regions), and everywhere when
/// <see cref="RiskClassificationOptions.ApplyEuAiActOutsideEu"/> is set.</remarks>
public sealed class EuAiActRiskRule : IRiskRule
{
    /// <summary>The rule's identifier.</summary>
    public const string RuleId = "eu-ai-act";

    /// <summary>The regulation's name as reported in classifications.</summary>
    public const string RegulationName = "Regulation (EU) 2024/1689 (EU AI Act)";

    private static readonly string[] EuAndEea =
    [
        "EU", "EEA", "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "EL", "HU", "IE", "IT", "LV",
        "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO",
    ];

    private static readonly string[] HighRiskDocumentation =
    [
        "Risk management system (Art. 9)",
        "Data and data governance (Art. 10)",
        "Technical documentation per Annex IV (Art. 11)",
        "Automatic event logging (Art. 12)",
        "Instructions for use for deployers (Art. 13)",
        "Human oversight measures (Art. 14)",
        "Accuracy, robustness and cybersecurity (Art. 15)",
        "Quality management system (Art. 17)",
        "Conformity assessment and EU declaration of conformity (Art. 43, 47)",
        "Post-market monitoring plan (Art. 72)",
    ];

    private static readonly string[] HighRiskControls =
    [
        "Human oversight by competent, trained persons (Art. 14, 26(2))",
        "Serious incident reporting (Art. 73)",
    ];

    private readonly RiskClassificationOptions _options;

    /// <summary>Creates the rule.</summary>
    /// <param name="options">The classification options (dates of application, territorial scope).</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    public EuAiActRiskRule(RiskClassificationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(options.ApplicationDates, nameof(options));
        _options = options;
    }

    /// <inheritdoc />
    public string Id => RuleId;

    /// <inheritdoc />
    public string Version => "2024.1689";

    /// <summary>Whether the Act applies to the use case: deployed in the EU/EEA, regions unknown, or applied everywhere by policy.</summary>
    /// <param name="profile">The use case.</param>
    /// <returns>Whether the rule evaluates the profile.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="profile"/> is null.</exception>
    public bool IsInScope(UseCaseProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (_options.ApplyEuAiActOutsideEu || profile.DeploymentRegions.Count == 0)
        {
            return true;
        }

        foreach (var region in profile.DeploymentRegions)
        {
            foreach (var eu in EuAndEea)
            {
                if (string.Equals(region?.Trim(), eu, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="profile"/> is null.</exception>
    public IReadOnlyList<RiskRuleMatch> Evaluate(UseCaseProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var matches = new List<RiskRuleMatch>();
        if (!IsInScope(profile))
        {
            return matches;
        }

        var dates = _options.ApplicationDates;
        foreach (var practice in Distinct(profile.ProhibitedPractices))
        {
            matches.Add(new RiskRuleMatch(RuleId, RiskTier.Prohibited, "EU AI Act Art. 5(1)(" + Letter(practice) + ")", Describe(practice))
            {
                Regulation = RegulationName,
                EuCategory = EuAiActCategory.Prohibited,
                AppliesFrom = dates.Prohibitions,
                RequiredControls = ["Do not develop, place on the market, put into service or use the system"],
            });
        }

        if (profile.IsSafetyComponentOfRegulatedProduct)
        {
            matches.Add(new RiskRuleMatch(RuleId, RiskTier.High, "EU AI Act Art. 6(1) and Annex I",
                "Safety component of (or itself) a product under Annex I legislation that requires third-party conformity assessment.")
            {
                Regulation = RegulationName,
                EuCategory = EuAiActCategory.HighRisk,
                AppliesFrom = dates.HighRiskAnnexI,
                RequiredControls = HighRiskControls,
                RequiredDocumentation = HighRiskDocumentation,
            });
        }

        AddAnnexIII(profile, matches, dates);
        AddTransparency(profile, matches, dates);
        return matches;
    }

    private static void AddAnnexIII(UseCaseProfile profile, List<RiskRuleMatch> matches, EuAiActApplicationDates dates)
    {
        var exemption = profile.Article6Exemption;
        foreach (var useCase in Distinct(profile.HighRiskUseCases))
        {
            var citation = AnnexIIIUseCases.GetCitation(useCase);
            var area = AnnexIIIUseCases.GetArea(useCase);
            if (exemption != Article6Exemption.None && !profile.ProfilesNaturalPersons)
            {
                matches.Add(new RiskRuleMatch(RuleId, RiskTier.Low, "EU AI Act Art. 6(3)(" + Letter(exemption) + ")",
                    $"{citation} ({area}) is not high-risk: the provider relies on Art. 6(3)({Letter(exemption)}) and the system does not profile natural persons.")
                {
                    Regulation = RegulationName,
                    EuCategory = EuAiActCategory.MinimalRisk,
                    AppliesFrom = dates.HighRiskAnnexIII,
                    RequiredDocumentation =
                    [
                        "Art. 6(3) assessment documented before placing on the market (Art. 6(4))",
                        "Registration in the EU database (Art. 49(2))",
                    ],
                });
                continue;
            }

            var reason = exemption == Article6Exemption.None
                ? $"Intended for an Annex III use case in area {(int)area} ({area})."
                : $"Intended for an Annex III use case in area {(int)area} ({area}); the Art. 6(3) exemption does not apply because the system profiles natural persons.";
            var documentation = new List<string>(HighRiskDocumentation) { "Registration in the EU database (Art. 49)" };
            if (useCase is AnnexIIIUseCase.Creditworthiness or AnnexIIIUseCase.LifeAndHealthInsurancePricing)
            {
                documentation.Add("Fundamental rights impact assessment by the deployer (Art. 27)");
            }

            matches.Add(new RiskRuleMatch(RuleId, RiskTier.High,
                exemption == Article6Exemption.None ? "EU AI Act Art. 6(2) and " + citation : "EU AI Act Art. 6(3), last subparagraph, and " + citation,
                reason)
            {
                Regulation = RegulationName,
                EuCategory = EuAiActCategory.HighRisk,
                AppliesFrom = dates.HighRiskAnnexIII,
                RequiredControls = HighRiskControls,
                RequiredDocumentation = documentation,
            });
        }
    }

    private static void AddTransparency(UseCaseProfile profile, List<RiskRuleMatch> matches, EuAiActApplicationDates dates)
    {
        if (profile.InteractsWithNaturalPersons)
        {
            matches.Add(Transparency("EU AI Act Art. 50(1)", "Interacts directly with natural persons.",
                "Inform people that they are interacting with an AI system", dates));
        }

        if (profile.GeneratesSyntheticContent)
        {
            matches.Add(Transparency("EU AI Act Art. 50(2)", "Generates synthetic audio, image, video or text content.",
                "Mark outputs in a machine-readable format as artificially generated or manipulated", dates));
        }

        var emotionOrCategorisation = false;
        foreach (var useCase in profile.HighRiskUseCases)
        {
            emotionOrCategorisation |= useCase is AnnexIIIUseCase.EmotionRecognition or AnnexIIIUseCase.BiometricCategorisation;
        }

        if (emotionOrCategorisation)
        {
            matches.Add(Transparency("EU AI Act Art. 50(3)", "Performs emotion recognition or biometric categorisation.",
                "Inform exposed persons of the operation of the system and process personal data under the GDPR", dates));
        }

        if (profile.GeneratesDeepFakes)
        {
            matches.Add(Transparency("EU AI Act Art. 50(4)", "Generates or manipulates content constituting a deep fake.",
                "Disclose that the content has been artificially generated or manipulated", dates));
        }
    }

    private static RiskRuleMatch Transparency(string citation, string reason, string obligation, EuAiActApplicationDates dates) =>
        new(RuleId, RiskTier.Low, citation, reason)
        {
            Regulation = RegulationName,
            EuCategory = EuAiActCategory.LimitedRisk,
            AppliesFrom = dates.Transparency,
            Obligations = [obligation],
        };

    private static List<T> Distinct<T>(IReadOnlyCollection<T> profile)
        where T : struct, Enum
    {
        var list = new List<T>(profile.Count);
        foreach (var value in profile)
        {
            if (!Enum.IsDefined(value))
            {
                throw new ArgumentException($"Unknown {typeof(T).Name} value {value}.", nameof(profile));
            }

            if (!list.Contains(value))
            {
                list.Add(value);
            }
        }

        list.Sort();
        return list;
    }

    private static char Letter(ProhibitedPractice practice) => (char)('a' + (int)practice);

    private static char Letter(Article6Exemption exemption) => (char)('a' + (int)exemption - 1);

    private static string Describe(ProhibitedPractice practice) => practice switch
    {
        ProhibitedPractice.ManipulativeTechniques => "Uses subliminal, manipulative or deceptive techniques that materially distort behaviour.",
        ProhibitedPractice.ExploitationOfVulnerabilities => "Exploits vulnerabilities due to age, disability or a social or economic situation.",
        ProhibitedPractice.SocialScoring => "Evaluates or classifies people by social behaviour or personal characteristics leading to detrimental treatment (social scoring).",
        ProhibitedPractice.CriminalOffenceRiskPrediction => "Predicts the risk of a person committing a criminal offence based solely on profiling or personality traits.",
        ProhibitedPractice.UntargetedFacialImageScraping => "Builds facial recognition databases by untargeted scraping of facial images.",
        ProhibitedPractice.EmotionRecognitionAtWorkOrSchool => "Infers emotions of natural persons in the workplace or in education institutions.",
        ProhibitedPractice.SensitiveBiometricCategorisation => "Categorises people by biometric data to infer sensitive characteristics.",
        _ => "Real-time remote biometric identification in publicly accessible spaces for law enforcement.",
    };
}
