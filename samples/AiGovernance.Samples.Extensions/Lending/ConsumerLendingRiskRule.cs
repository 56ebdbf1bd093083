using AiGovernance.Core;
using AiGovernance.Gates.Classification;

namespace AiGovernance.Samples.Extensions.Lending;

/// <summary>A sector rule for consumer lending: any use case in the <c>consumer-lending</c> domain that assesses
/// creditworthiness on its own or profiles the applicant is <see cref="RiskTier.High"/>, citing the creditworthiness
/// duties of the second Consumer Credit Directive (Directive (EU) 2023/2225, Art. 18).</summary>
/// <remarks>
/// <para>The EU AI Act rule already classifies a profile that declares <see cref="AnnexIIIUseCase.Creditworthiness"/>.
/// This rule catches the profile that forgot to: a lending team describes its model by <see cref="UseCaseProfile.Domain"/>
/// and autonomy, and sector law still applies. Where the assessment is automated, Art. 18(8) gives the consumer the right
/// to human intervention, an explanation and a review, so those become required controls.</para>
/// <para>Human-in-the-loop tools that do not profile the applicant only add a duty (tier <see cref="RiskTier.Low"/>),
/// so the classifier's other rules decide their tier.</para>
/// </remarks>
public sealed class ConsumerLendingRiskRule : IRiskRule
{
    /// <summary>The rule's identifier.</summary>
    public const string RuleId = "consumer-lending";

    /// <summary>The domain label the rule applies to (compared case-insensitively).</summary>
    public const string Domain = "consumer-lending";

    /// <summary>The citation every match carries.</summary>
    public const string Citation = "Directive (EU) 2023/2225 Art. 18";

    private const string Regulation = "Directive (EU) 2023/2225 (Consumer Credit Directive)";

    /// <summary>The date from which Member States apply the directive's measures.</summary>
    public static DateOnly AppliesFrom { get; } = new(2026, 11, 20);

    /// <inheritdoc />
    public string Id => RuleId;

    /// <inheritdoc />
    public string Version => "1";

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="profile"/> is null.</exception>
    public IReadOnlyList<RiskRuleMatch> Evaluate(UseCaseProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (!string.Equals(profile.Domain, Domain, StringComparison.OrdinalIgnoreCase))
        {
            return [];
        }

        var automated = profile.DecisionAutonomy != DecisionAutonomy.HumanInTheLoop;
        if (!automated && !profile.ProfilesNaturalPersons)
        {
            return
            [
                new RiskRuleMatch(RuleId, RiskTier.Low, Citation,
                    "Consumer-lending tool with a human approving each decision and no profiling: keep the creditworthiness assessment documented.")
                {
                    Regulation = Regulation,
                    AppliesFrom = AppliesFrom,
                    RequiredDocumentation = ["creditworthiness-assessment-method"],
                },
            ];
        }

        var reason = automated
            ? "Assesses consumer creditworthiness with automated processing; the consumer may request human intervention, an explanation and a review (Art. 18(8))."
            : "Profiles consumers applying for credit; the creditworthiness assessment must rest on relevant, accurate information (Art. 18(2)–(3)).";
        return
        [
            new RiskRuleMatch(RuleId, RiskTier.High, Citation, reason)
            {
                Regulation = Regulation,
                AppliesFrom = AppliesFrom,
                RequiredControls = automated
                    ? ["human-intervention-on-request", "explanation-of-assessment", "review-on-request"]
                    : ["data-relevance-review"],
                RequiredDocumentation = ["creditworthiness-assessment-method"],
            },
        ];
    }
}
