using AiGovernance.Core;
using AiGovernance.Gates.Law;
using AiGovernance.Gates.Obligations;

namespace AiGovernance.Gates.Classification;

/// <summary>Classifies use cases: the built-in EU AI Act and internal baseline rules plus any user rules; the highest
/// tier wins and every reason is kept.</summary>
/// <remarks>Thread-safe once constructed. The EU AI Act rule applies the law version selected by
/// <see cref="RiskClassificationOptions.UnconfirmedAmendments"/> and the registered amendments; each classification reports
/// it (<see cref="RiskClassification.Law"/>), the duties per role, and what is not yet applicable on the evaluated date.
/// The tier's controls follow the tiered governance intensity of the practice (docs/background.md): independent validation and legal review for high
/// risk, peer
/// review for medium, automated gates for low.</remarks>
public sealed class RiskClassifier
{
    private readonly EuAiActRiskRule _euAiAct;
    private readonly IRiskRule[] _rules;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates a classifier.</summary>
    /// <param name="options">Territorial scope, amendment policy and systemic-risk threshold of the EU AI Act rules.</param>
    /// <param name="timeProvider">The clock that stamps classifications and gives the evaluated date.</param>
    /// <param name="additionalRules">User rules (for example sector law), evaluated after the built-in rules.</param>
    /// <param name="amendments">Further amendments of the EU AI Act, applied after the built-in ones.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> or <paramref name="timeProvider"/> is null.</exception>
    /// <exception cref="ArgumentException">A user rule is null or reuses a built-in rule's identifier, the options are invalid,
    /// or an amendment is malformed.</exception>
    public RiskClassifier(
        RiskClassificationOptions options,
        TimeProvider timeProvider,
        IEnumerable<IRiskRule>? additionalRules = null,
        IEnumerable<LawAmendment>? amendments = null)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _euAiAct = new EuAiActRiskRule(options, amendments);
        _timeProvider = timeProvider;
        var rules = new List<IRiskRule> { _euAiAct, new InternalRiskRule() };
        foreach (var rule in additionalRules ?? [])
        {
            if (rule is null)
            {
                throw new ArgumentException("A risk rule is null.", nameof(additionalRules));
            }

            if (rule is EuAiActRiskRule or InternalRiskRule)
            {
                continue;
            }

            if (rule.Id is EuAiActRiskRule.RuleId or InternalRiskRule.RuleId)
            {
                throw new ArgumentException($"The rule id '{rule.Id}' is reserved for a built-in rule.", nameof(additionalRules));
            }

            rules.Add(rule);
        }

