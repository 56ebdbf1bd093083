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

    /// <summary>The level the p-values are compared with.</summary>
    public double SignificanceLevel { get; init; }

    /// <summary>Reference vectors used (a seeded sample when there are more).</summary>
    public int ReferenceRows { get; init; }

    /// <summary>Current vectors used.</summary>
    public int CurrentRows { get; init; }

    /// <summary>Whether either p-value is below <see cref="SignificanceLevel"/>.</summary>
    public bool IsDrifted { get; init; }
}
