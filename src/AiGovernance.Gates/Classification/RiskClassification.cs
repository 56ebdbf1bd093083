using AiGovernance.Core;
using AiGovernance.Gates.GeneralPurpose;
using AiGovernance.Gates.Law;
using AiGovernance.Gates.Obligations;

namespace AiGovernance.Gates.Classification;

/// <summary>The outcome of classifying a use case: tier, EU category, every reason with its citation, the duties per role
/// that follow, the version of the law applied and what is not yet applicable on the evaluated date.</summary>
public sealed record RiskClassification
{
    /// <summary>The use case's name.</summary>
    public required string UseCaseName { get; init; }

    /// <summary>The highest tier any rule called for. It does not depend on the evaluated date: a practice prohibited from
    /// a later date is <see cref="RiskTier.Prohibited"/> already, so nothing is deployed that the law will forbid.</summary>
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

    /// <summary>The identifiers and versions of the rules applied, for example
    /// <c>eu-ai-act@2024.1689+omnibus-2026:tightening;internal-baseline@1</c>.</summary>
    public required string RuleSetVersion { get; init; }

    /// <summary>When the classification was made.</summary>
    public required DateTimeOffset ClassifiedAt { get; init; }

    /// <summary>The date the classification was evaluated for: applicability of provisions and duties is reported for it.</summary>
    public required DateOnly EvaluatedOn { get; init; }

    /// <summary>The version of the EU AI Act applied, with its provisions and amendments.</summary>
    public required EuAiActLawVersion Law { get; init; }

    /// <summary>The roles whose duties are listed: those of the profile, <see cref="OrganisationRole.Provider"/> added when
    /// Art. 25(1) makes the organisation the provider, every role when the profile states none.</summary>
    public required IReadOnlyList<OrganisationRole> Roles { get; init; }

    /// <summary>The EU AI Act duties per role, each with its provision and date of application; empty when the Act does not
    /// apply.</summary>
    public required IReadOnlyList<RoleDuty> Duties { get; init; }

    /// <summary>The classification of the general-purpose AI model the profile provides, if any.</summary>
    public GpaiClassification? GeneralPurposeModel { get; init; }

    /// <summary>Facts that were missing and assumed (fail closed), and what to review, in words.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Whether any reason or duty rests on a provision whose text is unconfirmed.</summary>
    public bool ReliesOnUnconfirmedLaw =>
        Matches.Any(m => m.Confidence != ProvisionConfidence.Confirmed) || Duties.Any(d => d.Confidence != ProvisionConfidence.Confirmed);

    /// <summary>Whether any reason cites the given text, for example <c>Art. 5(1)(c)</c>.</summary>
    /// <param name="citation">Part of a citation, compared ordinally.</param>
    /// <returns>Whether a matched rule cites it.</returns>
    /// <exception cref="ArgumentException"><paramref name="citation"/> is null or empty.</exception>
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

    /// <summary>The matches whose provisions do not apply yet on <see cref="EvaluatedOn"/>.</summary>
    /// <returns>The matches with a later <see cref="RiskRuleMatch.AppliesFrom"/> date.</returns>
    public IReadOnlyList<RiskRuleMatch> GetMatchesNotYetApplicable() =>
        [.. Matches.Where(m => m.AppliesFrom is { } from && from > EvaluatedOn)];

    /// <summary>The duties that do not apply yet on <see cref="EvaluatedOn"/>.</summary>
    /// <returns>The duties with a later <see cref="RoleDuty.AppliesFrom"/> date.</returns>
    public IReadOnlyList<RoleDuty> GetDutiesNotYetApplicable() => [.. Duties.Where(d => !d.AppliesOn(EvaluatedOn))];

    /// <summary>The duties of one role.</summary>
    /// <param name="role">The role.</param>
    /// <returns>Its duties, in the order of the Act.</returns>
    public IReadOnlyList<RoleDuty> GetDuties(OrganisationRole role) => [.. Duties.Where(d => d.Role == role)];

    /// <summary>The duties whose check found the facts given break them (for example logs kept less than six months).</summary>
    /// <returns>The violated duties.</returns>
    public IReadOnlyList<RoleDuty> GetViolatedDuties() => [.. Duties.Where(d => d.Check == DutyCheck.Violated)];
}
