namespace AiGovernance.Statistics;

/// <summary>A Population Stability Index with its per-bin contributions.</summary>
/// <param name="Value">PSI = Σ (cᵢ − rᵢ)·ln(cᵢ / rᵢ). Reading: &lt; 0.1 stable, 0.1–0.2 moderate, ≥ 0.2 significant.</param>
/// <param name="Bins">Every bin with its counts, proportions and contribution, in bin order.</param>
public readonly record struct PsiResult(double Value, IReadOnlyList<PsiBin> Bins)
{
    /// <summary>The bin with the largest contribution (the one that moved most).</summary>
    /// <returns>The bin; the first of equal contributions.</returns>
    public PsiBin LargestContribution()
    {
        var best = Bins[0];
        for (var i = 1; i < Bins.Count; i++)
        {
            if (Bins[i].Contribution > best.Contribution)
            {
                best = Bins[i];
            }
        }

        return best;
    }
}
