namespace AiGovernance.Deployment.Recording;

/// <summary>Baseline and candidate traffic in one window.</summary>
/// <param name="Baseline">The baseline's traffic.</param>
/// <param name="Candidate">The candidate's traffic.</param>
public readonly record struct CanarySnapshot(VariantSnapshot Baseline, VariantSnapshot Candidate)
{
    /// <summary>Combines snapshots of the same rollout from two recorders (for example two pods).</summary>
    /// <param name="other">The other pair.</param>
    /// <returns>The combined pair.</returns>
    public CanarySnapshot Merge(CanarySnapshot other) => new(Baseline.Merge(other.Baseline), Candidate.Merge(other.Candidate));

    /// <summary>The traffic recorded after <paramref name="earlier"/>.</summary>
    /// <param name="earlier">An earlier pair from the same recorder.</param>
    /// <returns>The difference.</returns>
    public CanarySnapshot Subtract(CanarySnapshot earlier) => new(Baseline.Subtract(earlier.Baseline), Candidate.Subtract(earlier.Candidate));
}
