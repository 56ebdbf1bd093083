using AiGovernance.Core;

namespace AiGovernance.Gates.Classification;

/// <summary>The outcome of classifying a use case: tier, EU category, every reason with its citation, and the duties
/// that follow.</summary>
public sealed record RiskClassification
{
    /// <summary>The use case's name.</summary>
    public required string UseCaseName { get; init; }

    /// <summary>The highest tier any rule called for.</summary>
    public required RiskTier Tier { get; init; }

    /// <summary>The EU AI Act category.</summary>
    public required EuAiActCategory EuCategory { get; init; }

    /// <summary>Every reason, from every rule, in rule order.</summary>
    public required IReadOnlyList<RiskRuleMatch> Matches { get; init; }

    /// <summary>The regulations and frameworks that apply.</summary>
    public required IReadOnlyList<string> Regulations { get; init; }

    /// <summary>The controls required by the tier and by the matched rules, without duplicates.</summary>
    public required IReadOnlyList<string> RequiredControls { get; init; }

    /// <summary>The documentation required by the matched rules, without duplicates.</summary>
    public required IReadOnlyList<string> RequiredDocumentation { get; init; }

    /// <summary>Obligations towards people (Article 50 transparency duties), without duplicates.</summary>
    public required IReadOnlyList<string> Obligations { get; init; }

    /// <summary>The identifiers and versions of the rules applied, for example <c>eu-ai-act@2024.1689;internal-baseline@1</c>.</summary>
    public required string RuleSetVersion { get; init; }

    /// <summary>When the classification was made.</summary>
    public required DateTimeOffset ClassifiedAt { get; init; }

    /// <summary>Whether any reason cites the given text, for example <c>Art. 5(1)(c)</c>.</summary>
    /// <param name="citation">Part of a citation, compared ordinally.</param>
    /// <returns>Whether a matched rule cites it.</returns>
    public bool Cites(string citation)
    {
        ArgumentException.ThrowIfNullOrEmpty(citation);
        foreach (var match in Matches)
        {
            if (match.Citation.Contains(citation, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The matches whose provision does not apply yet at <see cref="ClassifiedAt"/>.</summary>
    /// <returns>The matches with a future <see cref="RiskRuleMatch.AppliesFrom"/> date.</returns>
    public IReadOnlyList<RiskRuleMatch> GetMatchesNotYetApplicable()
    {
        var today = DateOnly.FromDateTime(ClassifiedAt.UtcDateTime);
        var pending = new List<RiskRuleMatch>();
        foreach (var match in Matches)
        {
            if (match.AppliesFrom is { } from && from > today)
            {
                pending.Add(match);
            }
        }

        return pending;
    }
}
