using System.ComponentModel.DataAnnotations;

namespace AiGovernance.Monitoring.Embeddings;

/// <summary>How <see cref="EmbeddingDriftDetector"/> compares embedding vectors.</summary>
public sealed class EmbeddingDriftOptions
{
    /// <summary>The methods to run.</summary>
    /// <value>The default value is <see cref="EmbeddingDriftMethods.All"/>.</value>
    public EmbeddingDriftMethods Methods { get; set; } = EmbeddingDriftMethods.All;

    /// <summary>Permutations of the MMD test and of the mean-distance p-values.</summary>
    /// <value>The default value is 500.</value>
    [Range(1, 100_000)]
    public int Permutations { get; set; } = EmbeddingDriftDefaults.Permutations;

    /// <summary>The family level: the methods' p-values are Holm-corrected together and compared with it.</summary>
    /// <value>The default value is 0.05.</value>
    [Range(double.Epsilon, 0.5)]
    public double SignificanceLevel { get; set; } = EmbeddingDriftDefaults.SignificanceLevel;

    /// <summary>The permutation tests and the classifier use a seeded sample of at most this many vectors per side.</summary>
    /// <value>The default value is 1000.</value>
    [Range(10, 8000)]
    public int MaxRowsPerSide { get; set; } = EmbeddingDriftDefaults.MaxRowsPerSide;

    /// <summary>When both sides have more vectors than this, MMD uses the linear-time estimator on every vector.</summary>
    /// <value>The default value is 10,000.</value>
    [Range(4, int.MaxValue)]
    public int LinearTimeMmdRows { get; set; } = EmbeddingDriftDefaults.LinearTimeMmdRows;

    /// <summary>The domain classifier sees the vectors' coordinates on this many leading principal components of the
    /// pooled sample (capped at the dimension).</summary>
    /// <value>The default value is 20.</value>
    [Range(1, 200)]
    public int ClassifierComponents { get; set; } = EmbeddingDriftDefaults.ClassifierComponents;

    /// <summary>The classifier tests "AUC &gt; 0.5 + this margin" (one-sided, DeLong).</summary>
    /// <value>The default value is 0.02.</value>
    [Range(0.0, 0.45)]
    public double ClassifierMargin { get; set; } = EmbeddingDriftDefaults.ClassifierMargin;

    /// <summary>The confidence level of the classifier's DeLong interval.</summary>
    /// <value>The default value is 0.95.</value>
    [Range(0.5, 0.9999)]
    public double ConfidenceLevel { get; set; } = EmbeddingDriftDefaults.ConfidenceLevel;

    /// <summary>Cross-validation folds of the classifier.</summary>
    /// <value>The default value is 5.</value>
    [Range(2, 20)]
    public int Folds { get; set; } = EmbeddingDriftDefaults.Folds;

    /// <summary>λ of the classifier's L2 penalty.</summary>
    /// <value>The default value is 1.</value>
    [Range(double.Epsilon, double.MaxValue)]
    public double RidgePenalty { get; set; } = EmbeddingDriftDefaults.RidgePenalty;

    /// <summary>The seed of every sample, fold assignment and permutation.</summary>
    /// <value>The default value is 26.</value>
    public long Seed { get; set; } = EmbeddingDriftDefaults.Seed;
}
