using AiGovernance.Core;
using AiGovernance.Gates.Law;

namespace AiGovernance.Gates.Classification;

/// <summary>One reason a risk rule gives for a tier, with its citation and the duties it brings.</summary>
/// <param name="RuleId">The identifier of the rule that matched.</param>
/// <param name="Tier">The tier this reason calls for; <see cref="RiskTier.Low"/> for reasons that only add duties.</param>
/// <param name="Citation">The legal or policy citation, for example <c>EU AI Act Art. 5(1)(c)</c>.</param>
/// <param name="Reason">Why the rule matched, in words a reviewer can check against the profile.</param>
public sealed record RiskRuleMatch(string RuleId, RiskTier Tier, string Citation, string Reason)
{
    /// <summary>The regulation or framework the citation belongs to.</summary>
    public string? Regulation { get; init; }

    /// <summary>The EU AI Act category this reason establishes, or <see langword="null"/> for rules outside the Act.</summary>
    public EuAiActCategory? EuCategory { get; init; }

    /// <summary>The date from which the cited provisions apply, when known (the latest of them).</summary>
    public DateOnly? AppliesFrom { get; init; }

    /// <summary>The identifiers of the EU AI Act provisions the citation is made of, in the law version applied; empty for
    /// rules outside the Act.</summary>
    public IReadOnlyList<string> Provisions { get; init; } = [];

    /// <summary>Whether the cited provisions are confirmed from a published text.</summary>
    /// <value>The default value is <see cref="ProvisionConfidence.Confirmed"/>.</value>
    public ProvisionConfidence Confidence { get; init; }

    /// <summary>Controls the reason requires.</summary>
    public IReadOnlyList<string> RequiredControls { get; init; } = [];

    /// <summary>Documentation the reason requires.</summary>
    public IReadOnlyList<string> RequiredDocumentation { get; init; } = [];

    /// <summary>Obligations towards people (for example Article 50 transparency duties).</summary>
    public IReadOnlyList<string> Obligations { get; init; } = [];
}
