using AiGovernance.Core;
using AiGovernance.Gates.GeneralPurpose;
using AiGovernance.Gates.Law;
using AiGovernance.Gates.Obligations;
using AiGovernance.Shared;

namespace AiGovernance.Gates.Classification;

/// <summary>The built-in rules of the EU AI Act (Regulation (EU) 2024/1689, in the law version the options select): Article 5
/// prohibitions (including those inserted by amendments), Article 6(1)/Annex I and Article 6(2)/Annex III high-risk systems
/// with the Article 6(3) conditions, Article 50 transparency duties and Chapter V general-purpose AI models.</summary>
/// <remarks>
/// <para>The rule applies to use cases deployed in the EU/EEA, in an outermost region, or in regions not recognised
/// (<see cref="EuTerritorialScope"/>), and everywhere when <see cref="RiskClassificationOptions.ApplyEuAiActOutsideEu"/> is
/// set. Every citation is built from the provisions of <see cref="Law"/>, listed in <see cref="RiskRuleMatch.Provisions"/>.</para>
/// <para>A profile that contradicts itself — Annex III point 6(e) (profiling in criminal investigations) recorded as not
/// profiling natural persons — is refused with an <see cref="InconsistentUseCaseProfileException"/> naming both fields,
/// never classified below high risk (Art. 6(3), third subparagraph).</para>
/// <para>Tiers given: <see cref="RiskTier.Prohibited"/> for an Article 5 practice; <see cref="RiskTier.High"/> for Annex I,
/// an Annex III point without an Art. 6(3) condition or with profiling, and a general-purpose AI model with systemic risk;
/// <see cref="RiskTier.Medium"/> for other general-purpose AI models (an internal mapping: the Act has no tiers for models);
/// <see cref="RiskTier.Low"/> for reasons that only add duties.</para>
/// </remarks>
public sealed class EuAiActRiskRule : IRiskRule
{
    /// <summary>The rule's identifier.</summary>
    public const string RuleId = "eu-ai-act";

    /// <summary>The regulation's name as reported in classifications.</summary>
    public const string RegulationName = EuAiActLaw.RegulationName;

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
    private readonly GpaiModelClassifier _models;

    /// <summary>Creates the rule.</summary>
    /// <param name="options">Territorial scope, amendment policy and the systemic-risk threshold.</param>
    /// <param name="amendments">Further amendments, applied after the built-in ones.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">The options are invalid or an amendment is malformed.</exception>
    public EuAiActRiskRule(RiskClassificationOptions options, IEnumerable<LawAmendment>? amendments = null)
    {
        OptionsGuard.ThrowIfInvalid(options, nameof(options), RiskClassificationOptionsValidator.Instance);
        _options = options;
        _models = new GpaiModelClassifier(options, amendments);
        Law = _models.Law;
    }

    /// <summary>The law version applied.</summary>
    public EuAiActLawVersion Law { get; }

    /// <inheritdoc />
    public string Id => RuleId;

    /// <inheritdoc />
    /// <remarks>The law version's identifier, for example <c>2024.1689+omnibus-2026:tightening</c>.</remarks>
    public string Version => Law.Id;

