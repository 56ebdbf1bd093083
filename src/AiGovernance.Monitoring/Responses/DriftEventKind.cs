namespace AiGovernance.Monitoring.Responses;

/// <summary>What kind of finding a <see cref="DriftEvent"/> reports.</summary>
public enum DriftEventKind
{
    /// <summary>Input distributions moved away from the reference.</summary>
    DataDrift = 0,

    /// <summary>The distribution of model outputs moved.</summary>
    PredictionDrift = 1,

    /// <summary>Performance on labelled data dropped against its recent average.</summary>
    ConceptDrift = 2,

    /// <summary>Performance shows a significant downward trend.</summary>
    PerformanceTrend = 3,

    /// <summary>A fairness metric broke its limit.</summary>
    Fairness = 4,

    /// <summary>A third-party component broke its SLA.</summary>
    VendorSla = 5,

    /// <summary>Performance estimated without labels (CBPE or DLE) dropped below the reference.</summary>
    EstimatedPerformance = 6,

    /// <summary>Realised performance, once labels arrived, left the band of its label-free estimate: the estimator no
    /// longer holds (usually concept drift).</summary>
    EstimationGap = 7,

    /// <summary>The joint distribution of several columns moved (PCA reconstruction error, domain classifier or MMD).</summary>
    MultivariateDrift = 8,

    /// <summary>The distribution of embedding vectors (or of text descriptors) moved.</summary>
    EmbeddingDrift = 9,
}
