namespace AiGovernance.Monitoring.Embeddings;

/// <summary>How far the current mean embedding moved from the reference's.</summary>
public sealed record EmbeddingMeanDistanceResult
{
    /// <summary>‖μ_ref − μ_cur‖₂.</summary>
    public double Euclidean { get; init; }

    /// <summary>The permutation p-value of <see cref="Euclidean"/>.</summary>
    public double EuclideanPValue { get; init; }

    /// <summary>The cosine distance 1 − cos(μ_ref, μ_cur); NaN when a mean is the zero vector.</summary>
    public double Cosine { get; init; }

    /// <summary>The permutation p-value of <see cref="Cosine"/>.</summary>
    public double CosinePValue { get; init; }

    /// <summary>The number of permutations.</summary>
    public int Permutations { get; init; }

    /// <summary>The method's p-value: min(1, 2·min(<see cref="EuclideanPValue"/>, <see cref="CosinePValue"/>)) (Bonferroni
    /// over its two distances; the Euclidean one alone when the cosine is undefined).</summary>
    public double PValue { get; init; }

    /// <summary><see cref="PValue"/> after the Holm correction across the report's methods.</summary>
    public double AdjustedPValue { get; init; }

    /// <summary>The level <see cref="AdjustedPValue"/> is compared with.</summary>
    public double SignificanceLevel { get; init; }

    /// <summary>Reference vectors used (a seeded sample when there are more).</summary>
    public int ReferenceRows { get; init; }

    /// <summary>Current vectors used.</summary>
    public int CurrentRows { get; init; }

    /// <summary>Whether <see cref="AdjustedPValue"/> is below <see cref="SignificanceLevel"/>.</summary>
    public bool IsDrifted { get; init; }
}
