using AiGovernance.Core;

namespace AiGovernance.Gates.Classification;

/// <summary>The internal baseline: <see cref="RiskTier.Medium"/> for automated decisions or affected fundamental rights,
/// <see cref="RiskTier.Low"/> otherwise. Always evaluated, so every classification has at least one reason.</summary>
public sealed class InternalRiskRule : IRiskRule
{
    /// <summary>The rule's identifier.</summary>
    public const string RuleId = "internal-baseline";

    /// <summary>The framework's name as reported in classifications.</summary>
    public const string FrameworkName = "Internal AI risk framework";

    /// <inheritdoc />
    public string Id => RuleId;

    /// <inheritdoc />
    public string Version => "1";

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="profile"/> is null.</exception>
    public IReadOnlyList<RiskRuleMatch> Evaluate(UseCaseProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var automated = profile.DecisionAutonomy == DecisionAutonomy.Automated;
        var rights = profile.AffectedRights.Count > 0;
        RiskRuleMatch match;
        if (automated || rights)
        {
            var reason = (automated, rights) switch
            {
                (true, true) => "Makes automated decisions that may affect fundamental rights.",
                (true, false) => "Makes automated decisions.",
                _ => "May affect fundamental rights.",
            };
            match = new RiskRuleMatch(RuleId, RiskTier.Medium, "Internal risk framework: automated decisions or affected rights", reason)
            {
                Regulation = FrameworkName,
            };
        }
        else
        {
            match = new RiskRuleMatch(RuleId, RiskTier.Low, "Internal risk framework: minimal impact",
                "Human-reviewed decisions with no affected fundamental rights.")
            {
                Regulation = FrameworkName,
            };
        }

        return [match];
    }
}
