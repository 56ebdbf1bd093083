namespace AiGovernance.Gates.DueDiligence;

/// <summary>The gaps the contract checklist found.</summary>
/// <param name="Gaps">The gaps, in checklist order.</param>
/// <param name="Details">A sentence per gap.</param>
public readonly record struct ContractReview(IReadOnlyList<ContractGap> Gaps, IReadOnlyList<string> Details)
{
    /// <summary>Whether the contract covers every checklist item.</summary>
    public bool IsComplete => Gaps.Count == 0;
}
