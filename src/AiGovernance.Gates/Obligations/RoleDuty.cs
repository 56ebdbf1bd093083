using AiGovernance.Gates.Law;

namespace AiGovernance.Gates.Obligations;

/// <summary>One duty the EU AI Act places on one role, with its provision, date of application, the exceptions a person must
/// judge, and — where the classifier can — whether the facts given satisfy it.</summary>
public sealed record RoleDuty
{
    /// <summary>The role that owes the duty.</summary>
    public required OrganisationRole Role { get; init; }

    /// <summary>The provision's identifier in the law version, for example <c>Art. 26(6)</c>.</summary>
    public required string ProvisionId { get; init; }

    /// <summary>The provision's citation, for example <c>EU AI Act Art. 26(6)</c>.</summary>
    public required string Citation { get; init; }

    /// <summary>What the duty demands.</summary>
    public required string Duty { get; init; }

    /// <summary>The date from which the duty applies to this system: the later of the provision's date and the date from
    /// which the system's classification (for example Art. 6(2) and its Annex III point) applies.</summary>
    public required DateOnly AppliesFrom { get; init; }

    /// <summary>Why the duty applies to this system, for example <c>high-risk under EU AI Act Annex III point 5(b)</c>.</summary>
    public required string Basis { get; init; }

    /// <summary>Whether the provisions behind the duty are confirmed from a published text.</summary>
    /// <value>The default value is <see cref="ProvisionConfidence.Confirmed"/>.</value>
    public ProvisionConfidence Confidence { get; init; }

    /// <summary>The exceptions and conditions of the provision, which a person must judge (the classifier never does).</summary>
    public IReadOnlyList<string> Exceptions { get; init; } = [];

    /// <summary>Where the evidence for the duty can come from, for example another AiGovernance package's report.</summary>
    public string? Evidence { get; init; }

    /// <summary>Whether the facts given satisfy the duty.</summary>
    /// <value>The default value is <see cref="DutyCheck.NotChecked"/>.</value>
    public DutyCheck Check { get; init; }

    /// <summary>What was checked, or what to provide so the duty can be checked.</summary>
    public string? CheckDetail { get; init; }

    /// <summary>Whether the duty applies on a date.</summary>
    /// <param name="date">The date.</param>
    /// <returns>Whether <paramref name="date"/> is on or after <see cref="AppliesFrom"/>.</returns>
    public bool AppliesOn(DateOnly date) => date >= AppliesFrom;
}
