namespace AiGovernance.Gates.Law;

/// <summary>A change an amendment makes to an existing provision: a new date, new wording, or a transitional date.</summary>
/// <remarks>The declared <see cref="Effect"/> must agree with the dates: a later <see cref="AppliesFrom"/> or a
/// transitional date is a relaxation, an earlier one a tightening. A change that disagrees is refused when the law is
/// resolved, so a postponement cannot slip through <see cref="UnconfirmedAmendmentPolicy.TighteningOnly"/> labelled as a
/// tightening.</remarks>
public sealed record ProvisionChange
{
    /// <summary>The identifier of the provision changed, for example <c>Art. 6(2)</c>.</summary>
    public required string ProvisionId { get; init; }

    /// <summary>Whether the change tightens or relaxes the law.</summary>
    public required AmendmentEffect Effect { get; init; }

    /// <summary>The new date of application, or <see langword="null"/> to keep the current one.</summary>
    public DateOnly? AppliesFrom { get; init; }

    /// <summary>The new wording of the duty, or <see langword="null"/> to keep the current one.</summary>
    public string? Title { get; init; }

    /// <summary>A transitional date to add, or <see langword="null"/> to keep the current one.</summary>
    public TransitionalApplication? Transitional { get; init; }
}
