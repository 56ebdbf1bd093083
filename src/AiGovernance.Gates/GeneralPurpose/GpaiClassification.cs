using AiGovernance.Gates.Obligations;

namespace AiGovernance.Gates.GeneralPurpose;

/// <summary>The outcome of classifying an AI model under Chapter V of the EU AI Act.</summary>
public sealed record GpaiClassification
{
    /// <summary>The model's name.</summary>
    public required string ModelName { get; init; }

    /// <summary>Whether the model is a general-purpose AI model (Art. 3(63)).</summary>
    public required bool IsGeneralPurposeModel { get; init; }

    /// <summary>Why the model has systemic risk; <see cref="SystemicRiskGrounds.None"/> when it does not.</summary>
    public required SystemicRiskGrounds SystemicRisk { get; init; }

    /// <summary>The provisions the classification rests on, as citations (for example <c>EU AI Act Art. 51(2)</c>).</summary>
    public required IReadOnlyList<string> Citations { get; init; }

    /// <summary>The provider's obligations (Art. 52–55), each with its date of application.</summary>
    public required IReadOnlyList<RoleDuty> Duties { get; init; }

    /// <summary>Exemptions applied and facts to review, in words.</summary>
    public required IReadOnlyList<string> Notes { get; init; }

    /// <summary>The date the classification was evaluated for.</summary>
    public required DateOnly EvaluatedOn { get; init; }

    /// <summary>The identifier of the law version applied (see <see cref="Law.EuAiActLawVersion.Id"/>).</summary>
    public required string LawVersion { get; init; }

    /// <summary>Whether the model has systemic risk on any ground.</summary>
    public bool HasSystemicRisk => SystemicRisk != SystemicRiskGrounds.None;

    /// <summary>The duties that do not apply yet on <see cref="EvaluatedOn"/>.</summary>
    /// <returns>The duties with a later date of application.</returns>
    public IReadOnlyList<RoleDuty> GetDutiesNotYetApplicable() => [.. Duties.Where(d => !d.AppliesOn(EvaluatedOn))];
}