    /// <summary>Whether the Act applies to the use case: deployed in its territorial scope, regions unknown or not recognised,
    /// or applied everywhere by policy.</summary>
    /// <param name="profile">The use case.</param>
    /// <returns>Whether the rule evaluates the profile.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="profile"/> is null.</exception>
    public bool IsInScope(UseCaseProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return _options.ApplyEuAiActOutsideEu || EuTerritorialScope.IsInScope(profile.DeploymentRegions ?? []);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="profile"/> is null.</exception>
    /// <exception cref="InconsistentUseCaseProfileException">The profile contradicts itself (Annex III point 6(e) without
    /// profiling).</exception>
    /// <exception cref="ArgumentException">The profile holds an undefined value, a null list or entry, a prohibited practice
    /// that is not an Article 5 provision of the law version, or a negative log retention.</exception>
    public IReadOnlyList<RiskRuleMatch> Evaluate(UseCaseProfile profile) => Assess(profile, default).Matches;

    internal EuAiActAssessment Assess(UseCaseProfile profile, DateOnly evaluatedOn)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var practices = Validate(profile);
        var useCases = Distinct(profile.HighRiskUseCases);
        var exempt = profile.Article6Exemption != Article6Exemption.None && !profile.ProfilesNaturalPersons;
        var model = profile.GeneralPurposeModel is { } m ? _models.Classify(m, evaluatedOn) : null;
        if (!IsInScope(profile))
        {
            return new EuAiActAssessment
            {
                InScope = false, Prohibited = [], HighRisk = [], Exempted = [], AnnexI = false, Matches = [],
            };
        }

        var assessment = new EuAiActAssessment
        {
            InScope = true,
            Prohibited = practices,
            HighRisk = exempt ? [] : useCases,
            Exempted = exempt ? useCases : [],
            AnnexI = profile.IsSafetyComponentOfRegulatedProduct,
            Model = model,
            Matches = [],
        };
        var matches = new List<RiskRuleMatch>();
        foreach (var practice in practices)
        {
            matches.Add(Match(profile, RiskTier.Prohibited, EuAiActCategory.Prohibited, practice.Description, [practice.ProvisionId]) with
            {
                RequiredControls = ["Do not develop, place on the market, put into service or use the system"],
            });
        }

        if (assessment.AnnexI)
        {
            matches.Add(Match(profile, RiskTier.High, EuAiActCategory.HighRisk,
                "Safety component of (or itself) a product under Annex I legislation that requires third-party conformity assessment.",
                ["Art. 6(1)"]) with { RequiredControls = HighRiskControls, RequiredDocumentation = HighRiskDocumentation });
        }

        AddAnnexIII(profile, assessment, matches);
        AddTransparency(profile, matches);
        if (model is { IsGeneralPurposeModel: true })
        {
            var systemic = model.HasSystemicRisk;
            matches.Add(Match(profile, systemic ? RiskTier.High : RiskTier.Medium, null,
                systemic
                    ? $"Provides a general-purpose AI model with systemic risk ({model.SystemicRisk})."
                    : "Provides a general-purpose AI model.",
                [.. model.Citations.Select(c => c[EuAiActLaw.CitationPrefix.Length..])]) with
            {
                // The model's obligations (Art. 52-55), not its definitions, decide when the Act bites.
                AppliesFrom = model.Duties.Count == 0 ? null : model.Duties.Min(d => d.AppliesFrom),
                RequiredDocumentation = [.. model.Duties.Select(d => d.Citation[EuAiActLaw.CitationPrefix.Length..] + ": " + d.Duty)],
            });
        }

        return assessment with { Matches = matches };
    }