        _rules = [.. rules];
    }

    /// <summary>The version of the EU AI Act applied.</summary>
    public EuAiActLawVersion Law => _euAiAct.Law;

    /// <summary>Classifies a use case, evaluating applicability on today's date (UTC) from the <see cref="TimeProvider"/>.</summary>
    /// <param name="profile">The use case.</param>
    /// <returns>The classification.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="profile"/> is null.</exception>
    /// <exception cref="InconsistentUseCaseProfileException">The profile contradicts itself.</exception>
    /// <exception cref="ArgumentException">The profile holds an undefined value, a null list or entry, or a prohibited
    /// practice that is not a provision of the law version.</exception>
    public RiskClassification Classify(UseCaseProfile profile) =>
        Classify(profile, DateOnly.FromDateTime(_timeProvider.GetUtcNow().UtcDateTime));

    /// <summary>Classifies a use case, evaluating applicability on a given date (for example a planned go-live).</summary>
    /// <param name="profile">The use case.</param>
    /// <param name="evaluatedOn">The date whose applicable provisions and duties are reported; the tier does not depend on it.</param>
    /// <returns>The classification.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="profile"/> is null.</exception>
    /// <exception cref="InconsistentUseCaseProfileException">The profile contradicts itself.</exception>
    /// <exception cref="ArgumentException">The profile holds an undefined value, a null list or entry, or a prohibited
    /// practice that is not a provision of the law version.</exception>
    public RiskClassification Classify(UseCaseProfile profile, DateOnly evaluatedOn)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var assessment = _euAiAct.Assess(profile, evaluatedOn);
        var matches = new List<RiskRuleMatch>(assessment.Matches);
        var versions = new List<string>(_rules.Length) { _euAiAct.Id + "@" + _euAiAct.Version };
        foreach (var rule in _rules.AsSpan(1))
        {
            versions.Add(rule.Id + "@" + rule.Version);
            foreach (var match in rule.Evaluate(profile) ?? [])
            {
                if (match is not null)
                {
                    matches.Add(match);
                }
            }
        }

        var tier = RiskTier.Low;
        var category = assessment.InScope ? EuAiActCategory.MinimalRisk : EuAiActCategory.NotInScope;
        var regulations = new List<string>();
        var controls = new List<string>();
        var documentation = new List<string>();
        var obligations = new List<string>();
        if (assessment.InScope)
        {
            regulations.Add(EuAiActRiskRule.RegulationName);
        }

        foreach (var match in matches)
        {
            if (match.Tier > tier)
            {
                tier = match.Tier;
            }

            if (match.EuCategory is { } c && c > category)
            {
                category = c;
            }

            AddDistinct(regulations, match.Regulation);
            AddAllDistinct(documentation, match.RequiredDocumentation);
            AddAllDistinct(obligations, match.Obligations);
        }

        if (assessment.InScope && (profile.ProfilesNaturalPersons || profile.AffectedRights.Contains(FundamentalRight.DataProtection)
            || profile.AffectedRights.Contains(FundamentalRight.Privacy)))
        {
            AddDistinct(regulations, "Regulation (EU) 2016/679 (GDPR)");
        }

        AddAllDistinct(controls, ControlsFor(tier));
        foreach (var match in matches)
        {
            AddAllDistinct(controls, match.RequiredControls);
        }

        var (roles, duties, notes) = EuAiActDutyCatalogue.Build(profile, assessment, Law);
        if (assessment.Model is { } model)
        {
            notes.AddRange(model.Notes);
        }

        versions.Sort(StringComparer.Ordinal);
        return new RiskClassification
        {
            UseCaseName = profile.Name,
            Tier = tier,
            EuCategory = category,
            Matches = matches,
            Regulations = regulations,
            RequiredControls = controls,
            RequiredDocumentation = documentation,
            Obligations = obligations,
            RuleSetVersion = string.Join(';', versions),
            ClassifiedAt = _timeProvider.GetUtcNow(),
            EvaluatedOn = evaluatedOn,
            Law = Law,
            Roles = roles,
            Duties = duties,
            GeneralPurposeModel = assessment.Model,
            Notes = notes,
        };
    }

    private static string[] ControlsFor(RiskTier tier) => tier switch
    {
        RiskTier.Prohibited => ["Block at every gate"],
        RiskTier.High =>
        [
            "Independent validation by a team that did not build the model",
            "Comprehensive fairness testing across demographic segments",
            "Documented human oversight procedures with monitored override rates",
            "Legal, compliance and ethics committee review",
        ],
        RiskTier.Medium =>
        [
            "Peer review and approval from senior technical leadership",
            "Fairness testing for known sensitive attributes",
            "Human review for edge cases and high-uncertainty predictions",
        ],
        _ =>
        [
            "Automated validation gates with threshold-based approval",
            "Basic performance testing and data quality checks",
            "Monitoring",
        ],
    };

    private static void AddDistinct(List<string> list, string? value)
    {
        if (!string.IsNullOrEmpty(value) && !list.Contains(value))
        {
            list.Add(value);
        }
    }

    private static void AddAllDistinct(List<string> list, IReadOnlyList<string>? values)
    {
        foreach (var value in values ?? [])
        {
            AddDistinct(list, value);
        }
    }
}
