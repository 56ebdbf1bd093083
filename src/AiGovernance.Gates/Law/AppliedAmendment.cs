namespace AiGovernance.Gates.Law;

/// <summary>An amendment as applied to a <see cref="EuAiActLawVersion"/>: in full, or only its tightening changes.</summary>
/// <param name="Amendment">The amendment.</param>
/// <param name="SkippedChanges">The relaxing changes left out under <see cref="UnconfirmedAmendmentPolicy.TighteningOnly"/>;
/// empty when the amendment was applied in full.</param>
public sealed record AppliedAmendment(LawAmendment Amendment, IReadOnlyList<ProvisionChange> SkippedChanges)
{
    /// <summary>Whether some of the amendment's changes were left out.</summary>
    public bool IsPartial => SkippedChanges.Count > 0;
}