    private void AddAnnexIII(UseCaseProfile profile, EuAiActAssessment assessment, List<RiskRuleMatch> matches)
    {
        foreach (var useCase in assessment.Exempted)
        {
            var point = AnnexIIIUseCases.GetProvisionId(useCase);
            var condition = "Art. 6(3)(" + (char)('a' + (int)profile.Article6Exemption - 1) + ")";
            matches.Add(Match(profile, RiskTier.Low, EuAiActCategory.MinimalRisk,
                $"{AnnexIIIUseCases.GetCitation(useCase)} is not high-risk: the provider relies on {condition} and the system does not profile "
                    + "natural persons.",
                [condition, point]) with
            {
                RequiredDocumentation =
                [
                    "Art. 6(3) assessment documented before placing on the market (Art. 6(4))",
                    "Registration in the EU database (Art. 49(2))",
                ],
            });
        }

        var publicDeployer = profile.DeployerType is DeployerType.Unknown or DeployerType.PublicAuthority
            or DeployerType.UnionInstitution or DeployerType.PrivateEntityProvidingPublicServices;
        foreach (var useCase in assessment.HighRisk)
        {
            var area = AnnexIIIUseCases.GetArea(useCase);
            var profiling = profile.Article6Exemption != Article6Exemption.None;
            List<string> provisions = profiling
                ? ["Art. 6(2)", "Art. 6(3), third subparagraph", AnnexIIIUseCases.GetProvisionId(useCase)]
                : ["Art. 6(2)", AnnexIIIUseCases.GetProvisionId(useCase)];
            var reason = profiling
                ? $"Intended for an Annex III use case in area {(int)area} ({area}); the Art. 6(3) condition does not apply because the system "
                    + "profiles natural persons."
                : $"Intended for an Annex III use case in area {(int)area} ({area}).";
            var documentation = new List<string>(HighRiskDocumentation);
            if (useCase == AnnexIIIUseCase.CriticalInfrastructureSafetyComponent)
            {
                documentation.Add("Registration at national level (Art. 49(5))");
            }
            else
            {
                documentation.Add(area is AnnexIIIArea.Biometrics or AnnexIIIArea.LawEnforcement or AnnexIIIArea.MigrationAsylumAndBorderControl
                    ? "Registration in the EU database (Art. 49(1)); in its secure non-public section for law enforcement, migration, asylum "
                        + "and border control (Art. 49(4))"
                    : "Registration in the EU database (Art. 49(1))");
                if (publicDeployer || useCase is AnnexIIIUseCase.PublicBenefitsEligibility or AnnexIIIUseCase.Creditworthiness
                    or AnnexIIIUseCase.LifeAndHealthInsurancePricing)
                {
                    documentation.Add("Fundamental rights impact assessment by the deployer (Art. 27)");
                }
            }

            matches.Add(Match(profile, RiskTier.High, EuAiActCategory.HighRisk, reason, provisions) with
            {
                RequiredControls = HighRiskControls,
                RequiredDocumentation = documentation,
            });
        }
    }

    private void AddTransparency(UseCaseProfile profile, List<RiskRuleMatch> matches)
    {
        if (profile.InteractsWithNaturalPersons)
        {
            matches.Add(Transparency(profile, "Art. 50(1)", "Interacts directly with natural persons.",
                "Inform people that they are interacting with an AI system"));
        }

        if (profile.GeneratesSyntheticContent)
        {
            matches.Add(Transparency(profile, "Art. 50(2)", "Generates synthetic audio, image, video or text content.",
                "Mark outputs in a machine-readable format as artificially generated or manipulated"));
        }

        if (profile.HighRiskUseCases.Any(u => u is AnnexIIIUseCase.EmotionRecognition or AnnexIIIUseCase.BiometricCategorisation))
        {
            matches.Add(Transparency(profile, "Art. 50(3)", "Performs emotion recognition or biometric categorisation.",
                "Inform exposed persons of the operation of the system and process personal data under the GDPR"));
        }

        if (profile.GeneratesDeepFakes)
        {
            matches.Add(Transparency(profile, "Art. 50(4)", "Generates or manipulates content constituting a deep fake.",
                "Disclose that the content has been artificially generated or manipulated"));
        }

        if (profile.GeneratesPublicInterestText)
        {
            matches.Add(Transparency(profile, "Art. 50(4), second subparagraph", "Generates text published on matters of public interest.",
                "Disclose that the text has been artificially generated or manipulated, unless it is under human editorial responsibility"));
        }
    }

    private RiskRuleMatch Transparency(UseCaseProfile profile, string provision, string reason, string obligation) =>
        Match(profile, RiskTier.Low, EuAiActCategory.LimitedRisk, reason, [provision]) with { Obligations = [obligation] };

    private RiskRuleMatch Match(UseCaseProfile profile, RiskTier tier, EuAiActCategory? category, string reason, List<string> provisionIds)
    {
        var citations = new List<string>(provisionIds.Count);
        DateOnly? from = null;
        var confidence = ProvisionConfidence.Confirmed;
        foreach (var id in provisionIds)
        {
            var provision = Law.Get(id);
            citations.Add(provision.Citation);
            var date = provision.GetAppliesFrom(profile.PlacedOnMarketOn);
            from = from is null || date > from ? date : from;
            confidence = provision.Confidence > confidence ? provision.Confidence : confidence;
        }

        return new RiskRuleMatch(RuleId, tier, string.Join(" and ", citations), reason)
        {
            Regulation = RegulationName,
            EuCategory = category,
            AppliesFrom = from,
            Provisions = provisionIds,
            Confidence = confidence,
        };
    }

