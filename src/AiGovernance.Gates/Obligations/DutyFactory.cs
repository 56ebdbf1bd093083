using AiGovernance.Gates.Law;

namespace AiGovernance.Gates.Obligations;

/// <summary>Builds <see cref="RoleDuty"/> entries from the law version, so every duty's citation, wording, date and
/// confidence come from its provision.</summary>
internal sealed class DutyFactory(EuAiActLawVersion law, DateOnly? placedOnMarketOn)
{
    public EuAiActLawVersion Law { get; } = law;

    /// <summary>A duty from a provision, applying no earlier than <paramref name="basisFrom"/> (the date the system's
    /// classification applies) and no more confident than <paramref name="basisConfidence"/>.</summary>
    public RoleDuty Create(
        OrganisationRole role,
        string provisionId,
        string basis,
        DateOnly? basisFrom = null,
        ProvisionConfidence basisConfidence = ProvisionConfidence.Confirmed,
        IReadOnlyList<string>? exceptions = null,
        string? evidence = null)
    {
        var provision = Law.Get(provisionId);
        var from = provision.GetAppliesFrom(placedOnMarketOn);
        return new RoleDuty
        {
            Role = role,
            ProvisionId = provision.Id,
            Citation = provision.Citation,
            Duty = provision.Title,
            AppliesFrom = basisFrom is { } b && b > from ? b : from,
            Basis = basis,
            Confidence = provision.Confidence > basisConfidence ? provision.Confidence : basisConfidence,
            Exceptions = exceptions ?? [],
            Evidence = evidence,
        };
    }
}
