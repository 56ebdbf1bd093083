namespace AiGovernance.Monitoring.Embeddings;

/// <summary>Which embedding drift methods <see cref="EmbeddingDriftDetector"/> runs.</summary>
[Flags]
public enum EmbeddingDriftMethods
{
    /// <summary>None.</summary>
    None = 0,

    /// <summary>Maximum mean discrepancy with a Gaussian kernel.</summary>
    MaximumMeanDiscrepancy = 1,

    /// <summary>A cross-validated classifier on the leading principal components of the vectors.</summary>
    DomainClassifier = 2,

    /// <summary>Euclidean and cosine distance between the mean vectors, with permutation p-values.</summary>
    MeanDistance = 4,

    /// <summary>All three.</summary>
    All = MaximumMeanDiscrepancy | DomainClassifier | MeanDistance,
}