    private List<ProhibitedPractice> Validate(UseCaseProfile profile)
    {
        if (profile.ProhibitedPractices is null || profile.HighRiskUseCases is null || profile.AffectedRights is null
            || profile.DeploymentRegions is null || profile.Roles is null || profile.Article25Triggers is null)
        {
            throw new ArgumentException("A list of the profile is null; use an empty list.", nameof(profile));
        }

        CheckDefined(profile.Article6Exemption);
        CheckDefined(profile.DecisionAutonomy);
        CheckDefined(profile.DeployerType);
        foreach (var value in profile.HighRiskUseCases)
        {
            CheckDefined(value);
        }

        foreach (var value in profile.AffectedRights)
        {
            CheckDefined(value);
        }

        foreach (var value in profile.Roles)
        {
            CheckDefined(value);
        }

        foreach (var value in profile.Article25Triggers)
        {
            CheckDefined(value);
        }

        if (profile.LogRetention is { } retention && retention < TimeSpan.Zero && retention != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentException($"{nameof(UseCaseProfile.LogRetention)} must not be negative; got {retention}.", nameof(profile));
        }

        if (profile.HighRiskUseCases.Contains(AnnexIIIUseCase.CriminalProfiling) && !profile.ProfilesNaturalPersons)
        {
            throw new InconsistentUseCaseProfileException(
                $"The profile '{profile.Name}' contradicts itself: {nameof(UseCaseProfile.HighRiskUseCases)} includes EU AI Act Annex III point 6(e) "
                    + $"(profiling of natural persons in criminal investigations) but {nameof(UseCaseProfile.ProfilesNaturalPersons)} is false. "
                    + "Such a system always profiles and is always high-risk (Art. 6(3), third subparagraph); correct the profile.",
                nameof(profile),
                [nameof(UseCaseProfile.HighRiskUseCases), nameof(UseCaseProfile.ProfilesNaturalPersons)]);
        }

        var practices = new List<ProhibitedPractice>();
        foreach (var practice in profile.ProhibitedPractices)
        {
            if (practice is null)
            {
                throw new ArgumentException("A prohibited practice of the profile is null.", nameof(profile));
            }

            if (!practice.ProvisionId.StartsWith("Art. 5(", StringComparison.Ordinal) || !Law.TryGet(practice.ProvisionId, out _))
            {
                throw new ArgumentException($"The prohibited practice '{practice.ProvisionId}' is not an Article 5 provision of the law version "
                    + $"'{Law.Id}'; register the amendment that inserts it (AddLawAmendment) or check the policy for unconfirmed amendments.",
                    nameof(profile));
            }

            if (!practices.Contains(practice))
            {
                practices.Add(practice);
            }
        }

        practices.Sort((a, b) => IndexOf(a.ProvisionId).CompareTo(IndexOf(b.ProvisionId)));
        return practices;
    }

    private int IndexOf(string provisionId)
    {
        var provisions = Law.Provisions;
        for (var i = 0; i < provisions.Count; i++)
        {
            if (string.Equals(provisions[i].Id, provisionId, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return int.MaxValue;
    }

    private static void CheckDefined<T>(T value, string paramName = "profile")
        where T : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            throw new ArgumentException($"Unknown {typeof(T).Name} value {value}.", paramName);
        }
    }

    private static List<AnnexIIIUseCase> Distinct(IReadOnlyCollection<AnnexIIIUseCase> useCases)
    {
        var list = new List<AnnexIIIUseCase>(useCases.Count);
        foreach (var value in useCases)
        {
            if (!list.Contains(value))
            {
                list.Add(value);
            }
        }

        list.Sort();
        return list;
    }
}
