using System.Text;
using AiGovernance.Core;
using AiGovernance.Gates.Lifecycle;

namespace AiGovernance.Dashboard.Pages;

/// <summary>Small presentation helpers: enum names in words, badge classes by tier and outcome.</summary>
internal static class Words
{
    /// <summary><c>DeploymentReadiness</c> → <c>Deployment readiness</c>.</summary>
    public static string Humanise(string pascalCase)
    {
        var text = new StringBuilder(pascalCase.Length + 8);
        for (var i = 0; i < pascalCase.Length; i++)
        {
            var c = pascalCase[i];
            if (i > 0 && char.IsUpper(c) && !char.IsUpper(pascalCase[i - 1]))
            {
                text.Append(' ').Append(char.ToLowerInvariant(c));
            }
            else
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }

    /// <summary>A lifecycle phase as recorded (its enum name) with its number: <c>4 · Deployment readiness</c>.</summary>
    public static string Phase(string recorded) =>
        Enum.TryParse<LifecyclePhase>(recorded, ignoreCase: false, out var phase) && Enum.IsDefined(phase)
            ? $"{(int)phase} · {Humanise(recorded)}"
            : recorded;

    public static string TierClass(RiskTier tier) => tier switch
    {
        RiskTier.Prohibited or RiskTier.High => "bad",
        RiskTier.Medium => "warn",
        _ => "ok",
    };

    public static string TierClass(string? tier) =>
        Enum.TryParse<RiskTier>(tier, ignoreCase: true, out var parsed) ? TierClass(parsed) : "warn";
}
